import { describe, expect, it } from 'vitest';

import { describeSample } from './describe-sample.ts';

describe('describeSample', () => {
  it('matches NumPy on ten values', () => {
    // numpy 2.4: mean, std(ddof=1), quantile(0.25), median, quantile(0.75).
    const stats = describeSample([0.9931, 0.994, 0.9925, 0.9952, 0.9938, 0.9929, 0.9944, 0.9936, 0.9947, 0.9933]);
    expect(stats.count).toBe(10);
    expect(stats.mean).toBeCloseTo(0.99375, 15);
    expect(stats.std).toBeCloseTo(0.0008449194570424271, 15);
    expect(stats.q1).toBeCloseTo(0.99315, 15);
    expect(stats.median).toBeCloseTo(0.9937, 15);
    expect(stats.q3).toBeCloseTo(0.9943, 15);
    expect(stats.min).toBe(0.9925);
    expect(stats.max).toBe(0.9952);
  });

  it('interpolates quartiles by type 7', () => {
    // numpy 2.4 on [3, 1, 4, 1, 5, 9, 2, 6]: quartiles 1.75, 3.5, 5.25; std(ddof=1) 2.748376143938713.
    const stats = describeSample(new Float32Array([3, 1, 4, 1, 5, 9, 2, 6]));
    expect(stats.q1).toBe(1.75);
    expect(stats.median).toBe(3.5);
    expect(stats.q3).toBe(5.25);
    expect(stats.mean).toBe(3.875);
    expect(stats.std).toBeCloseTo(2.748376143938713, 14);
  });

  it('leaves std undefined for one value', () => {
    const stats = describeSample([4]);
    expect(stats.std).toBeNaN();
    expect(stats.median).toBe(4);
    expect(stats.q1).toBe(4);
    expect(stats.q3).toBe(4);
  });

  it('rejects empty and NaN samples', () => {
    expect(() => describeSample([])).toThrow(/values is empty/);
    expect(() => describeSample([1, Number.NaN])).toThrow(/values\[1\] is NaN/);
  });
});
