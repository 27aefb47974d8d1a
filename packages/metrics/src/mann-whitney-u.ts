import erfc from '@stdlib/math-base-special-erfc';
import { InvalidInputError } from '@heterosparse/core';

import { checkFiniteValues } from './check-values.ts';
import { mannWhitneyExactSf } from './mann-whitney-exact.ts';
import { rankWithTies } from './rank-with-ties.ts';

/**
 * Alternative hypothesis: `greater` means the distribution of `x` is
 * stochastically greater than that of `y`.
 */
export type Alternative = 'two-sided' | 'greater' | 'less';

/** Method of computing the p-value; `auto` chooses one as SciPy does. */
export type MannWhitneyMethod = 'auto' | 'exact' | 'asymptotic';

export interface MannWhitneyOptions {
  /** Default `two-sided`, as in SciPy. */
  readonly alternative?: Alternative;
  /** Default `auto`. */
  readonly method?: MannWhitneyMethod;
  /** Continuity correction of ½ in the normal approximation. Default true. */
  readonly continuity?: boolean;
}

export interface MannWhitneyResult {
  /** U statistic of the first sample, U₁ = R₁ − n₁(n₁ + 1)/2 (SciPy's convention). */
  readonly statistic: number;
  readonly p: number;
  /** The method actually used (`auto` resolved). */
  readonly method: 'exact' | 'asymptotic';
  readonly alternative: Alternative;
  readonly n1: number;
  readonly n2: number;
}

/**
 * Runs the Mann–Whitney U test (Wilcoxon rank-sum test) of two independent
 * samples, as `scipy.stats.mannwhitneyu` (SciPy 1.17) computes it.
 *
 * `auto` uses the exact null distribution when either sample has at most 8
 * values and no value occurs twice in the pooled data, and the normal
 * approximation otherwise. The normal approximation corrects the variance for
 * ties, `σ² = n₁n₂/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1)))` over tie group sizes
 * t, and by default moves U half a unit toward the mean (continuity correction).
 *
 * Throws `InvalidInputError` for an empty sample, a non-finite value, or
 * `method: 'exact'` with ties (the exact distribution assumes none; SciPy
 * truncates U instead and returns an uncorrected p-value).
 */
export function mannWhitneyU(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const alternative = options.alternative ?? 'two-sided';
  const requested = options.method ?? 'auto';
  const continuity = options.continuity ?? true;
  checkFiniteValues('mannWhitneyU', 'x', x);
  checkFiniteValues('mannWhitneyU', 'y', y);
  const n1 = x.length;
  const n2 = y.length;

  // U₁ from the rank sum of x in the pooled sample.
  const pooled = new Float64Array(n1 + n2);
  pooled.set(Array.from(x), 0);
  pooled.set(Array.from(y), n1);
  const { ranks, tieSizes } = rankWithTies(pooled);
  let rankSum = 0;
  for (let i = 0; i < n1; i++) rankSum += ranks[i];
  const u1 = rankSum - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;

  // Every alternative reads an upper tail: P(U ≥ U₁) for greater, P(U ≥ U₂)
  // for less (the null distribution is symmetric), and twice the larger tail
  // for two-sided.
  let u = Math.max(u1, u2);
  if (alternative === 'greater') u = u1;
  if (alternative === 'less') u = u2;
  const factor = alternative === 'two-sided' ? 2 : 1;

  const method = requested === 'auto' ? chooseMethod(n1, n2, tieSizes.length > 0) : requested;
  if (method === 'exact' && tieSizes.length > 0) {
    throw new InvalidInputError(
      `mannWhitneyU: method 'exact' requested but the pooled samples have ${tieSizes.length} group(s) of tied values; ` +
        "use method 'auto' or 'asymptotic', which correct for ties",
    );
  }

  const tail =
    method === 'exact'
      ? mannWhitneyExactSf(u, n1, n2)
      : normalUpperTail(standardizedU(u, n1, n2, tieSizes, continuity));
  const p = Math.min(1, Math.max(0, tail * factor));
  return { statistic: u1, p, method, alternative, n1, n2 };
}

function chooseMethod(n1: number, n2: number, hasTies: boolean): 'exact' | 'asymptotic' {
  if (n1 > 8 && n2 > 8) return 'asymptotic';
  return hasTies ? 'asymptotic' : 'exact';
}

/** z score of U under the null hypothesis, with tie correction and an optional continuity correction. */
function standardizedU(u: number, n1: number, n2: number, tieSizes: readonly number[], continuity: boolean): number {
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  let tieTerm = 0;
  for (const t of tieSizes) tieTerm += t * t * t - t;
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));

  // The p-value is always an upper tail, so the correction always subtracts ½.
  const numerator = u - mean - (continuity ? 0.5 : 0);
  // When every pooled value is tied, sd is 0 and U equals its mean: the null
  // distribution is a point mass at U, so P(U' ≥ U) = 1. SciPy returns the
  // same with the continuity correction, and NaN (from 0/0) without it.
  if (sd === 0) return Number.NEGATIVE_INFINITY;
  return numerator / sd;
}

/** P(Z ≥ z) for a standard normal Z, through erfc so that small tails keep their precision. */
function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
