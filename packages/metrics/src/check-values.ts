import { InvalidInputError } from '@heterosparse/core';

/**
 * Throws `InvalidInputError` unless `values` is non-empty and every element is
 * finite. `operation` and `name` label the message, for example
 * `psnr: reference[12] is NaN`.
 */
export function checkFiniteValues(operation: string, name: string, values: ArrayLike<number>): void {
  if (values.length === 0) {
    throw new InvalidInputError(`${operation}: ${name} is empty; pass at least one value`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new InvalidInputError(
        `${operation}: ${name}[${i}] is ${values[i]}; expected finite numbers, so remove or replace non-finite values first`,
      );
    }
  }
}

/** Throws `InvalidInputError` unless `a` and `b` have the same length. */
export function checkSameLength(operation: string, a: ArrayLike<number>, b: ArrayLike<number>, names: [string, string]): void {
  if (a.length !== b.length) {
    throw new InvalidInputError(
      `${operation}: ${names[0]} has ${a.length} elements but ${names[1]} has ${b.length}; pass arrays of the same shape`,
    );
  }
}
