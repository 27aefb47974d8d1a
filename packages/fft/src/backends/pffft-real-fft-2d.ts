import { checkTransformBuffers } from '../check-transform-buffers.ts';
import type { RealFft2d } from '../real-fft-2d.ts';
import { PFFFT_BACKWARD, PFFFT_FORWARD, type PffftModule } from '../types/pffft-module.ts';
import { loadPffft, type PffftFlavour } from './load-pffft.ts';
import { allocatePffftPlanMemory, freePffftPlanMemory, NO_PLAN_MEMORY } from './pffft-plan-memory.ts';
import { loadTransposeKernels, type TransposeKernels } from './pffft-unordered-real-fft-2d.ts';

const FLOAT_BYTES = 4;

/** Returns true when n ≥ 1 has no prime factor other than 2, 3 and 5. */
function isFiveSmooth(n: number): boolean {
  if (!Number.isInteger(n) || n < 1) return false;
  let rest = n;
  for (const p of [2, 3, 5]) while (rest % p === 0) rest /= p;
  return rest === 1;
}

/**
 * Returns a reason why PFFFT cannot transform a `height` × `width` plane, or
 * undefined when it can. With s = 4 for the SIMD build and 1 without,
 * `pffft_new_setup` (pffft.c) needs real lengths that are multiples of 2·s²
 * and complex lengths that are multiples of s², with length / s a product of
 * 2, 3 and 5. Its complex radix-3 and radix-5 passes also assert that they
 * are not the last pass, which holds when the complex length / s is a power
 * of two or a multiple of 4.
 */
export function pffftSizeProblem(flavour: PffftFlavour, height: number, width: number): string | undefined {
  const lane = flavour === 'simd' ? 4 : 1;
  if (width % (2 * lane * lane) !== 0 || !isFiveSmooth(width / lane)) {
    return `width ${width} must be a multiple of ${2 * lane * lane} whose quotient by ${lane} has no prime factor other than 2, 3 and 5`;
  }
  const columnLength = height / lane;
  const lastPassIsRadix2Or4 = (columnLength & (columnLength - 1)) === 0 || columnLength % 4 === 0;
  if (height % (lane * lane) !== 0 || !isFiveSmooth(columnLength) || !lastPassIsRadix2Or4) {
    return `height ${height} must be a power of two, or a multiple of ${4 * lane} whose quotient by ${lane} has no prime factor other than 2, 3 and 5`;
  }
  return undefined;
}

/**
 * 2-D real FFT with PFFFT in WebAssembly, float32. Each plane is copied into
 * WebAssembly memory, rows get a real transform in place, the half spectrum
 * is transposed so each column is contiguous, columns get a complex
 * transform, and the result is transposed back into the caller's layout.
 * PFFFT packs the real zero and Nyquist terms of a row as one complex pair;
 * the transposes unpack them into two columns and pack them back.
 */
export class PffftRealFft2d implements RealFft2d {
  readonly halfWidth: number;
  /** Setups and buffers of the plan in WebAssembly memory. */
  private plan = NO_PLAN_MEMORY;
  private transposes: TransposeKernels | undefined;

  private constructor(
    readonly height: number,
    readonly width: number,
    readonly backend: string,
    private readonly module: PffftModule,
  ) {
    this.halfWidth = Math.floor(width / 2) + 1;
  }

  /** Creates a plan; the caller has checked the size with {@link pffftSizeProblem}. */
  static async create(flavour: PffftFlavour, height: number, width: number): Promise<PffftRealFft2d> {
    const { module, memory } = await loadPffft(flavour);
    const plan = new PffftRealFft2d(height, width, flavour === 'simd' ? 'pffft-simd' : 'pffft', module);
    // The WebAssembly transposes move two or eight rows a pass, so they need an even height.
    if (height % 2 === 0) plan.transposes = await loadTransposeKernels(memory);
    plan.allocate();
    return plan;
  }

  private allocate(): void {
    this.plan = allocatePffftPlanMemory(this.module, this.height, this.width, this.backend);
  }

  forward(input: Float32Array, output: Float32Array, count?: number): void {
    const { height, width, halfWidth, module } = this;
    const planeSize = height * width;
    const spectrumSize = 2 * height * halfWidth;
    const planes = checkTransformBuffers(`${this.backend} forward`, input, output, count, planeSize, spectrumSize);
    for (let p = 0; p < planes; p++) {
      // Memory may have grown since the last call, so take a fresh view each plane.
      const heap = module.HEAPF32;
      heap.set(input.subarray(p * planeSize, (p + 1) * planeSize), this.plan.rows / FLOAT_BYTES);
      for (let r = 0; r < height; r++) {
        const row = this.plan.rows + r * width * FLOAT_BYTES;
        module._pffft_transform_ordered(this.plan.rowSetup, row, row, this.plan.work, PFFFT_FORWARD);
      }
      if (this.transposes === undefined) this.rowsToColumns(heap);
      else if (height % 8 === 0) this.transposes.rowsToColumns8(this.plan.rows, this.plan.columns, height, width);
      else this.transposes.rowsToColumns(this.plan.rows, this.plan.columns, height, width);
      for (let c = 0; c < halfWidth; c++) {
        const column = this.plan.columns + 2 * c * height * FLOAT_BYTES;
        module._pffft_transform_ordered(this.plan.columnSetup, column, column, this.plan.work, PFFFT_FORWARD);
      }
      this.columnsToSpectrum(heap, output, p * spectrumSize);
    }
  }

