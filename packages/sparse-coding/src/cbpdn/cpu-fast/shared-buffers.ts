/**
 * The arrays one fast CBPDN solve shares between its threads. Each lives in
 * its own SharedArrayBuffer, so a worker gets views on the same memory.
 * Spectra use the layout of the plan's `UnorderedRealFft2d` (`frequencies`
 * complex values in blocks of `complexBlock`), so they are only meaningful
 * element by element.
 */

/** Sizes that fix the layout of every shared array. */
export interface SolveShape {
  readonly height: number;
  readonly width: number;
  /** Number of atoms K. */
  readonly atoms: number;
  readonly kernelHeight: number;
  readonly kernelWidth: number;
  /** Complex values per spectrum of the plan. */
  readonly frequencies: number;
  /** The plan's `complexBlock`. */
  readonly complexBlock: number;
  /** Number of threads, the main thread included. */
  readonly threads: number;
  /**
   * True when each thread keeps u and Z_k of its atoms in its own memory (the
   * SIMD engine), so the shared `u` and `residualSpectra` stay empty.
   */
  readonly threadLocalState: boolean;
}

/** Slots of the per-thread sums in `stepSums` (float64, `STEP_SUM_COUNT` per thread). */
export const STEP_SUM = {
  xSquared: 0,
  ySquared: 1,
  uSquared: 2,
  primalSquared: 3,
  changeSquared: 4,
  l1OfX: 5,
  l1OfY: 6,
  /** 1 when a value stopped being finite. */
  notFinite: 7,
} as const;
export const STEP_SUM_COUNT = 8;

/** The SharedArrayBuffers, as posted to workers. */
export interface SharedBuffers {
  readonly shape: SolveShape;
  /** Kernels `[kernelHeight, kernelWidth, atoms]` (the dictionary layout). */
  readonly kernels: SharedArrayBuffer;
  /** D_k, float32 `[atoms, 2·frequencies]`. */
  readonly dictionarySpectra: SharedArrayBuffer;
  /** S, float32 `[2·frequencies]`. */
  readonly imageSpectrum: SharedArrayBuffer;
  /** Σ_k |D_k|², float64 `[frequencies]`. */
  readonly energy: SharedArrayBuffer;
  /** w_k, float64 `[atoms]`. */
  readonly weights: SharedArrayBuffer;
  /** Iterates y and u, float32 `[atoms, height, width]`. */
  readonly y: SharedArrayBuffer;
  readonly u: SharedArrayBuffer;
  /** Z_k = FFT(y − u)_k, float32 `[atoms, 2·frequencies]`. */
  readonly residualSpectra: SharedArrayBuffer;
  /** Per-thread partial sums Σ_k D_k Z_k, float64 `[threads, 2·frequencies]`. */
  readonly residualProducts: SharedArrayBuffer;
  /** Per-thread partial sums Σ_k D_k Y_k, float64 `[threads, 2·frequencies]`. */
  readonly coefficientProducts: SharedArrayBuffer;
  /** a = Σ_k D_k b_k / (Σ_k |D_k|² + ρ), float64 `[2·frequencies]`. */
  readonly gamma: SharedArrayBuffer;
  /** Per-thread sums of the Y and U steps, float64 `[threads, STEP_SUM_COUNT]`. */
  readonly stepSums: SharedArrayBuffer;
}

/** Typed views on {@link SharedBuffers}. */
export interface SharedViews {
  readonly shape: SolveShape;
  readonly kernels: Float32Array;
  readonly dictionarySpectra: Float32Array;
  readonly imageSpectrum: Float32Array;
  readonly energy: Float64Array;
  readonly weights: Float64Array;
  readonly y: Float32Array;
  readonly u: Float32Array;
  readonly residualSpectra: Float32Array;
  readonly residualProducts: Float64Array;
  readonly coefficientProducts: Float64Array;
  readonly gamma: Float64Array;
  readonly stepSums: Float64Array;
}

/** Allocates zeroed shared arrays for one solve. */
export function allocateSharedBuffers(shape: SolveShape): SharedBuffers {
  const { height, width, atoms, kernelHeight, kernelWidth, frequencies, threads, threadLocalState } = shape;
  const float32 = (length: number): SharedArrayBuffer => new SharedArrayBuffer(4 * length);
  const float64 = (length: number): SharedArrayBuffer => new SharedArrayBuffer(8 * length);
  const planes = atoms * height * width;
  return {
    shape,
    kernels: float32(kernelHeight * kernelWidth * atoms),
    dictionarySpectra: float32(atoms * 2 * frequencies),
    imageSpectrum: float32(2 * frequencies),
    energy: float64(frequencies),
    weights: float64(atoms),
    y: float32(planes),
    u: float32(threadLocalState ? 0 : planes),
    residualSpectra: float32(threadLocalState ? 0 : atoms * 2 * frequencies),
    residualProducts: float64(threads * 2 * frequencies),
    coefficientProducts: float64(threads * 2 * frequencies),
    gamma: float64(2 * frequencies),
    stepSums: float64(threads * STEP_SUM_COUNT),
  };
}

/** Creates typed views on shared arrays (in the thread that calls it). */
export function viewSharedBuffers(buffers: SharedBuffers): SharedViews {
  return {
    shape: buffers.shape,
    kernels: new Float32Array(buffers.kernels),
    dictionarySpectra: new Float32Array(buffers.dictionarySpectra),
    imageSpectrum: new Float32Array(buffers.imageSpectrum),
    energy: new Float64Array(buffers.energy),
    weights: new Float64Array(buffers.weights),
    y: new Float32Array(buffers.y),
    u: new Float32Array(buffers.u),
    residualSpectra: new Float32Array(buffers.residualSpectra),
    residualProducts: new Float64Array(buffers.residualProducts),
    coefficientProducts: new Float64Array(buffers.coefficientProducts),
    gamma: new Float64Array(buffers.gamma),
    stepSums: new Float64Array(buffers.stepSums),
  };
}

/** Returns the half-open range of atoms that thread `thread` works on (an even split). */
export function atomRange(shape: SolveShape, thread: number): [number, number] {
  const start = Math.floor((shape.atoms * thread) / shape.threads);
  const end = Math.floor((shape.atoms * (thread + 1)) / shape.threads);
  return [start, end];
}
