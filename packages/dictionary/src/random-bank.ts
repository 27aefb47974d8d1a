import type { DictionaryItem } from '@heterosparse/core';
import { InvalidInputError, createRandom } from '@heterosparse/core';

import { normaliseInPlace, type Normalisation } from './normalise.ts';

/** Parameters of a random Gaussian bank. */
export interface RandomBankOptions {
  /** Label of the bank in results. */
  readonly name: string;
  /** Kernel height and width in pixels. */
  readonly size: number;
  /** Number of atoms K. */
  readonly atoms: number;
  /** 32-bit integer seed of the generator (`createRandom` in core). */
  readonly seed: number;
  readonly normalise: Normalisation;
}

/**
 * Builds a bank of K atoms whose pixels are independent standard normal
 * samples, each atom then normalised. Atoms are drawn one after the other,
 * each in row-major order, so the same seed gives the same bank.
 *
 * @returns a dictionary of shape `[size, size, atoms]`; atoms carry only their index
 */
export function createRandomBank(options: RandomBankOptions): DictionaryItem {
  const { name, size, atoms, seed, normalise } = options;
  if (!Number.isInteger(size) || size < 1) {
    throw new InvalidInputError(`size is ${size}; expected a positive integer kernel side in pixels`);
  }
  if (!Number.isInteger(atoms) || atoms < 1) {
    throw new InvalidInputError(`atoms is ${atoms}; expected a positive integer number of atoms`);
  }
  const random = createRandom(seed);
  const data = new Float32Array(size * size * atoms);
  const kernel = new Float64Array(size * size);
  for (let k = 0; k < atoms; k++) {
    for (let pixel = 0; pixel < kernel.length; pixel++) kernel[pixel] = random.normal();
    normaliseInPlace(kernel, normalise, `random atom ${k}`);
    for (let pixel = 0; pixel < kernel.length; pixel++) data[pixel * atoms + k] = kernel[pixel];
  }
  const atomParams = Array.from({ length: atoms }, (_, index) => ({ index }));
  return { kind: 'dictionary', name, height: size, width: size, atoms, data, atomParams };
}