  inverse(input: Float32Array, output: Float32Array, count?: number): void {
    const { height, width, halfWidth, module } = this;
    const planeSize = height * width;
    const spectrumSize = 2 * height * halfWidth;
    const planes = checkTransformBuffers(`${this.backend} inverse`, input, output, count, spectrumSize, planeSize);
    const scale = 1 / planeSize;
    for (let p = 0; p < planes; p++) {
      const heap = module.HEAPF32;
      this.spectrumToColumns(heap, input, p * spectrumSize);
      for (let c = 0; c < halfWidth; c++) {
        const column = this.plan.columns + 2 * c * height * FLOAT_BYTES;
        module._pffft_transform_ordered(this.plan.columnSetup, column, column, this.plan.work, PFFFT_BACKWARD);
      }
      if (this.transposes === undefined) this.columnsToRows(heap);
      else this.transposes.columnsToRows(this.plan.columns, this.plan.rows, height, width, scale);
      for (let r = 0; r < height; r++) {
        const row = this.plan.rows + r * width * FLOAT_BYTES;
        module._pffft_transform_ordered(this.plan.rowSetup, row, row, this.plan.work, PFFFT_BACKWARD);
      }
      const rows = this.plan.rows / FLOAT_BYTES;
      const offset = p * planeSize;
      if (this.transposes === undefined) {
        for (let i = 0; i < planeSize; i++) output[offset + i] = heap[rows + i] * scale;
      } else {
        // The WebAssembly transpose has already applied the scale.
        output.set(heap.subarray(rows, rows + planeSize), offset);
      }
    }
  }

  dispose(): void {
    freePffftPlanMemory(this.module, this.plan);
    this.plan = NO_PLAN_MEMORY;
  }

  /**
   * Transposes the ordered row spectra into columns. A row holds
   * `[X0, X(w/2), re X1, im X1, ...]` (zero and Nyquist terms are real).
   */
  private rowsToColumns(heap: Float32Array): void {
    const { height, width, halfWidth } = this;
    const rows = this.plan.rows / FLOAT_BYTES;
    const columns = this.plan.columns / FLOAT_BYTES;
    const columnStride = 2 * height;
    const nyquist = columns + (halfWidth - 1) * columnStride;
    for (let r = 0; r < height; r++) {
      const row = rows + r * width;
      heap[columns + 2 * r] = heap[row];
      heap[columns + 2 * r + 1] = 0;
      heap[nyquist + 2 * r] = heap[row + 1];
      heap[nyquist + 2 * r + 1] = 0;
      for (let c = 1; c < halfWidth - 1; c++) {
        const target = columns + c * columnStride + 2 * r;
        heap[target] = heap[row + 2 * c];
        heap[target + 1] = heap[row + 2 * c + 1];
      }
    }
  }

  /** Inverse of {@link rowsToColumns}; the imaginary parts of the zero and Nyquist columns are dropped. */
  private columnsToRows(heap: Float32Array): void {
    const { height, width, halfWidth } = this;
    const rows = this.plan.rows / FLOAT_BYTES;
    const columns = this.plan.columns / FLOAT_BYTES;
    const columnStride = 2 * height;
    const nyquist = columns + (halfWidth - 1) * columnStride;
    for (let r = 0; r < height; r++) {
      const row = rows + r * width;
      heap[row] = heap[columns + 2 * r];
      heap[row + 1] = heap[nyquist + 2 * r];
      for (let c = 1; c < halfWidth - 1; c++) {
        const source = columns + c * columnStride + 2 * r;
        heap[row + 2 * c] = heap[source];
        heap[row + 2 * c + 1] = heap[source + 1];
      }
    }
  }

  /** Copies the transformed columns into `output[offset..]` in `[height, halfWidth]` order. */
  private columnsToSpectrum(heap: Float32Array, output: Float32Array, offset: number): void {
    const { height, halfWidth } = this;
    const columns = this.plan.columns / FLOAT_BYTES;
    for (let c = 0; c < halfWidth; c++) {
      const column = columns + 2 * c * height;
      for (let r = 0; r < height; r++) {
        output[offset + 2 * (r * halfWidth + c)] = heap[column + 2 * r];
        output[offset + 2 * (r * halfWidth + c) + 1] = heap[column + 2 * r + 1];
      }
    }
  }

  /** Copies the spectrum at `input[offset..]` into columns. */
  private spectrumToColumns(heap: Float32Array, input: Float32Array, offset: number): void {
    const { height, halfWidth } = this;
    const columns = this.plan.columns / FLOAT_BYTES;
    for (let c = 0; c < halfWidth; c++) {
      const column = columns + 2 * c * height;
      for (let r = 0; r < height; r++) {
        heap[column + 2 * r] = input[offset + 2 * (r * halfWidth + c)];
        heap[column + 2 * r + 1] = input[offset + 2 * (r * halfWidth + c) + 1];
      }
    }
  }
}
