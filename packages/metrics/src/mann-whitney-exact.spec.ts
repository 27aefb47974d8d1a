import { describe, expect, it } from 'vitest';

import { mannWhitneyExactSf } from './mann-whitney-exact.ts';

/** P(U ≤ k), from the survival function P(U ≥ k + 1). */
function cdf(k: number, n1: number, n2: number): number {
  return 1 - mannWhitneyExactSf(k + 1, n1, n2);
}

describe('mannWhitneyExactSf', () => {
  it('matches the table of Mann and Whitney', () => {
    // Mann and Whitney, "On a test of whether one of two random variables is
    // stochastically larger than the other", Ann. Math. Statist. 18 (1947),
    // table on p. 52 (three decimals), as transcribed in SciPy's test suite:
    // n = 4, m = 4 and n = 6, m = 3.
    const n4m4 = [0.014, 0.029, 0.057, 0.1, 0.171, 0.243, 0.343, 0.443, 0.557];
    n4m4.forEach((expected, k) => expect(cdf(k, 4, 4)).toBeCloseTo(expected, 3));
    const n6m3 = [0.012, 0.024, 0.048, 0.083, 0.131, 0.19, 0.274, 0.357, 0.452, 0.548];
    n6m3.forEach((expected, k) => expect(cdf(k, 3, 6)).toBeCloseTo(expected, 3));
  });

  it('gives exact fractions for tiny samples', () => {
    // n1 = n2 = 2: the 6 rank arrangements give U = 0, 1, 2, 2, 3, 4.
    expect(mannWhitneyExactSf(0, 2, 2)).toBe(1);
    expect(mannWhitneyExactSf(1, 2, 2)).toBeCloseTo(5 / 6, 15);
    expect(mannWhitneyExactSf(2, 2, 2)).toBeCloseTo(4 / 6, 15);
    expect(mannWhitneyExactSf(3, 2, 2)).toBeCloseTo(2 / 6, 15);
    expect(mannWhitneyExactSf(4, 2, 2)).toBeCloseTo(1 / 6, 15);
    expect(mannWhitneyExactSf(5, 2, 2)).toBe(0);
  });

  it('is symmetric in the sample sizes', () => {
    for (let u = 0; u <= 15; u++) expect(mannWhitneyExactSf(u, 3, 5)).toBe(mannWhitneyExactSf(u, 5, 3));
  });

  it('stays exact past 2^53 arrangements', () => {
    // C(2008, 8) ≈ 8.7e20 arrangements. The tail 0.2740916613858311 was computed
    // with Python integers and fractions.Fraction by the same recurrence; SciPy
    // 1.17.1's float64 counts give 0.27409166138581276.
    expect(mannWhitneyExactSf(9000, 8, 2000)).toBeCloseTo(0.2740916613858311, 15);
  });

  it('rejects a non-integer U', () => {
    expect(() => mannWhitneyExactSf(2.5, 2, 2)).toThrow(/U is 2.5; expected an integer/);
  });
});
