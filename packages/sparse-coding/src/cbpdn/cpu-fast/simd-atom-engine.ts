import type { UnorderedRealFft2d, WebAssemblyBuffers } from '@heterosparse/fft';

import type { AtomEngine } from './atom-engine.ts';
import type { AtomKernels } from './load-atom-kernels.ts';
import type { IterationSettings } from './plane-phases.ts';
import { STEP_SUM, STEP_SUM_COUNT, type SharedViews } from './shared-buffers.ts';

/** Byte size of the seven float64 sums `shrink` writes. */
const SHRINK_SUMS_BYTES = 8 * 8;

/**
 * The atoms of one thread in the WebAssembly memory of its PFFFT SIMD plan,
 * with the steps of `plane-phases.ts` done by the kernels of
 * `atom-kernels.wat`. D_k, Z_k, y_k and u_k of the thread's atoms stay in that
 * memory, so the FFTs and the kernels work in place. Only a (in), the sums
 * Σ_k D_k Z_k and the step sums (out) cross to the shared arrays once per
 * iteration. Arithmetic is float32 SIMD with float64 sums, so the iterates
 * agree with the reference backend to float32 rounding, not bit for bit.
 */
export class SimdAtomEngine implements AtomEngine {
  private readonly atoms: number;
  private readonly planeSize: number;
  private readonly spectrumLength: number;
  private readonly blocks: number;
  private readonly allocations: number[] = [];
  private readonly dictionary: number;
  private readonly residuals: number;
  private readonly y: number;
  private readonly u: number;
  private readonly image: number;
  private readonly gamma: number;
  private readonly products: number;
  private readonly sums: number;
  /** Views of the whole memory, rebuilt only when the memory has grown (which replaces its buffer). */
  private heapBuffer: ArrayBuffer | undefined;
  private heapFloats = new Float32Array(0);
  private heapDoubles = new Float64Array(0);
  private heapBytes = new Uint8Array(0);
  /** Per-thread step sums of the current iteration. */
  private readonly totals = new Float64Array(STEP_SUM_COUNT);

  constructor(
    private readonly views: SharedViews,
    private readonly fft: UnorderedRealFft2d,
    private readonly wasm: WebAssemblyBuffers,
    private readonly kernels: AtomKernels,
    private readonly thread: number,
    private readonly start: number,
    private readonly end: number,
  ) {
    const { height, width, frequencies } = views.shape;
    this.atoms = end - start;
    this.planeSize = height * width;
    this.spectrumLength = 2 * frequencies;
    this.blocks = frequencies / 4;
    const count = Math.max(this.atoms, 1);
    this.dictionary = this.allocate(4 * count * this.spectrumLength);
    this.residuals = this.allocate(4 * count * this.spectrumLength);
    this.y = this.allocate(4 * count * this.planeSize);
    this.u = this.allocate(4 * count * this.planeSize);
    this.image = this.allocate(4 * this.spectrumLength);
    this.gamma = this.allocate(4 * this.spectrumLength);
    this.products = this.allocate(8 * this.spectrumLength);
    this.sums = this.allocate(SHRINK_SUMS_BYTES);
    // y = u = 0 and Z = 0 at the start of a solve.
    this.floats().fill(0, this.residuals / 4, this.residuals / 4 + count * this.spectrumLength);
    this.floats().fill(0, this.y / 4, this.y / 4 + count * this.planeSize);
    this.floats().fill(0, this.u / 4, this.u / 4 + count * this.planeSize);
  }

  private allocate(bytes: number): number {
    const address = this.wasm.allocate(bytes);
    this.allocations.push(address);
    return address;
  }

  /** Rebuilds the heap views when an allocation anywhere in this thread has grown the memory. */
  private refreshViews(): void {
    const buffer = this.wasm.memory.buffer;
    if (buffer === this.heapBuffer) return;
    this.heapBuffer = buffer;
    this.heapFloats = new Float32Array(buffer);
    this.heapDoubles = new Float64Array(buffer);
    this.heapBytes = new Uint8Array(buffer);
  }

  private floats(): Float32Array {
    this.refreshViews();
    return this.heapFloats;
  }

  private doubles(): Float64Array {
    this.refreshViews();
    return this.heapDoubles;
  }

  private dictionaryAddress(local: number): number {
    return this.dictionary + 4 * local * this.spectrumLength;
  }

  private residualAddress(local: number): number {
    return this.residuals + 4 * local * this.spectrumLength;
  }

