import { NumericalError } from '@heterosparse/core';

import { inverseDftCentred2d } from './inverse-dft-2d.ts';

/** Parameters of one log-Gabor atom. Angles in radians, frequencies in cycles per pixel. */
export interface LogGaborAtomParams {
  /** Kernel side N in pixels; must be even, because the frequency grid is centred on N/2. */
  readonly size: number;
  /** Orientation θ. */
  readonly theta: number;
  /** Orientation bandwidth B_θ (width of the von Mises envelope). */
  readonly bTheta: number;
  /** Phase ψ (0 gives an even atom, π/2 an odd one). */
  readonly phase: number;
  /** Radial peak frequency sf0. */
  readonly sf0: number;
  /** Radial bandwidth B_sf (standard deviation of ln f around ln sf0). */
  readonly bSf: number;
}

/** Frequency of the retina filter's high cut, in cycles per pixel (the Nyquist frequency). */
const RETINA_HIGH_CUT = 0.5;
/** Steepness of the retina filter's high cut, as a fraction of `RETINA_HIGH_CUT`. */
const RETINA_HIGH_STEEPNESS = 0.07;
/** Radius that replaces f = 0 at the centre of the grid, so that 1/f and ln f stay finite. */
const CENTRE_RADIUS = 1e-6;

/**
 * Builds one log-Gabor kernel before its final normalisation, following the
 * construction of the kernel-heterogeneity paper (Ladret, Casanova and
 * Perrinet, 2024) as the reference SPORCO test vectors were made:
 *
 * 1. a centred frequency grid `fx = (i − N/2)/N` (rows), `fy = (j − N/2)/N` (columns);
 * 2. a log-normal radial envelope `(1/f) exp(−½ ln(f/sf0)² / B_sf²)`;
 * 3. a von Mises orientation envelope `exp(cos(φ − θ) / B_θ²)`;
 * 4. a translation by half a kernel, `exp(−2πi (N/2 fx + N/2 fy))`;
 * 5. a retina filter that cuts frequencies above 0.5 and near 0;
 * 6. energy normalisation to `sqrt(2)` times unit root-mean-square;
 * 7. the phase factor `exp(−iψ)`;
 * 8. the real part of the inverse 2-D DFT;
 * 9. a raised-cosine spatial mask to the power 1/3.
 *
 * @returns the kernel, shape `[N, N]` (row, column), row-major, float64
 */
export function logGaborKernel(params: LogGaborAtomParams): Float64Array {
  const { size: n, theta, bTheta, phase, sf0, bSf } = params;
  const half = n / 2;
  const real = new Float64Array(n * n);
  const imag = new Float64Array(n * n);
  let energy = 0;

  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      // Step 1: centred frequency grid, radius and angle.
      const fx = (i - half) / n;
      const fy = (j - half) / n;
      const f = i === half && j === half ? CENTRE_RADIUS : Math.sqrt(fx * fx + fy * fy);
      const angle = Math.atan2(fy, fx);

      // Step 2: log-normal radial envelope.
      const logRatio = Math.log(f / sf0);
      const radial = (1 / f) * Math.exp((-0.5 * logRatio * logRatio) / (bSf * bSf));

      // Step 3: von Mises orientation envelope. Its peak value exp(1/B_θ²) is divided out,
      // which step 6 would undo anyway, so that narrow bandwidths cannot overflow.
      const angular = Math.exp((Math.cos(angle - theta) - 1) / (bTheta * bTheta));

      // Step 5: retina filter, a smooth high cut at 0.5 and a Gaussian low cut of width 0.5/N.
      const highCut = f < RETINA_HIGH_CUT ? 1 - Math.exp((f - RETINA_HIGH_CUT) / (RETINA_HIGH_CUT * RETINA_HIGH_STEEPNESS)) : 0;
      const lowSigma = 0.5 / n;
      const lowCut = 1 - Math.exp((-0.5 * f * f) / (lowSigma * lowSigma));
      const magnitude = radial * angular * highCut * lowCut;

      // Step 4: translation by half a kernel, a pure phase.
      const shift = -2 * Math.PI * (half * fx + half * fy);
      real[i * n + j] = magnitude * Math.cos(shift);
      imag[i * n + j] = magnitude * Math.sin(shift);
      energy += magnitude * magnitude;
    }
  }

  if (!(energy > 0) || !Number.isFinite(energy)) {
    throw new NumericalError(
      `logGaborKernel: the envelope of θ=${theta}, B_θ=${bTheta}, sf0=${sf0}, B_sf=${bSf} on a ${n}×${n} grid has energy ${energy}; ` +
        'choose parameters whose envelope overlaps the frequency grid (0 < sf0 < 0.5, B_θ and B_sf not tiny)',
    );
  }

  // Steps 6 and 7: scale to sqrt(2) / RMS, then rotate by the phase exp(−iψ).
  const scale = Math.SQRT2 / Math.sqrt(energy / (n * n));
  const phaseCos = Math.cos(-phase);
  const phaseSin = Math.sin(-phase);
  for (let k = 0; k < n * n; k++) {
    const re = real[k] * scale;
    const im = imag[k] * scale;
    real[k] = re * phaseCos - im * phaseSin;
    imag[k] = re * phaseSin + im * phaseCos;
  }

  // Step 8: back to the spatial domain.
  const kernel = inverseDftCentred2d(real, imag, n);

  // Step 9: spatial mask ((cos(πR) + 1)/2)^(1/3) inside the unit disc, x and y on linspace(−1, 1, N).
  for (let i = 0; i < n; i++) {
    const x = -1 + (2 * i) / (n - 1);
    for (let j = 0; j < n; j++) {
      const y = -1 + (2 * j) / (n - 1);
      const radius = Math.sqrt(x * x + y * y);
      const mask = radius < 1 ? Math.cbrt((Math.cos(Math.PI * radius) + 1) / 2) : 0;
      kernel[i * n + j] *= mask;
    }
  }
  return kernel;
}
