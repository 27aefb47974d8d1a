import type { UnorderedRealFft2d, WebAssemblyBuffers } from '../unordered-real-fft-2d.ts';
import { PFFFT_BACKWARD, PFFFT_FORWARD, type PffftModule } from '../types/pffft-module.ts';
import { compileWat } from '../compile-wat.ts';
import { wasmApi, type WasmMemory } from '../types/wasm-api.ts';
import { loadPffft, type PffftFlavour } from './load-pffft.ts';
import { allocatePffftPlanMemory, freePffftPlanMemory, NO_PLAN_MEMORY } from './pffft-plan-memory.ts';

/** The exports of `transpose-kernels.wat`. */
export interface TransposeKernels {
  rowsToColumns(rows: number, columns: number, height: number, width: number): void;
  /** rowsToColumns for heights that are multiples of 8, faster for power-of-two strides. */
  rowsToColumns8(rows: number, columns: number, height: number, width: number): void;
  columnsToRows(columns: number, rows: number, height: number, width: number, scale: number): void;
}

const transposeKernels = new WeakMap<WasmMemory, Promise<TransposeKernels>>();

/** Instantiates `transpose-kernels.wat` on `memory`, once per memory. */
export function loadTransposeKernels(memory: WasmMemory): Promise<TransposeKernels> {
  let kernels = transposeKernels.get(memory);
  if (kernels === undefined) {
    kernels = compileWat(new URL('./transpose-kernels.wat', import.meta.url))
      .then((module) => wasmApi.instantiate(module, { env: { memory } }))
      .then((instance) => {
        const { rowsToColumns, rowsToColumns8, columnsToRows } = instance.exports;
        if (typeof rowsToColumns !== 'function' || typeof rowsToColumns8 !== 'function' || typeof columnsToRows !== 'function') {
          throw new Error('transpose-kernels.wat does not export rowsToColumns, rowsToColumns8 and columnsToRows');
        }
        return { rowsToColumns, rowsToColumns8, columnsToRows } as TransposeKernels;
      });
    transposeKernels.set(memory, kernels);
  }
  return kernels;
}

const FLOAT_BYTES = 4;

/**
 * {@link UnorderedRealFft2d} with PFFFT. The plane buffer lives in
 * WebAssembly memory, so there is no copy in or out. Rows get an ordered real
 * transform in place, the row spectra are transposed into contiguous columns
 * (zero and Nyquist terms unpacked into two real columns), and each column gets
 * an unordered complex transform in place. The spectrum is therefore
 * column-major, and within a column in PFFFT's internal order, which for the
 * SIMD build stores four real parts, then their four imaginary parts.
 */
export class PffftUnorderedRealFft2d implements UnorderedRealFft2d {
  readonly frequencies: number;
  readonly complexBlock: number;
  readonly parsevalWeights: Float64Array;
  private readonly halfWidth: number;
  /** Setups and buffers of the plan in WebAssembly memory. */
  private plan = NO_PLAN_MEMORY;
  private heap: Float32Array = new Float32Array(0);
  private planeView: Float32Array = new Float32Array(0);
  private spectrumView: Float32Array = new Float32Array(0);
  webAssembly: WebAssemblyBuffers | undefined;
  /** WebAssembly transposes, used when the height is even (they move two rows at a time). */
  private transposes: TransposeKernels | undefined;

  private constructor(
    readonly height: number,
    readonly width: number,
    readonly backend: string,
    private readonly module: PffftModule,
    private readonly memory: WasmMemory,
  ) {
    this.halfWidth = Math.floor(width / 2) + 1;
    this.complexBlock = module._pffft_simd_size();
    this.frequencies = height * this.halfWidth;
    this.parsevalWeights = new Float64Array(this.frequencies);
    for (let c = 0; c < this.halfWidth; c++) {
      // Column c of the half spectrum also stands for column width − c, except 0 and the Nyquist column.
      const weight = c === 0 || (width % 2 === 0 && c === this.halfWidth - 1) ? 1 : 2;
      this.parsevalWeights.fill(weight, c * height, (c + 1) * height);
    }
  }

  /** Creates a plan; the caller has checked the size with `pffftSizeProblem`. */
  static async create(flavour: PffftFlavour, height: number, width: number): Promise<PffftUnorderedRealFft2d> {
    const { module, memory } = await loadPffft(flavour);
    const plan = new PffftUnorderedRealFft2d(height, width, flavour === 'simd' ? 'pffft-simd' : 'pffft', module, memory);
    if (height % 2 === 0) plan.transposes = await loadTransposeKernels(memory);
    plan.allocate();
    return plan;
  }

  private allocate(): void {
    const { module } = this;
    this.plan = allocatePffftPlanMemory(this.module, this.height, this.width, this.backend);
    this.refreshViews();
    this.webAssembly = {
      memory: this.memory,
      planeAddress: this.plan.rows,
      spectrumAddress: this.plan.columns,
      allocate: (bytes) => {
        const address = module._pffft_aligned_malloc(bytes);
        if (address === 0) throw new RangeError(`${this.backend}: could not allocate ${bytes} bytes of WebAssembly memory`);
        return address;
      },
      free: (address) => module._pffft_aligned_free(address),
      forwardInto: (address) => this.forwardTo(address),
    };
  }

