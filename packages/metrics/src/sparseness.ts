import { countNonzeros } from './count-nonzeros.ts';

/**
 * Computes the sparseness `1 − nonzeros / size` of a coefficient array: 1 when
 * every coefficient is zero, 0 when none is. For coefficient maps `[K, H, W]`
 * the size is K·H·W, as in the kernel-heterogeneity paper (Ladret, Casanova
 * and Perrinet, 2024). Throws `InvalidInputError` for empty or non-finite input.
 */
export function sparseness(coefficients: ArrayLike<number>): number {
  return 1 - countNonzeros(coefficients) / coefficients.length;
}
