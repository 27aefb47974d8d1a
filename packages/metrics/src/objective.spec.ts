import { describe, expect, it } from 'vitest';

import { objective } from './objective.ts';

describe('objective', () => {
  it('adds λ times the ℓ1 norm', () => {
    // Data fidelity ½·(1 + 4) = 2.5, ℓ1 = 6, λ = 0.01: 2.5 + 0.06.
    expect(objective([1, 2, 3], [0, 4, 3], [1, -2, 0, 3], 0.01)).toBeCloseTo(2.56, 15);
  });

  it('rejects a negative or NaN lambda', () => {
    expect(() => objective([1], [1], [1], -0.1)).toThrow(/lambda is -0.1/);
    expect(() => objective([1], [1], [1], Number.NaN)).toThrow(/lambda is NaN/);
  });

  it('rejects NaN coefficients', () => {
    expect(() => objective([1], [1], [Number.NaN], 0.1)).toThrow(/values\[0\] is NaN/);
  });
});
