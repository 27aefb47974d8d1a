import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '@heterosparse/core';

import { mannWhitneyU } from './mann-whitney-u.ts';

// Shier, "Statistics: 2.3 The Mann-Whitney U Test", Mathematics Learning
// Support Centre, 2004: ages at diagnosis of type II diabetes. The same data
// is the worked example of the scipy.stats.mannwhitneyu documentation
// (SciPy 1.17), which gives U = 17, p = 0.1111111111111111 (exact, two-sided),
// p = 0.11134688653314041 (normal approximation with continuity correction)
// and p = 0.0864107329737 (without it).
const males = [19, 22, 16, 29, 24];
const females = [20, 11, 17, 12];

// R 4 `wilcox.test(x, y, alternative = ..., exact = ...)` values quoted in
// SciPy's test suite (scipy/stats/tests/test_hypotests.py, TestMannWhitneyU).
const rX = [210.05211, 110.19063, 307.918612];
const rY = [
  436.08811482466416, 416.37397329768191, 179.96975939463582, 197.8118754228619, 34.038757281225756,
  138.54220550921517, 128.7769351470246, 265.92721427951852, 275.6617533155341, 592.34083395416258,
  448.73177590617018, 300.61495185038905, 187.97508449019588,
];

describe('mannWhitneyU', () => {
  it('matches the Shier example exactly', () => {
    const result = mannWhitneyU(males, females);
    expect(result.statistic).toBe(17);
    expect(result.method).toBe('exact');
    expect(result.p).toBeCloseTo(0.1111111111111111, 15);
    expect(result.n1).toBe(5);
    expect(result.n2).toBe(4);
  });

  it('matches the Shier example asymptotically', () => {
    expect(mannWhitneyU(males, females, { method: 'asymptotic' }).p).toBeCloseTo(0.11134688653314041, 14);
    expect(mannWhitneyU(males, females, { method: 'asymptotic', continuity: false }).p).toBeCloseTo(0.0864107329737, 12);
  });

  it('reports U of the first sample for one-sided tests', () => {
    // SciPy documentation: mannwhitneyu(females, males, alternative="less") gives U = 3, p = 0.05555555555555555.
    const less = mannWhitneyU(females, males, { alternative: 'less' });
    expect(less.statistic).toBe(3);
    expect(less.p).toBeCloseTo(0.05555555555555555, 15);
    expect(less.alternative).toBe('less');
    // By symmetry, males greater than females has the same p-value and U = 20 − 3.
    const greater = mannWhitneyU(males, females, { alternative: 'greater' });
    expect(greater.statistic).toBe(17);
    expect(greater.p).toBeCloseTo(0.05555555555555555, 15);
  });

  it.each([
    ['two-sided', 'asymptotic', 0.6865041817876],
    ['less', 'asymptotic', 0.3432520908938],
    ['greater', 'asymptotic', 0.7047591913255],
    ['two-sided', 'exact', 0.7035714285714],
    ['less', 'exact', 0.3517857142857],
    ['greater', 'exact', 0.6946428571429],
  ] as const)('matches R for %s %s', (alternative, method, expected) => {
    const result = mannWhitneyU(rX, rY, { alternative, method });
    expect(result.statistic).toBe(16);
    expect(result.p).toBeCloseTo(expected, 12);
  });

  it('swaps less and greater with the samples', () => {
    // R values from the same source: wilcox.test(y, x, exact = FALSE).
    expect(mannWhitneyU(rY, rX, { alternative: 'less', method: 'asymptotic' }).p).toBeCloseTo(0.7047591913255, 12);
    expect(mannWhitneyU(rY, rX, { alternative: 'greater', method: 'asymptotic' }).p).toBeCloseTo(0.3432520908938, 12);
    expect(mannWhitneyU(rY, rX, { alternative: 'greater', method: 'asymptotic', continuity: false }).p).toBeCloseTo(
      0.3188664450251,
      12,
    );
  });

  it('corrects the variance for ties', () => {
    // R: wilcox.test(c(1, 2, 3, 4), c(1, 2, 3, 4, 5), exact = FALSE) gives p = 0.7086240584439 (SciPy's test suite).
    const result = mannWhitneyU([1, 2, 3, 4], [1, 2, 3, 4, 5]);
    expect(result.method).toBe('asymptotic');
    expect(result.statistic).toBe(8);
    expect(result.p).toBeCloseTo(0.7086240584439, 12);
    // scipy.stats.mannwhitneyu 1.17.1, alternative='less': 0.35431202922196103.
    expect(mannWhitneyU([1, 2, 3, 4], [1, 2, 3, 4, 5], { alternative: 'less' }).p).toBeCloseTo(0.35431202922196103, 14);
  });

  it('uses the normal approximation for two large samples', () => {
    // Sparseness-like values; scipy.stats.mannwhitneyu 1.17.1 gives U = 93.5 and
    // p = 0.0005735505727391063 (greater), 0.0011471011454782126 (two-sided).
    const heterogeneous = [0.9931, 0.994, 0.9925, 0.9952, 0.9938, 0.9929, 0.9944, 0.9936, 0.9947, 0.9933];
    const homogeneous = [0.9861, 0.9877, 0.9852, 0.989, 0.9869, 0.9858, 0.9881, 0.9866, 0.9884, 0.994];
    const greater = mannWhitneyU(heterogeneous, homogeneous, { alternative: 'greater' });
    expect(greater.method).toBe('asymptotic');
    expect(greater.statistic).toBe(93.5);
    expect(greater.p).toBeCloseTo(0.0005735505727391063, 15);
    expect(mannWhitneyU(heterogeneous, homogeneous).p).toBeCloseTo(0.0011471011454782126, 15);
  });

  it('keeps small tails precise', () => {
    // scipy.stats.mannwhitneyu(range(30), range(100, 130), alternative='less') gives U = 0, p = 1.5099296795810785e-11.
    const x = Array.from({ length: 30 }, (_, i) => i);
    const y = Array.from({ length: 30 }, (_, i) => 100 + i);
    const result = mannWhitneyU(x, y, { alternative: 'less' });
    expect(result.statistic).toBe(0);
    expect(result.p / 1.5099296795810785e-11).toBeCloseTo(1, 10);
  });

  it('uses the exact method when one sample is small', () => {
    // scipy.stats.mannwhitneyu 1.17.1 with 3 and 12 values, alternative='less': U = 15, p = 0.367032967032967.
    const result = mannWhitneyU([3.1, 4.5, 2.2], [1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 9], { alternative: 'less' });
    expect(result.method).toBe('exact');
    expect(result.statistic).toBe(15);
    expect(result.p).toBeCloseTo(0.367032967032967, 14);
  });

  it('caps the two-sided p-value at 1', () => {
    // U equals its mean n1·n2/2, so both tails exceed ½ (SciPy's test_exact_U_equals_mean).
    const result = mannWhitneyU([1, 2, 3], [1.5, 2.5]);
    expect(result.statistic).toBe(3);
    expect(result.p).toBe(1);
  });

  it('returns p = 1 when every value is tied', () => {
    expect(mannWhitneyU([1, 1], [1, 1, 1], { method: 'asymptotic' }).p).toBe(1);
    expect(mannWhitneyU([1, 1], [1, 1, 1], { method: 'asymptotic', continuity: false }).p).toBe(1);
  });

  it('rejects exact with ties', () => {
    expect(() => mannWhitneyU([1, 2], [2, 3], { method: 'exact' })).toThrow(/tied values/);
  });

  it('rejects empty and NaN samples', () => {
    expect(() => mannWhitneyU([], [1, 2])).toThrow(InvalidInputError);
    expect(() => mannWhitneyU([1, 2], [])).toThrow(/y is empty/);
    expect(() => mannWhitneyU([1, Number.NaN], [1, 2])).toThrow(/x\[1\] is NaN/);
  });
});
