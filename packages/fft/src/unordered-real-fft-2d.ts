import type { WasmMemory } from './types/wasm-api.ts';

/**
 * A 2-D real FFT of one plane at a time, through buffers the plan owns, with
 * the spectrum in a backend-specific frequency order. The order is the same
 * for every spectrum of one plan, and the inverse accepts it, so element-wise
 * work (products of spectra, per-frequency solves, Parseval sums with
 * `parsevalWeights`) needs no reordering. Solvers that run many transforms
 * per iteration use it to skip the transposes and reorders of {@link RealFft2d}.
 */
export interface UnorderedRealFft2d {
  readonly height: number;
  readonly width: number;
  /** Backend name, for logs and benchmarks. */
  readonly backend: string;
  /** Complex values per spectrum: `height · (floor(width / 2) + 1)`. */
  readonly frequencies: number;
  /**
   * Complex values are stored in blocks of `complexBlock` real parts followed
   * by their `complexBlock` imaginary parts: value f has its real part at
   * `2·complexBlock·⌊f / complexBlock⌋ + f mod complexBlock` and its imaginary
   * part `complexBlock` floats later. 1 is the usual interleaved order; the
   * SIMD build of PFFFT uses 4. `frequencies` is a multiple of it.
   */
  readonly complexBlock: number;
  /**
   * Weight of each spectrum entry in Parseval's sum, in spectrum order:
   * ‖x‖² = Σ_f weights[f] · |X_f|² / (height · width). It is 2 for entries
   * that stand for a conjugate pair of the full spectrum, else 1.
   */
  readonly parsevalWeights: Float64Array;
  /**
   * The plane buffer, `height · width` floats in C order: `forward` reads it
   * (and overwrites it), `inverse` writes it. Call again after creating
   * another plan in the same thread, because WebAssembly memory growth
   * replaces the view.
   */
  plane(): Float32Array;
  /** The spectrum buffer, `2 · frequencies` floats in blocks of `complexBlock` (see there); same lifetime rule as `plane()`. */
  spectrum(): Float32Array;
  /** Transforms `plane()` into `spectrum()`, unnormalised (e^{-2πi k n / N}). */
  forward(): void;
  /** Transforms `spectrum()` back into `plane()` times `scale` (1 / (height · width) inverts `forward`). Overwrites the spectrum. */
  inverse(scale: number): void;
  /** Releases WebAssembly memory, if any. */
  dispose(): void;
  /** Access to the plan's WebAssembly memory, for kernels that work on its buffers in place; undefined for plain JavaScript plans. */
  readonly webAssembly?: WebAssemblyBuffers;
}

/**
 * The WebAssembly memory of a plan and the addresses of its buffers. Another
 * WebAssembly module can import `memory` and work on the plane and the
 * spectrum without copies. Every plan of one backend in one thread shares this
 * memory, and any allocation may grow it, which detaches existing views.
 */
export interface WebAssemblyBuffers {
  readonly memory: WasmMemory;
  /** Byte address of the plane buffer (`height · width` float32). */
  readonly planeAddress: number;
  /** Byte address of the spectrum buffer (`2 · frequencies` float32). */
  readonly spectrumAddress: number;
  /** Allocates `bytes` bytes aligned to 16 and returns the address; throws when the memory cannot grow. */
  allocate(bytes: number): number;
  /** Frees an address returned by `allocate`. */
  free(address: number): void;
  /**
   * Transforms the plane buffer like `forward`, but writes the spectrum at
   * `address` (`2 · frequencies` float32, aligned to 16) instead of the
   * spectrum buffer, which saves a copy when the caller keeps many spectra.
   */
  forwardInto(address: number): void;
}
