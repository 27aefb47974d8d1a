import FFT from 'fft.js';

/**
 * An in-place 1-D complex FFT of length `n` in float64, complex values
 * interleaved (`re, im, ...`). `forward` computes Σ x[j] e^{-2πi jk/n};
 * `inverse` computes Σ X[k] e^{+2πi jk/n} without the 1/n factor.
 */
export interface ComplexFft1d {
  readonly n: number;
  forward(data: Float64Array): void;
  inverse(data: Float64Array): void;
}

/** Returns true for 1, 2, 4, 8, ... */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;
}

/** A length-1 transform is the identity. */
class IdentityFft implements ComplexFft1d {
  readonly n = 1;
  forward(): void {}
  inverse(): void {}
}

/** fft.js radix-4 transform for power-of-two lengths of at least 2. */
class FftJsComplexFft implements ComplexFft1d {
  private readonly fft: FFT;
  private readonly scratch: Float64Array;

  constructor(readonly n: number) {
    this.fft = new FFT(n);
    this.scratch = new Float64Array(2 * n);
  }

  forward(data: Float64Array): void {
    this.scratch.set(data);
    this.fft.transform(data, this.scratch);
  }

  inverse(data: Float64Array): void {
    this.scratch.set(data);
    // fft.js divides its inverse by n, which this interface does not.
    this.fft.inverseTransform(data, this.scratch);
    const n = this.n;
    for (let i = 0; i < 2 * n; i++) data[i] *= n;
  }
}

/**
 * Bluestein's algorithm (chirp z-transform) for any length n: the DFT becomes
 * a circular convolution of length m ≥ 2n − 1, a power of two, computed with
 * fft.js. Reference: L. Bluestein, "A linear filtering approach to the
 * computation of the discrete Fourier transform", IEEE Trans. Audio
 * Electroacoustics 18(4), 1970.
 */
class BluesteinFft implements ComplexFft1d {
  private readonly m: number;
  private readonly inner: FftJsComplexFft;
  /** Chirp w[j] = e^{-πi j²/n}, interleaved, length n. */
  private readonly chirp: Float64Array;
  /** Spectrum of the conjugate chirp, extended circularly to length m. */
  private readonly chirpSpectrum: Float64Array;
  private readonly work: Float64Array;

  constructor(readonly n: number) {
    let m = 1;
    while (m < 2 * n - 1) m *= 2;
    this.m = m;
    this.inner = new FftJsComplexFft(m);
    this.chirp = new Float64Array(2 * n);
    for (let j = 0; j < n; j++) {
      // j² mod 2n keeps the angle small, so the chirp stays accurate for large n.
      const angle = (Math.PI * ((j * j) % (2 * n))) / n;
      this.chirp[2 * j] = Math.cos(angle);
      this.chirp[2 * j + 1] = -Math.sin(angle);
    }
    this.chirpSpectrum = new Float64Array(2 * m);
    for (let j = 0; j < n; j++) {
      const re = this.chirp[2 * j];
      const im = -this.chirp[2 * j + 1];
      this.chirpSpectrum[2 * j] = re;
      this.chirpSpectrum[2 * j + 1] = im;
      if (j > 0) {
        this.chirpSpectrum[2 * (m - j)] = re;
        this.chirpSpectrum[2 * (m - j) + 1] = im;
      }
    }
    this.inner.forward(this.chirpSpectrum);
    this.work = new Float64Array(2 * m);
  }

  forward(data: Float64Array): void {
    this.transform(data, false);
  }

  inverse(data: Float64Array): void {
    // The inverse DFT is the conjugate of the forward DFT of the conjugate.
    this.transform(data, true);
  }

  private transform(data: Float64Array, conjugate: boolean): void {
    const { n, m, chirp, chirpSpectrum, work } = this;
    const sign = conjugate ? -1 : 1;
    work.fill(0);
    for (let j = 0; j < n; j++) {
      const xr = data[2 * j];
      const xi = sign * data[2 * j + 1];
      const wr = chirp[2 * j];
      const wi = chirp[2 * j + 1];
      work[2 * j] = xr * wr - xi * wi;
      work[2 * j + 1] = xr * wi + xi * wr;
    }
    this.inner.forward(work);
    for (let k = 0; k < m; k++) {
      const ar = work[2 * k];
      const ai = work[2 * k + 1];
      const br = chirpSpectrum[2 * k];
      const bi = chirpSpectrum[2 * k + 1];
      work[2 * k] = ar * br - ai * bi;
      work[2 * k + 1] = ar * bi + ai * br;
    }
    this.inner.inverse(work);
    for (let k = 0; k < n; k++) {
      const ar = work[2 * k] / m;
      const ai = work[2 * k + 1] / m;
      const wr = chirp[2 * k];
      const wi = chirp[2 * k + 1];
      data[2 * k] = ar * wr - ai * wi;
      data[2 * k + 1] = sign * (ar * wi + ai * wr);
    }
  }
}

/** Creates a power-of-two transform with fft.js; throws RangeError for other lengths. */
export function createPowerOfTwoFft(n: number): ComplexFft1d {
  if (!isPowerOfTwo(n)) throw new RangeError(`fft.js needs a power-of-two length, got ${n}`);
  return n === 1 ? new IdentityFft() : new FftJsComplexFft(n);
}

/** Creates a transform for any length ≥ 1: fft.js for powers of two, Bluestein otherwise. */
export function createAnyLengthFft(n: number): ComplexFft1d {
  return isPowerOfTwo(n) ? createPowerOfTwoFft(n) : new BluesteinFft(n);
}
