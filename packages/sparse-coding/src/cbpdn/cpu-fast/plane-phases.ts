/**
 * The per-thread work of the fast CBPDN solver. Every function handles the
 * atoms `[start, end)` of one thread with that thread's FFT plan, and reads
 * and writes the shared arrays. Element-wise steps keep the float32 stores
 * and float64 sums of the reference backend, so both give the same iterates
 * up to float32 rounding. Complex spectra are walked block by block: in a
 * block of `2·s` floats (s = `complexBlock`) value j has its real part at j
 * and its imaginary part at j + s.
 *
 * One iteration is one pass over the atoms (`iterateAtoms`): it uses the
 * spectra Z_k = FFT(y − u)_k stored by the previous pass and leaves those of
 * the next iteration, with their sum Σ_k D_k Z_k. Only when ρ changes does a
 * second pass (`transformResiduals`) rescale u and recompute them.
 */
import type { UnorderedRealFft2d } from '@heterosparse/fft';

import { STEP_SUM, STEP_SUM_COUNT, type SharedViews } from './shared-buffers.ts';

/** Transforms the zero-padded kernels of atoms `[start, end)` into `dictionarySpectra`. */
export function transformKernels(views: SharedViews, fft: UnorderedRealFft2d, start: number, end: number): void {
  const { width, atoms, kernelHeight, kernelWidth, frequencies } = views.shape;
  for (let k = start; k < end; k++) {
    const plane = fft.plane();
    plane.fill(0);
    // The kernel sits at the top-left corner, as SPORCO pads it, so the convolution has no shift.
    for (let a = 0; a < kernelHeight; a++) {
      for (let c = 0; c < kernelWidth; c++) plane[a * width + c] = views.kernels[(a * kernelWidth + c) * atoms + k];
    }
    fft.forward();
    views.dictionarySpectra.set(fft.spectrum(), k * 2 * frequencies);
  }
}

/**
 * Stores the spectrum already in `fft.spectrum()` as Z_k and adds D_k Z_k
 * into `sums`.
 */
function storeResidualSpectrum(views: SharedViews, spectrum: Float32Array, k: number, sums: Float64Array): void {
  const { frequencies, complexBlock: s } = views.shape;
  const length = 2 * frequencies;
  const { residualSpectra: z, dictionarySpectra: d } = views;
  const offset = k * length;
  for (let base = 0; base < length; base += 2 * s) {
    for (let re = base, blockEnd = base + s; re < blockEnd; re++) {
      const im = re + s;
      const dr = d[offset + re];
      const di = d[offset + im];
      const zr = spectrum[re];
      const zi = spectrum[im];
      z[offset + re] = zr;
      z[offset + im] = zi;
      sums[re] += dr * zr - di * zi;
      sums[im] += dr * zi + di * zr;
    }
  }
}

/**
 * Divides u by the penalty factor of a change of ρ (so that ρu stays the
 * same), then recomputes Z_k = FFT(y − u)_k and this thread's Σ_k D_k Z_k.
 */
export function transformResiduals(
  views: SharedViews,
  fft: UnorderedRealFft2d,
  thread: number,
  start: number,
  end: number,
  penaltyFactor: number,
): void {
  const { height, width, frequencies } = views.shape;
  const planeSize = height * width;
  const length = 2 * frequencies;
  const { y, u } = views;
  const sums = views.residualProducts.subarray(thread * length, (thread + 1) * length);
  sums.fill(0);
  for (let k = start; k < end; k++) {
    const plane = fft.plane();
    const offset = k * planeSize;
    for (let i = 0; i < planeSize; i++) {
      const uValue = Math.fround(u[offset + i] / penaltyFactor);
      u[offset + i] = uValue;
      plane[i] = y[offset + i] - uValue;
    }
    fft.forward();
    storeResidualSpectrum(views, fft.spectrum(), k, sums);
  }
}

/** Settings of {@link iterateAtoms} for one iteration. */
export interface IterationSettings {
  readonly rho: number;
  /** α, the over-relaxation. */
  readonly alpha: number;
  readonly lambda: number;
  readonly nonNegative: boolean;
  /** Compute Z_k of the next iteration (false on the last one). */
  readonly transformNext: boolean;
}

/**
 * Runs one ADMM iteration for atoms `[start, end)`, given a (`gamma`) and the
 * stored Z_k:
 *
 *   X_k = (b_k − conj(D_k) a) / ρ with b_k = conj(D_k) S + ρ Z_k,  x_k = IFFT(X_k),
 *   x_r = α x + (1 − α) y_prev,  y = soft(x_r + u, λ w_k / ρ),  u = u + x_r − y,
 *
 * then Z_k = FFT(y − u)_k and Σ_k D_k Z_k for the next iteration. Writes
 * this thread's sums of squares and ℓ1 norms into `stepSums`.
 */