  transformKernels(): void {
    const { width, atoms, kernelHeight, kernelWidth } = this.views.shape;
    for (let local = 0; local < this.atoms; local++) {
      const k = this.start + local;
      const plane = this.fft.plane();
      plane.fill(0);
      for (let a = 0; a < kernelHeight; a++) {
        for (let c = 0; c < kernelWidth; c++) plane[a * width + c] = this.views.kernels[(a * kernelWidth + c) * atoms + k];
      }
      this.fft.forward();
      const spectrum = this.fft.spectrum();
      this.views.dictionarySpectra.set(spectrum, k * this.spectrumLength);
      this.floats().set(spectrum, this.dictionaryAddress(local) / 4);
    }
  }

  /** Transforms the plane buffer into Z of atom `local` and adds D Z into the products. */
  private transformResidual(local: number): void {
    this.wasm.forwardInto(this.residualAddress(local));
    this.kernels.accumulateProducts(this.residualAddress(local), this.dictionaryAddress(local), this.products, this.blocks);
  }

  private clearProducts(): void {
    this.doubles().fill(0, this.products / 8, this.products / 8 + this.spectrumLength);
  }

  /** Copies this thread's products into its row of `target`. */
  private publishProducts(target: Float64Array): void {
    const length = this.spectrumLength;
    target.set(this.doubles().subarray(this.products / 8, this.products / 8 + length), this.thread * length);
  }

  transformResiduals(penaltyFactor: number): void {
    this.clearProducts();
    for (let local = 0; local < this.atoms; local++) {
      const offset = 4 * local * this.planeSize;
      this.kernels.rescaleDual(this.y + offset, this.u + offset, this.wasm.planeAddress, this.planeSize, penaltyFactor);
      this.transformResidual(local);
    }
    this.publishProducts(this.views.residualProducts);
  }

  iterateAtoms(settings: IterationSettings): void {
    const { width, height } = this.views.shape;
    const { rho, alpha, lambda, nonNegative, transformNext } = settings;
    const floats = this.floats();
    floats.set(this.views.gamma, this.gamma / 4);
    floats.set(this.views.imageSpectrum, this.image / 4);
    this.clearProducts();
    const totals = this.totals;
    totals.fill(0);
    for (let local = 0; local < this.atoms; local++) {
      const k = this.start + local;
      const offset = 4 * local * this.planeSize;

      // X_k, then x_k by the inverse transform.
      this.kernels.formX(
        this.dictionaryAddress(local),
        this.residualAddress(local),
        this.image,
        this.gamma,
        this.wasm.spectrumAddress,
        this.blocks,
        rho,
      );
      this.fft.inverse(1 / this.planeSize);

      // Relaxation, Y step and U step; y − u replaces x in the plane buffer.
      const heap = this.doubles();
      const sums = this.sums / 8;
      heap.fill(0, sums, sums + SHRINK_SUMS_BYTES / 8);
      const threshold = (lambda / rho) * this.views.weights[k];
      this.kernels.shrink(this.wasm.planeAddress, this.y + offset, this.u + offset, height, width, alpha, threshold, nonNegative ? 1 : 0, this.sums);
      totals[STEP_SUM.xSquared] += heap[sums];
      totals[STEP_SUM.ySquared] += heap[sums + 1];
      totals[STEP_SUM.uSquared] += heap[sums + 2];
      totals[STEP_SUM.primalSquared] += heap[sums + 3];
      totals[STEP_SUM.changeSquared] += heap[sums + 4];
      totals[STEP_SUM.l1OfX] += this.views.weights[k] * heap[sums + 5];
      totals[STEP_SUM.l1OfY] += this.views.weights[k] * heap[sums + 6];

      // Z_k of the next iteration.
      if (transformNext) this.transformResidual(local);
    }
    this.publishProducts(this.views.residualProducts);
    totals[STEP_SUM.notFinite] = Number.isFinite(totals[0] + totals[1] + totals[2]) ? 0 : 1;
    this.views.stepSums.set(totals, this.thread * STEP_SUM_COUNT);
  }

  sumDictionaryProducts(): void {
    this.clearProducts();
    const bytes = 4 * this.planeSize;
    for (let local = 0; local < this.atoms; local++) {
      const source = this.y + local * bytes;
      this.refreshViews();
      this.heapBytes.copyWithin(this.wasm.planeAddress, source, source + bytes);
      this.fft.forward();
      this.kernels.accumulateProducts(this.wasm.spectrumAddress, this.dictionaryAddress(local), this.products, this.blocks);
    }
    this.publishProducts(this.views.coefficientProducts);
  }

  exportCoefficients(): void {
    const floats = this.floats();
    const first = this.y / 4;
    this.views.y.set(floats.subarray(first, first + this.atoms * this.planeSize), this.start * this.planeSize);
  }

  dispose(): void {
    for (const address of this.allocations) this.wasm.free(address);
    this.allocations.length = 0;
  }
}
