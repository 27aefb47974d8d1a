import { describe, expect, it } from 'vitest';

import { sparseness } from './sparseness.ts';

describe('sparseness', () => {
  it('is one minus the nonzero fraction', () => {
    const coefficients = new Float32Array(200);
    coefficients[3] = 0.5;
    coefficients[150] = -1;
    expect(sparseness(coefficients)).toBeCloseTo(1 - 2 / 200, 15);
  });

  it('spans 0 to 1', () => {
    expect(sparseness([0, 0, 0])).toBe(1);
    expect(sparseness([1, -1, 2])).toBe(0);
  });

  it('rejects empty and NaN input', () => {
    expect(() => sparseness([])).toThrow(/empty/);
    expect(() => sparseness([Number.NaN])).toThrow(/NaN/);
  });
});