export function iterateAtoms(
  views: SharedViews,
  fft: UnorderedRealFft2d,
  thread: number,
  start: number,
  end: number,
  settings: IterationSettings,
): void {
  const { height, width, frequencies, complexBlock: s } = views.shape;
  const planeSize = height * width;
  const length = 2 * frequencies;
  const { y, u, gamma, weights, residualSpectra: z, dictionarySpectra: d, imageSpectrum: image } = views;
  const { rho, alpha, lambda, nonNegative, transformNext } = settings;
  const products = views.residualProducts.subarray(thread * length, (thread + 1) * length);
  products.fill(0);
  let xSquared = 0;
  let ySquared = 0;
  let uSquared = 0;
  let primalSquared = 0;
  let changeSquared = 0;
  let l1OfX = 0;
  let l1OfY = 0;
  for (let k = start; k < end; k++) {
    // X_k = (b_k − conj(D_k) a) / ρ, in the rounding order of the reference backend, then x_k.
    const spectrum = fft.spectrum();
    const spectrumOffset = k * length;
    for (let base = 0; base < length; base += 2 * s) {
      for (let re = base, blockEnd = base + s; re < blockEnd; re++) {
        const im = re + s;
        const dr = d[spectrumOffset + re];
        const di = d[spectrumOffset + im];
        const sr = image[re];
        const si = image[im];
        const br = Math.fround(Math.fround(dr * sr + di * si) + rho * z[spectrumOffset + re]);
        const bi = Math.fround(Math.fround(dr * si - di * sr) + rho * z[spectrumOffset + im]);
        const ar = gamma[re];
        const ai = gamma[im];
        spectrum[re] = (br - (dr * ar + di * ai)) / rho;
        spectrum[im] = (bi - (dr * ai - di * ar)) / rho;
      }
    }
    fft.inverse(1 / planeSize);

    // Relaxation, soft thresholding at λ w_k / ρ and the scaled dual update; y − u goes into the plane buffer.
    const plane = fft.plane();
    const threshold = (lambda / rho) * weights[k];
    const offset = k * planeSize;
    let planeL1OfX = 0;
    let planeL1OfY = 0;
    for (let i = 0; i < planeSize; i++) {
      const xValue = plane[i];
      const yPrevious = y[offset + i];
      const uPrevious = u[offset + i];
      const relaxed = alpha * xValue + (1 - alpha) * yPrevious;
      const v = relaxed + uPrevious;
      const magnitude = Math.abs(v) - threshold;
      let yValue = 0;
      if (magnitude > 0) yValue = Math.fround(v > 0 ? magnitude : -magnitude);
      if (nonNegative && yValue < 0) yValue = 0;
      const uValue = Math.fround(uPrevious + relaxed - yValue);
      y[offset + i] = yValue;
      u[offset + i] = uValue;
      plane[i] = yValue - uValue;

      xSquared += xValue * xValue;
      ySquared += yValue * yValue;
      uSquared += uValue * uValue;
      primalSquared += (xValue - yValue) * (xValue - yValue);
      changeSquared += (yValue - yPrevious) * (yValue - yPrevious);
      planeL1OfX += Math.abs(xValue);
      planeL1OfY += Math.abs(yValue);
    }
    l1OfX += weights[k] * planeL1OfX;
    l1OfY += weights[k] * planeL1OfY;

    // Z_k = FFT(y − u)_k for the next iteration.
    if (transformNext) {
      fft.forward();
      storeResidualSpectrum(views, fft.spectrum(), k, products);
    }
  }

  const out = views.stepSums.subarray(thread * STEP_SUM_COUNT, (thread + 1) * STEP_SUM_COUNT);
  out[STEP_SUM.xSquared] = xSquared;
  out[STEP_SUM.ySquared] = ySquared;
  out[STEP_SUM.uSquared] = uSquared;
  out[STEP_SUM.primalSquared] = primalSquared;
  out[STEP_SUM.changeSquared] = changeSquared;
  out[STEP_SUM.l1OfX] = l1OfX;
  out[STEP_SUM.l1OfY] = l1OfY;
  out[STEP_SUM.notFinite] = Number.isFinite(xSquared + ySquared + uSquared) ? 0 : 1;
}

/**
 * Transforms y_k for atoms `[start, end)` and writes this thread's
 * Σ_k D_k Y_k into `coefficientProducts` (for the reconstruction and the
 * objective at y).
 */
export function sumDictionaryProducts(views: SharedViews, fft: UnorderedRealFft2d, thread: number, start: number, end: number): void {
  const { height, width, frequencies, complexBlock: s } = views.shape;
  const planeSize = height * width;
  const length = 2 * frequencies;
  const { y, dictionarySpectra: d } = views;
  const sums = views.coefficientProducts.subarray(thread * length, (thread + 1) * length);
  sums.fill(0);
  for (let k = start; k < end; k++) {
    fft.plane().set(y.subarray(k * planeSize, (k + 1) * planeSize));
    fft.forward();
    const spectrum = fft.spectrum();
    const spectrumOffset = k * length;
    for (let base = 0; base < length; base += 2 * s) {
      for (let re = base, blockEnd = base + s; re < blockEnd; re++) {
        const im = re + s;
        const dr = d[spectrumOffset + re];
        const di = d[spectrumOffset + im];
        sums[re] += dr * spectrum[re] - di * spectrum[im];
        sums[im] += dr * spectrum[im] + di * spectrum[re];
      }
    }
  }
}
