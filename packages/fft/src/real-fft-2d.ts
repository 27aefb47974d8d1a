/**
 * The contract every 2-D real FFT backend implements.
 *
 * Layout: a real plane has shape `[height, width]` in C order. Its spectrum is
 * the non-redundant half, shape `[height, halfWidth]` with
 * `halfWidth = floor(width / 2) + 1`, complex values interleaved
 * (`re, im, re, im, ...`), so a spectrum buffer holds `2 * height * halfWidth`
 * floats. The forward transform is unnormalised, e^{-2πi k n / N}, as
 * `numpy.fft.rfft2`; the inverse divides by `height * width`, as `numpy.fft.irfft2`.
 */
export interface RealFft2d {
  readonly height: number;
  readonly width: number;
  readonly halfWidth: number;
  /** Backend name, for logs and benchmarks. */
  readonly backend: string;
  /**
   * Forward transform of `count` planes stored one after another:
   * `input` holds `count * height * width` floats, `output` receives
   * `count * 2 * height * halfWidth` floats.
   */
  forward(input: Float32Array, output: Float32Array, count?: number): void;
  /** Inverse transform of `count` half spectra into real planes (normalised by 1 / (height·width)). `input` may be overwritten. */
  inverse(input: Float32Array, output: Float32Array, count?: number): void;
  /** Releases WebAssembly memory, if any. */
  dispose(): void;
}