  /** Rebuilds the views when WebAssembly memory has grown (the old buffer is then detached). */
  private refreshViews(): void {
    const heap = this.module.HEAPF32;
    if (heap === this.heap) return;
    this.heap = heap;
    this.planeView = heap.subarray(this.plan.rows / FLOAT_BYTES, this.plan.rows / FLOAT_BYTES + this.height * this.width);
    this.spectrumView = heap.subarray(this.plan.columns / FLOAT_BYTES, this.plan.columns / FLOAT_BYTES + 2 * this.frequencies);
  }

  plane(): Float32Array {
    this.refreshViews();
    return this.planeView;
  }

  spectrum(): Float32Array {
    this.refreshViews();
    return this.spectrumView;
  }

  forward(): void {
    this.forwardTo(this.plan.columns);
  }

  /** Runs the forward transform with the column transforms writing to `target` (the spectrum buffer or another). */
  private forwardTo(target: number): void {
    const { module, height, width, halfWidth } = this;
    this.refreshViews();
    for (let r = 0; r < height; r++) {
      const row = this.plan.rows + r * width * FLOAT_BYTES;
      module._pffft_transform_ordered(this.plan.rowSetup, row, row, this.plan.work, PFFFT_FORWARD);
    }
    if (this.transposes === undefined) this.rowsToColumns();
    else if (height % 8 === 0) this.transposes.rowsToColumns8(this.plan.rows, this.plan.columns, height, width);
    else this.transposes.rowsToColumns(this.plan.rows, this.plan.columns, height, width);
    for (let c = 0; c < halfWidth; c++) {
      const offset = 2 * c * height * FLOAT_BYTES;
      module._pffft_transform(this.plan.columnSetup, this.plan.columns + offset, target + offset, this.plan.work, PFFFT_FORWARD);
    }
  }

  inverse(scale: number): void {
    const { module, height, width, halfWidth } = this;
    this.refreshViews();
    for (let c = 0; c < halfWidth; c++) {
      const column = this.plan.columns + 2 * c * height * FLOAT_BYTES;
      module._pffft_transform(this.plan.columnSetup, column, column, this.plan.work, PFFFT_BACKWARD);
    }
    if (this.transposes === undefined) this.columnsToRows(scale);
    else this.transposes.columnsToRows(this.plan.columns, this.plan.rows, height, width, scale);
    for (let r = 0; r < height; r++) {
      const row = this.plan.rows + r * width * FLOAT_BYTES;
      module._pffft_transform_ordered(this.plan.rowSetup, row, row, this.plan.work, PFFFT_BACKWARD);
    }
  }

  dispose(): void {
    freePffftPlanMemory(this.module, this.plan);
    this.plan = NO_PLAN_MEMORY;
    this.webAssembly = undefined;
  }

  /** Transposes ordered row spectra `[X0, X(w/2), re X1, im X1, ...]` into complex columns. */
  private rowsToColumns(): void {
    const { height, width, halfWidth, planeView: rows, spectrumView: columns } = this;
    const columnStride = 2 * height;
    const nyquist = (halfWidth - 1) * columnStride;
    // Blocks of 8 rows keep the strided column writes within a few cache lines per column.
    for (let r0 = 0; r0 < height; r0 += 8) {
      const r1 = Math.min(r0 + 8, height);
      for (let r = r0; r < r1; r++) {
        const row = r * width;
        columns[2 * r] = rows[row];
        columns[2 * r + 1] = 0;
        columns[nyquist + 2 * r] = rows[row + 1];
        columns[nyquist + 2 * r + 1] = 0;
      }
      for (let c = 1; c < halfWidth - 1; c++) {
        const column = c * columnStride;
        for (let r = r0; r < r1; r++) {
          columns[column + 2 * r] = rows[r * width + 2 * c];
          columns[column + 2 * r + 1] = rows[r * width + 2 * c + 1];
        }
      }
    }
  }

  /** Inverse of {@link rowsToColumns}, times `scale`; drops the imaginary parts of the zero and Nyquist columns. */
  private columnsToRows(scale: number): void {
    const { height, width, halfWidth, planeView: rows, spectrumView: columns } = this;
    const columnStride = 2 * height;
    const nyquist = (halfWidth - 1) * columnStride;
    for (let r0 = 0; r0 < height; r0 += 8) {
      const r1 = Math.min(r0 + 8, height);
      for (let r = r0; r < r1; r++) {
        rows[r * width] = columns[2 * r] * scale;
        rows[r * width + 1] = columns[nyquist + 2 * r] * scale;
      }
      for (let c = 1; c < halfWidth - 1; c++) {
        const column = c * columnStride;
        for (let r = r0; r < r1; r++) {
          rows[r * width + 2 * c] = columns[column + 2 * r] * scale;
          rows[r * width + 2 * c + 1] = columns[column + 2 * r + 1] * scale;
        }
      }
    }
  }
}
