import { InvalidInputError } from '@heterosparse/core';

import { checkFiniteValues, checkSameLength } from './check-values.ts';

export interface PsnrOptions {
  /**
   * Peak signal value in the units of the arrays (255 for 8-bit images).
   * Defaults to max − min of `reference`, as SPORCO's `metric.psnr` does.
   */
  readonly peak?: number;
}

/**
 * Computes the peak signal-to-noise ratio in dB,
 * `10 log10(peak² / mean((reference − estimate)²))`, accumulating in float64.
 *
 * Returns `Infinity` when the arrays are equal (zero mean squared error).
 * Throws `InvalidInputError` for empty or non-finite input, arrays of
 * different lengths, a peak that is not a positive finite number, and a
 * constant reference without a fixed peak (the default peak would be 0).
 *
 * @example psnr(image, reconstruction) // 33.2
 */
export function psnr(reference: ArrayLike<number>, estimate: ArrayLike<number>, options: PsnrOptions = {}): number {
  checkFiniteValues('psnr', 'reference', reference);
  checkFiniteValues('psnr', 'estimate', estimate);
  checkSameLength('psnr', reference, estimate, ['reference', 'estimate']);

  const peak = options.peak ?? valueRange(reference);
  if (!(Number.isFinite(peak) && peak > 0)) {
    const fix =
      options.peak === undefined
        ? 'the reference is constant, so pass a fixed peak such as 255'
        : 'pass a positive finite peak such as 255';
    throw new InvalidInputError(`psnr: peak is ${peak}; expected a positive finite number, and ${fix}`);
  }

  let sumOfSquares = 0;
  for (let i = 0; i < reference.length; i++) {
    const difference = reference[i] - estimate[i];
    sumOfSquares += difference * difference;
  }
  const meanSquaredError = sumOfSquares / reference.length;
  if (meanSquaredError === 0) return Number.POSITIVE_INFINITY;
  return 10 * Math.log10((peak * peak) / meanSquaredError);
}

function valueRange(values: ArrayLike<number>): number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  return max - min;
}
