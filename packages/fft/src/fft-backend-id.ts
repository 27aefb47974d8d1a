/**
 * Ids of the 2-D real FFT backends, fastest first. `auto` picks the first one
 * that supports the requested size.
 *
 * - `pffft-simd`: PFFFT compiled to WebAssembly with 128-bit SIMD
 *   (`@echogarden/pffft-wasm/simd`). Width a multiple of 32, height a multiple
 *   of 16, and width / 4 and height / 4 products of 2, 3 and 5.
 * - `pffft`: the same library without SIMD. Even width, and width and height
 *   products of 2, 3 and 5.
 * - `fftjs`: fft.js (radix-4, float64). Width and height powers of two.
 * - `fftjs-bluestein`: any width and height. Lengths that are powers of two use
 *   fft.js directly, other lengths use Bluestein's algorithm on top of it.
 */
export const FFT_BACKEND_IDS = ['pffft-simd', 'pffft', 'fftjs', 'fftjs-bluestein'] as const;

/** One of {@link FFT_BACKEND_IDS}. */
export type FftBackendId = (typeof FFT_BACKEND_IDS)[number];

/** Options of `createRealFft2d`. */
export interface RealFft2dOptions {
  /** Backend id, or `auto` (default) for the fastest backend that supports the size. */
  readonly backend?: 'auto' | FftBackendId;
}
