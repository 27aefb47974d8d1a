import { describe, expect, it } from 'vitest';

import { dataFidelity } from './data-fidelity.ts';

describe('dataFidelity', () => {
  it('is half the squared residual norm', () => {
    // Residuals 1, −2, 0: ½·(1 + 4) = 2.5.
    expect(dataFidelity([1, 2, 3], [0, 4, 3])).toBe(2.5);
  });

  it('is zero for identical arrays', () => {
    expect(dataFidelity([1, 2], [1, 2])).toBe(0);
  });

  it('rejects NaN and mismatched input', () => {
    expect(() => dataFidelity([1, Number.NaN], [1, 2])).toThrow(/reference\[1\] is NaN/);
    expect(() => dataFidelity([1, 2], [1])).toThrow(/same shape/);
  });
});
