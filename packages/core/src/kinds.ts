/**
 * Data kinds that flow between pipeline stages, and the item types that carry them.
 *
 * Every array is float32 in C (row-major) order. Shapes and axis order are
 * given on each field. A stage output is an RxJS stream of items of one kind.
 */

/** Names of the data kinds a plugin can consume or produce. */
export const DATA_KINDS = [
  'array',
  'image',
  'dictionary',
  'sparse-code',
  'metrics',
  'summary',
  'report',
] as const;

export type DataKind = (typeof DATA_KINDS)[number];

/** An n-dimensional float32 array in C order. */
export interface NdArray {
  /** Axis lengths, outermost first. */
  readonly shape: readonly number[];
  /** Elements in C order; `data.length` is the product of `shape`. */
  readonly data: Float32Array;
}

/** A named array, as emitted by generic sources and consumed by `.npy` sinks. */
export interface ArrayItem extends NdArray {
  readonly kind: 'array';
  /** Stable name, used as the file stem when the array is saved. */
  readonly name: string;
}

/**
 * An image with one (grey) or three (RGB) channels. Values are in the range
 * of the source (0..255 after decoding, any range after preprocessing).
 */
export interface ImageItem {
  readonly kind: 'image';
  /** Stable identifier, usually the file stem (`coffee`). */
  readonly id: string;
  /** Path of the file it was read from, when it came from a file. */
  readonly source?: string;
  readonly height: number;
  readonly width: number;
  /** 1 for grey, 3 for RGB. Coders accept only grey images. */
  readonly channels: number;
  /** Pixels, shape `[height, width, channels]`. */
  readonly data: Float32Array;
  /** Names of the preprocessing steps applied so far, in order (`grey`, `crop`, `resize`, `lcn`). */
  readonly steps: readonly string[];
}

/**
 * Parameters of one dictionary atom. Log-Gabor atoms fill every field;
 * random or loaded atoms carry only `index` (and whatever a parameter file gives).
 */
export interface AtomParams {
  /** Position of the atom along the dictionary's last axis. */
  readonly index: number;
  /** Orientation θ in radians, in [0, π). */
  readonly theta?: number;
  /** Orientation bandwidth B_θ in radians. */
  readonly bTheta?: number;
  /** Phase ψ in radians (0 for even, π/2 for odd atoms). */
  readonly phase?: number;
  /** Radial peak frequency sf0, in cycles per pixel. */
  readonly sf0?: number;
  /** Radial bandwidth B_sf (log-normal width, dimensionless). */
  readonly bSf?: number;
}

/** A convolutional dictionary of K kernels of size h×w. */
export interface DictionaryItem {
  readonly kind: 'dictionary';
  /** Name used to label results (`homogeneous`, `heterogeneous`, a file stem). */
  readonly name: string;
  readonly height: number;
  readonly width: number;
  /** Number of atoms K. */
  readonly atoms: number;
  /** Kernels, shape `[height, width, atoms]` (the layout of the reference `.npy` files). */
  readonly data: Float32Array;
  /** One entry per atom, in atom order. */
  readonly atomParams: readonly AtomParams[];
}

/** One record per solver iteration, with fixed fields (SPORCO's `IterationStats`). */
export interface IterationStats {
  /** 1 for the first iteration. */
  readonly iteration: number;
  /**
   * ½‖Σ_k d_k * x_k − s‖² + λ Σ_k ‖w_k x_k‖₁ at this iteration's X iterate, as
   * SPORCO records it by default; CBPDN's `objectiveOnY` option evaluates it at
   * the sparse Y iterate instead.
   */
  readonly objective: number;
  /** ½‖Σ_k d_k * x_k − s‖². */
  readonly dataFidelity: number;
  /** Σ_k ‖w_k x_k‖₁ (without λ). */
  readonly l1: number;
  readonly primalResidual: number;
  readonly dualResidual: number;
  readonly primalThreshold: number;
  readonly dualThreshold: number;
  /** Penalty ρ used in this iteration. */
  readonly rho: number;
  /** Seconds since the solve started. */
  readonly time: number;
}

/** The sparse code of one image with one dictionary. */
export interface SparseCodeItem {
  readonly kind: 'sparse-code';
  readonly imageId: string;
  readonly dictionaryName: string;
  /** The coded image s, shape `[height, width]`. */
  readonly image: Float32Array;
  readonly height: number;
  readonly width: number;
  readonly atoms: number;
  /** Coefficient maps x, shape `[atoms, height, width]`. */
  readonly coefficients: Float32Array;
  /** Reconstruction Σ_k d_k * x_k, shape `[height, width]`. */
  readonly reconstruction: Float32Array;
  /** λ used for the solve. */
  readonly lambda: number;
  /** Per-iteration statistics; empty when the solver ran without them. */
  readonly iterations: readonly IterationStats[];
  /** True when both relative residuals fell below the tolerance before the iteration limit. */
  readonly converged: boolean;
  /** Wall time of the solve in seconds. */
  readonly seconds: number;
  /** Name of the backend that ran the solve (`cpu-reference`, `cpu-fast`, ...). */
  readonly backend: string;
  /** Atom parameters of the dictionary, for grouping coefficients. */
  readonly atomParams: readonly AtomParams[];
}

/** Scalar metrics of one (image, dictionary) pair, plus optional grouped activations. */
export interface MetricsItem {
  readonly kind: 'metrics';
  readonly imageId: string;
  readonly dictionaryName: string;
  /** Flat name → number record (`psnr`, `sparseness`, `nonzeros`, ...). */
  readonly values: Readonly<Record<string, number>>;
  /** Free-form structured values (activation by orientation, resilience curves, ...). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A summary across images: statistics per condition and tests between conditions. */
export interface SummaryItem {
  readonly kind: 'summary';
  /** Arbitrary JSON-serialisable content, written into `results.json`. */
  readonly content: Readonly<Record<string, unknown>>;
}

/** A report written to the run directory. */
export interface ReportItem {
  readonly kind: 'report';
  /** Path of the report file, relative to the run directory. */
  readonly path: string;
}

/** Map from kind name to item type. */
export interface KindItemMap {
  array: ArrayItem;
  image: ImageItem;
  dictionary: DictionaryItem;
  'sparse-code': SparseCodeItem;
  metrics: MetricsItem;
  summary: SummaryItem;
  report: ReportItem;
}

export type Item = KindItemMap[DataKind];
