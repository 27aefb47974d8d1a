import type { AtomParams, DictionaryItem } from '@heterosparse/core';
import { InvalidInputError } from '@heterosparse/core';

import { resolveBThetas, type BThetaSpec } from './b-theta-values.ts';
import { logGaborKernel } from './log-gabor-atom.ts';
import { median, normaliseInPlace, type Normalisation } from './normalise.ts';

/** Every parameter of a log-Gabor bank. Angles in radians, frequencies in cycles per pixel. */
export interface LogGaborBankOptions {
  /** Label of the bank in results (`homogeneous`, `heterogeneous`). */
  readonly name: string;
  /** Kernel side N in pixels (even, at least 4); atoms are N×N. */
  readonly size: number;
  /** Orientations θ: a count n gives θ_i = iπ/n for i = 0..n−1; a list gives the angles themselves. */
  readonly thetas: number | readonly number[];
  /** Orientation bandwidths B_θ (see `BThetaSpec`). */
  readonly bThetas: BThetaSpec;
  /** Phases ψ; the presets use 0 and π/2. */
  readonly phases: readonly number[];
  /** Radial peak frequency sf0 (0.4 in the presets). */
  readonly sf0: number;
  /** Radial bandwidth B_sf (0.4 in the presets). */
  readonly bSf: number;
  /** Final atom normalisation, applied after subtracting each atom's median. */
  readonly normalise: Normalisation;
}

/** Expands `thetas` into the list of orientations in radians. */
export function resolveThetas(thetas: number | readonly number[]): number[] {
  if (typeof thetas === 'number') {
    if (!Number.isInteger(thetas) || thetas < 1) {
      throw new InvalidInputError(`thetas is ${thetas}; give a positive integer count of orientations or a list of angles in radians`);
    }
    return Array.from({ length: thetas }, (_, i) => (i * Math.PI) / thetas);
  }
  if (thetas.length === 0) {
    throw new InvalidInputError('thetas is an empty list; give at least one orientation in radians');
  }
  thetas.forEach((theta, index) => {
    if (!Number.isFinite(theta)) {
      throw new InvalidInputError(`thetas[${index}] is ${theta}; expected a finite angle in radians`);
    }
  });
  return [...thetas];
}

function validateScalars(options: LogGaborBankOptions): void {
  const { size, phases, sf0, bSf } = options;
  if (!Number.isInteger(size) || size < 4 || size % 2 !== 0) {
    throw new InvalidInputError(`size is ${size}; expected an even integer of at least 4, because the frequency grid is centred on size/2`);
  }
  if (phases.length === 0) {
    throw new InvalidInputError('phases is an empty list; give at least one phase in radians (the presets use [0, π/2])');
  }
  if (!(sf0 > 0 && sf0 < 0.5)) {
    throw new InvalidInputError(`sf0 is ${sf0}; expected a radial peak frequency in (0, 0.5) cycles per pixel (0.4 in the presets)`);
  }
  if (!(bSf > 0) || !Number.isFinite(bSf)) {
    throw new InvalidInputError(`bSf is ${bSf}; expected a positive radial bandwidth (0.4 in the presets)`);
  }
}

/**
 * Builds a log-Gabor bank. Atoms are ordered with the orientation outermost,
 * then the bandwidth, then the phase; each is built by `logGaborKernel`,
 * has its median subtracted and is normalised by `options.normalise`.
 *
 * @returns a dictionary of shape `[size, size, K]` with K = orientations × bandwidths per orientation × phases
 */
export function createLogGaborBank(options: LogGaborBankOptions): DictionaryItem {
  validateScalars(options);
  const thetas = resolveThetas(options.thetas);
  const bThetasPerOrientation = resolveBThetas(options.bThetas, thetas.length);
  const { size, phases, sf0, bSf, normalise } = options;

  const atomParams: AtomParams[] = [];
  const kernels: Float64Array[] = [];
  thetas.forEach((theta, orientation) => {
    for (const bTheta of bThetasPerOrientation[orientation]) {
      for (const phase of phases) {
        const kernel = logGaborKernel({ size, theta, bTheta, phase, sf0, bSf });

        // Step 10: subtract the median, then normalise.
        const centre = median(kernel);
        for (let i = 0; i < kernel.length; i++) kernel[i] -= centre;
        normaliseInPlace(kernel, normalise, `log-Gabor atom θ=${theta}, B_θ=${bTheta}, ψ=${phase}`);

        atomParams.push({ index: atomParams.length, theta, bTheta, phase, sf0, bSf });
        kernels.push(kernel);
      }
    }
  });

  // Interleave the atoms into the [row, column, atom] layout.
  const atoms = kernels.length;
  const data = new Float32Array(size * size * atoms);
  kernels.forEach((kernel, k) => {
    for (let pixel = 0; pixel < size * size; pixel++) data[pixel * atoms + k] = kernel[pixel];
  });
  return { kind: 'dictionary', name: options.name, height: size, width: size, atoms, data, atomParams };
}
