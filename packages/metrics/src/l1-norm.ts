import { checkFiniteValues } from './check-values.ts';

/**
 * Computes the ℓ1 norm `Σ|x_i|`, accumulated in float64.
 * Throws `InvalidInputError` for empty or non-finite input.
 */
export function l1Norm(values: ArrayLike<number>): number {
  checkFiniteValues('l1Norm', 'values', values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.abs(values[i]);
  return sum;
}
