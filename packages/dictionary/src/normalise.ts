import { InvalidInputError } from '@heterosparse/core';

/** Atom normalisations: `max-abs` divides by the largest |value| (the choice of the presets and of Ladret et al., 2024), `l2` by the Euclidean norm. */
export const NORMALISATIONS = ['max-abs', 'l2'] as const;

export type Normalisation = (typeof NORMALISATIONS)[number];

/** Median of `values`; for an even count, the mean of the two middle values (as NumPy's `median`). */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Divides `values` in place by their maximum absolute value (`max-abs`) or
 * their Euclidean norm (`l2`). `label` names the atom in the error raised
 * when every value is zero.
 */
export function normaliseInPlace(values: Float64Array, mode: Normalisation, label: string): void {
  let norm = 0;
  if (mode === 'max-abs') {
    for (const value of values) norm = Math.max(norm, Math.abs(value));
  } else {
    for (const value of values) norm += value * value;
    norm = Math.sqrt(norm);
  }
  if (!(norm > 0) || !Number.isFinite(norm)) {
    throw new InvalidInputError(`${label} has ${mode} norm ${norm} and cannot be normalised; check the parameters that built it`);
  }
  for (let i = 0; i < values.length; i++) values[i] /= norm;
}
