import { describe, expect, it } from 'vitest';

import { countNonzeros } from './count-nonzeros.ts';

describe('countNonzeros', () => {
  it('counts values other than zero', () => {
    expect(countNonzeros(new Float32Array([0, -0, 1e-30, -2, 0, 3]))).toBe(3);
  });

  it('rejects empty and NaN input', () => {
    expect(() => countNonzeros([])).toThrow(/values is empty/);
    expect(() => countNonzeros([0, Number.NaN])).toThrow(/values\[1\] is NaN/);
  });
});
