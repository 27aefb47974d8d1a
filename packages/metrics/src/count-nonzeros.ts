import { checkFiniteValues } from './check-values.ts';

/**
 * Counts the elements of `values` that are not exactly zero.
 * Throws `InvalidInputError` for empty or non-finite input.
 */
export function countNonzeros(values: ArrayLike<number>): number {
  checkFiniteValues('countNonzeros', 'values', values);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== 0) count++;
  }
  return count;
}
