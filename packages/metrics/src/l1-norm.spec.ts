import { describe, expect, it } from 'vitest';

import { l1Norm } from './l1-norm.ts';

describe('l1Norm', () => {
  it('sums absolute values', () => {
    expect(l1Norm([1, -2, 0, 3.5])).toBe(6.5);
  });

  it('accumulates float32 input in float64', () => {
    // 2²⁴ + 1 ones: a float32 running sum would stop at 2²⁴ = 16777216.
    const ones = new Float32Array(16_777_217).fill(1);
    expect(l1Norm(ones)).toBe(16_777_217);
  });

  it('rejects empty and NaN input', () => {
    expect(() => l1Norm([])).toThrow(/empty/);
    expect(() => l1Norm([1, Number.NaN])).toThrow(/values\[1\] is NaN/);
  });
});
