/**
 * Fourier-domain helpers of the CPU CBPDN backend.
 *
 * Spectra are half spectra of `RealFft2d` (`@heterosparse/fft`): per plane
 * `[height, halfWidth]` complex values, interleaved `re, im`, with
 * `halfWidth = floor(width / 2) + 1`. A stack of K planes is stored plane
 * after plane, so the spectrum of atom k starts at `k * 2 * height * halfWidth`.
 */
import type { RealFft2d } from '@heterosparse/fft';

import type { CbpdnProblem } from './backend.ts';

/** Spectra of the zero-padded kernels and the per-frequency energy Σ_k |D_k(f)|². */
export interface DictionarySpectra {
  /** D_k(f), shape `[atoms, height, halfWidth]` complex interleaved. */
  readonly spectra: Float32Array;
  /** Σ_k |D_k(f)|² in float64, shape `[height, halfWidth]`. */
  readonly energy: Float64Array;
}

/**
 * Copies the kernels `[h, w, K]` into K planes `[K, height, width]`, each
 * kernel at the top-left corner and zeros elsewhere (SPORCO's padding, so the
 * convolution has no shift).
 */
export function padKernels(problem: CbpdnProblem): Float32Array {
  const { height, width, kernelHeight, kernelWidth, atoms, dictionary } = problem;
  const planes = new Float32Array(atoms * height * width);
  for (let k = 0; k < atoms; k++) {
    for (let a = 0; a < kernelHeight; a++) {
      for (let b = 0; b < kernelWidth; b++) {
        planes[k * height * width + a * width + b] = dictionary[(a * kernelWidth + b) * atoms + k];
      }
    }
  }
  return planes;
}

/** Transforms the padded kernels and sums their energy at each frequency. */
export function computeDictionarySpectra(problem: CbpdnProblem, fft: RealFft2d): DictionarySpectra {
  const frequencies = fft.height * fft.halfWidth;
  const spectra = new Float32Array(problem.atoms * 2 * frequencies);
  fft.forward(padKernels(problem), spectra, problem.atoms);

  const energy = new Float64Array(frequencies);
  for (let k = 0; k < problem.atoms; k++) {
    const offset = k * 2 * frequencies;
    for (let f = 0; f < frequencies; f++) {
      const re = spectra[offset + 2 * f];
      const im = spectra[offset + 2 * f + 1];
      energy[f] += re * re + im * im;
    }
  }
  return { spectra, energy };
}

/**
 * Returns ‖e‖² of the real plane whose half spectrum is `spectrum` (float64
 * complex interleaved, `[height, halfWidth]`), by Parseval's theorem.
 * Columns 1 … ceil(width/2) − 1 stand for two conjugate columns of the full
 * spectrum, so they count twice. The sum is divided by height · width.
 */
export function halfSpectrumSquaredNorm(spectrum: Float64Array, height: number, width: number): number {
  const halfWidth = Math.floor(width / 2) + 1;
  // The last column is its own conjugate only for even widths.
  const lastPaired = width % 2 === 0 ? halfWidth - 2 : halfWidth - 1;
  let sum = 0;
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < halfWidth; column++) {
      const index = 2 * (row * halfWidth + column);
      const power = spectrum[index] * spectrum[index] + spectrum[index + 1] * spectrum[index + 1];
      sum += column >= 1 && column <= lastPaired ? 2 * power : power;
    }
  }
  return sum / (height * width);
}

/**
 * Returns ½‖Σ_k D_k X_k − S‖², the data fidelity of the coefficient spectra
 * `coefficientSpectra` (float32, `[atoms, height, halfWidth]`), computed in the
 * Fourier domain as SPORCO does. `residual` is float64 scratch of
 * `2 · height · halfWidth` values.
 */
export function spectralDataFidelity(
  dictionary: DictionarySpectra,
  coefficientSpectra: Float32Array,
  imageSpectrum: Float32Array,
  atoms: number,
  height: number,
  width: number,
  residual: Float64Array,
): number {
  const frequencies = imageSpectrum.length / 2;
  for (let f = 0; f < 2 * frequencies; f++) residual[f] = -imageSpectrum[f];
  const spectra = dictionary.spectra;
  for (let k = 0; k < atoms; k++) {
    const offset = k * 2 * frequencies;
    for (let f = 0; f < frequencies; f++) {
      const i = offset + 2 * f;
      const dr = spectra[i];
      const di = spectra[i + 1];
      const xr = coefficientSpectra[i];
      const xi = coefficientSpectra[i + 1];
      residual[2 * f] += dr * xr - di * xi;
      residual[2 * f + 1] += dr * xi + di * xr;
    }
  }
  return halfSpectrumSquaredNorm(residual, height, width) / 2;
}
