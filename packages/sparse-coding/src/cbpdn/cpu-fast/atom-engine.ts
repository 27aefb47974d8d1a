import type { UnorderedRealFft2d } from '@heterosparse/fft';

import { loadAtomKernels } from './load-atom-kernels.ts';
import {
  iterateAtoms,
  sumDictionaryProducts,
  transformKernels,
  transformResiduals,
  type IterationSettings,
} from './plane-phases.ts';
import { atomRange, type SharedViews } from './shared-buffers.ts';
import { SimdAtomEngine } from './simd-atom-engine.ts';

/**
 * The work of one thread on its share of the atoms, one method per phase.
 * Results that other threads need go to the shared arrays.
 */
export interface AtomEngine {
  /** Transforms the padded kernels into `dictionarySpectra` (and keeps a copy where the engine needs it). */
  transformKernels(): void;
  /** Divides u by `penaltyFactor`, recomputes Z_k = FFT(y − u)_k and this thread's row of `residualProducts`. */
  transformResiduals(penaltyFactor: number): void;
  /** One ADMM iteration; see `iterateAtoms` in `plane-phases.ts`. */
  iterateAtoms(settings: IterationSettings): void;
  /** This thread's Σ_k D_k Y_k into `coefficientProducts`. */
  sumDictionaryProducts(): void;
  /** Copies this thread's y_k into the shared `y`. */
  exportCoefficients(): void;
  /** Frees what the engine allocated. */
  dispose(): void;
}

/** The plain JavaScript engine, on the shared arrays directly. */
class JavaScriptAtomEngine implements AtomEngine {
  constructor(
    private readonly views: SharedViews,
    private readonly fft: UnorderedRealFft2d,
    private readonly thread: number,
    private readonly start: number,
    private readonly end: number,
  ) {}

  transformKernels(): void {
    transformKernels(this.views, this.fft, this.start, this.end);
  }

  transformResiduals(penaltyFactor: number): void {
    transformResiduals(this.views, this.fft, this.thread, this.start, this.end, penaltyFactor);
  }

  iterateAtoms(settings: IterationSettings): void {
    iterateAtoms(this.views, this.fft, this.thread, this.start, this.end, settings);
  }

  sumDictionaryProducts(): void {
    sumDictionaryProducts(this.views, this.fft, this.thread, this.start, this.end);
  }

  exportCoefficients(): void {}

  dispose(): void {}
}

/** Returns whether threads with this kind of plan use the SIMD engine (which keeps u and Z_k in thread-local memory). */
export function usesSimdEngine(fft: UnorderedRealFft2d): boolean {
  return fft.webAssembly !== undefined && fft.complexBlock === 4;
}

/**
 * Creates the engine of thread `thread`: the SIMD kernels when the plan is
 * PFFFT with SIMD (spectra in blocks of 4, buffers in WebAssembly memory),
 * else plain JavaScript. Every thread of a solve has the same kind of plan,
 * so all make the same choice.
 */
export async function createAtomEngine(views: SharedViews, fft: UnorderedRealFft2d, thread: number): Promise<AtomEngine> {
  const [start, end] = atomRange(views.shape, thread);
  const wasm = fft.webAssembly;
  if (usesSimdEngine(fft) && wasm !== undefined) {
    return new SimdAtomEngine(views, fft, wasm, await loadAtomKernels(wasm.memory), thread, start, end);
  }
  return new JavaScriptAtomEngine(views, fft, thread, start, end);
}
