/**
 * The part of the PFFFT Emscripten module (`@echogarden/pffft-wasm` 0.4.2)
 * this package uses. Pointers are byte offsets into the module's memory;
 * `HEAPF32` is replaced when that memory grows, so read it after allocating.
 */
export interface PffftModule {
  /** Returns a setup for length `n`, or 0 when `n` has a prime factor other than 2, 3, 5. Aborts on other invalid lengths. */
  _pffft_new_setup(n: number, transform: number): number;
  _pffft_destroy_setup(setup: number): void;
  /** Transforms with the output in the usual interleaved order; input and output may alias. */
  _pffft_transform_ordered(setup: number, input: number, output: number, work: number, direction: number): void;
  /** Transforms with the output in PFFFT's internal order (for convolution); input and output may alias. */
  _pffft_transform(setup: number, input: number, output: number, work: number, direction: number): void;
  _pffft_aligned_malloc(bytes: number): number;
  _pffft_aligned_free(pointer: number): void;
  /** 4 with SIMD, 1 without. */
  _pffft_simd_size(): number;
  HEAPF32: Float32Array;
}

export type PffftModuleFactory = (moduleArgument?: object) => Promise<PffftModule>;

/** `pffft_transform_t` values. */
export const PFFFT_REAL = 0;
export const PFFFT_COMPLEX = 1;
/** `pffft_direction_t` values. */
export const PFFFT_FORWARD = 0;
export const PFFFT_BACKWARD = 1;
