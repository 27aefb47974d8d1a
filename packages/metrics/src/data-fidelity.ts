import { checkFiniteValues, checkSameLength } from './check-values.ts';

/**
 * Computes the data fidelity term `½‖s − ŝ‖²` of the sparse coding objective,
 * where `reference` is the image s and `estimate` its reconstruction
 * ŝ = Σ_k d_k * x_k, accumulated in float64.
 * Throws `InvalidInputError` for empty or non-finite input and for arrays of
 * different lengths.
 */
export function dataFidelity(reference: ArrayLike<number>, estimate: ArrayLike<number>): number {
  checkFiniteValues('dataFidelity', 'reference', reference);
  checkFiniteValues('dataFidelity', 'estimate', estimate);
  checkSameLength('dataFidelity', reference, estimate, ['reference', 'estimate']);
  let sumOfSquares = 0;
  for (let i = 0; i < reference.length; i++) {
    const residual = reference[i] - estimate[i];
    sumOfSquares += residual * residual;
  }
  return sumOfSquares / 2;
}
