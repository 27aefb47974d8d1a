import { InvalidInputError, type DictionaryItem } from '@heterosparse/core';

import type { CbpdnProblem } from './backend.ts';
import type { CbpdnOptions } from './options.ts';

/** A grey image to code: `data` has shape `[height, width]`. */
export interface CbpdnImage {
  readonly data: Float32Array;
  readonly height: number;
  readonly width: number;
}

function requireSize(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidInputError(`CBPDN: ${name} must be a positive integer, received ${value}`);
  }
}

/** Throws `InvalidInputError` at the first NaN or infinite element, naming its position in `shape`. */
function requireFinite(label: string, data: Float32Array, shape: readonly number[]): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      const index: number[] = [];
      let rest = i;
      for (let axis = shape.length - 1; axis >= 0; axis--) {
        index.unshift(rest % shape[axis]);
        rest = Math.floor(rest / shape[axis]);
      }
      throw new InvalidInputError(
        `CBPDN: ${label} contains ${data[i]} at index [${index.join(', ')}] of shape [${shape.join(', ')}]; ` +
          'replace non-finite values before coding',
      );
    }
  }
}

/**
 * Checks an image and a dictionary against each other and against the
 * options, and returns the problem a backend solves.
 *
 * Throws `InvalidInputError` when a size is not a positive integer, a buffer
 * length does not match its shape, a kernel is larger than the image, a value
 * is NaN or infinite, or `options.l1Weights` does not hold one weight per atom.
 */
export function validateCbpdnProblem(image: CbpdnImage, dictionary: DictionaryItem, options: CbpdnOptions): CbpdnProblem {
  requireSize('image height', image.height);
  requireSize('image width', image.width);
  requireSize(`height of dictionary "${dictionary.name}"`, dictionary.height);
  requireSize(`width of dictionary "${dictionary.name}"`, dictionary.width);
  requireSize(`atom count of dictionary "${dictionary.name}"`, dictionary.atoms);

  if (image.data.length !== image.height * image.width) {
    throw new InvalidInputError(
      `CBPDN: image shape [${image.height}, ${image.width}] needs ${image.height * image.width} values, ` +
        `but its data has ${image.data.length}`,
    );
  }
  const kernelSize = dictionary.height * dictionary.width * dictionary.atoms;
  if (dictionary.data.length !== kernelSize) {
    throw new InvalidInputError(
      `CBPDN: dictionary "${dictionary.name}" of shape [${dictionary.height}, ${dictionary.width}, ${dictionary.atoms}] ` +
        `needs ${kernelSize} values, but its data has ${dictionary.data.length}`,
    );
  }
  if (dictionary.height > image.height || dictionary.width > image.width) {
    throw new InvalidInputError(
      `CBPDN: kernels of dictionary "${dictionary.name}" are ${dictionary.height}×${dictionary.width}, ` +
        `larger than the ${image.height}×${image.width} image; use a larger image or smaller kernels`,
    );
  }
  if (options.l1Weights !== null && options.l1Weights.length !== dictionary.atoms) {
    throw new InvalidInputError(
      `CBPDN option l1Weights has ${options.l1Weights.length} weights, but dictionary "${dictionary.name}" ` +
        `has ${dictionary.atoms} atoms; give one weight per atom`,
    );
  }
  requireFinite('the image', image.data, [image.height, image.width]);
  requireFinite(`dictionary "${dictionary.name}"`, dictionary.data, [dictionary.height, dictionary.width, dictionary.atoms]);

  return {
    image: image.data,
    height: image.height,
    width: image.width,
    dictionary: dictionary.data,
    kernelHeight: dictionary.height,
    kernelWidth: dictionary.width,
    atoms: dictionary.atoms,
  };
}
