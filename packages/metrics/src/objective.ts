import { InvalidInputError } from '@heterosparse/core';

import { dataFidelity } from './data-fidelity.ts';
import { l1Norm } from './l1-norm.ts';

/**
 * Computes the convolutional basis pursuit denoising objective
 * `½‖s − ŝ‖² + λ‖x‖₁` from the image s (`reference`), its reconstruction
 * ŝ = Σ_k d_k * x_k (`estimate`) and the coefficients x, in float64.
 *
 * The ℓ1 term is unweighted: a solve with per-atom ℓ1 weights minimised a
 * different objective, and its own iteration statistics report that one.
 * Throws `InvalidInputError` for invalid arrays and for λ that is negative
 * or not finite.
 */
export function objective(
  reference: ArrayLike<number>,
  estimate: ArrayLike<number>,
  coefficients: ArrayLike<number>,
  lambda: number,
): number {
  if (!(Number.isFinite(lambda) && lambda >= 0)) {
    throw new InvalidInputError(`objective: lambda is ${lambda}; expected a finite number ≥ 0`);
  }
  return dataFidelity(reference, estimate) + lambda * l1Norm(coefficients);
}
