import { InvalidInputError } from '@heterosparse/core';

/**
 * Computes P(U ≥ u) under the null hypothesis for the Mann–Whitney U statistic
 * of samples of sizes `n1` and `n2` without ties: the exact survival function,
 * including the mass at `u`, as SciPy's `_MWU.sf` defines it.
 *
 * Under the null hypothesis every choice of which n1 of the n1 + n2 ranks
 * belong to the first sample is equally likely, and the number of choices
 * giving U = u is the coefficient of q^u in the Gaussian binomial coefficient
 * [n1 + n2 choose n1]_q = Π_{i=1..m} (1 − q^{n+i}) / (1 − q^i), with
 * m = min(n1, n2) and n = max(n1, n2) (Andrews, "The Theory of Partitions",
 * 1976, Theorem 3.1). The counts are kept as BigInt, so they stay exact for
 * any sample size; the work grows as m²·n.
 */
export function mannWhitneyExactSf(u: number, n1: number, n2: number): number {
  if (!(Number.isInteger(n1) && Number.isInteger(n2) && n1 > 0 && n2 > 0)) {
    throw new InvalidInputError(`mannWhitneyExactSf: sample sizes are ${n1} and ${n2}; expected positive integers`);
  }
  if (!Number.isInteger(u)) {
    throw new InvalidInputError(
      `mannWhitneyExactSf: U is ${u}; expected an integer, because the exact distribution applies only to samples without ties`,
    );
  }
  const maxU = n1 * n2;
  if (u <= 0) return 1;
  if (u > maxU) return 0;

  const counts = gaussianBinomialCoefficients(Math.min(n1, n2), Math.max(n1, n2));
  let total = 0n;
  let tail = 0n;
  for (let k = 0; k <= maxU; k++) {
    total += counts[k];
    if (k >= u) tail += counts[k];
  }
  return ratioOfBigInts(tail, total);
}

/** Coefficients of q^0 … q^{m·n} in [m + n choose m]_q. */
function gaussianBinomialCoefficients(m: number, n: number): bigint[] {
  const degree = m * n;
  const counts: bigint[] = new Array<bigint>(degree + 1).fill(0n);
  counts[0] = 1n;
  for (let i = 1; i <= m; i++) {
    // Multiply by (1 − q^{n+i}); terms above q^{m·n} are dropped because the
    // division below never reads a higher power than the one it writes.
    for (let k = degree; k >= n + i; k--) counts[k] -= counts[k - n - i];

    // Divide by (1 − q^i), that is, multiply by the series 1 + q^i + q^{2i} + ….
    for (let k = i; k <= degree; k++) counts[k] += counts[k - i];
  }
  return counts;
}

/** `numerator / denominator` as a float64, also when both exceed the float64 range. */
function ratioOfBigInts(numerator: bigint, denominator: bigint): number {
  // Number() rounds a BigInt to the nearest float64, which overflows past about
  // 2^1024, so both are shifted down together until the denominator has at most
  // 1000 bits. A numerator that shifts to 0 gives a ratio below 2^-1000.
  const shift = BigInt(Math.max(0, denominator.toString(2).length - 1000));
  return Number(numerator >> shift) / Number(denominator >> shift);
}
