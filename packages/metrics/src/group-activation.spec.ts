import { describe, expect, it } from 'vitest';
import type { AtomParams } from '@heterosparse/core';

import { groupActivation } from './group-activation.ts';

// Four atoms of 2×2 maps: two orientations × two bandwidths.
const atomParams: AtomParams[] = [
  { index: 0, theta: 0, bTheta: Math.PI / 36 },
  { index: 1, theta: 0, bTheta: (2 * Math.PI) / 36 },
  { index: 2, theta: Math.PI / 2, bTheta: Math.PI / 36 },
  { index: 3, theta: Math.PI / 2, bTheta: (2 * Math.PI) / 36 },
];
// Map k contains k + 1 nonzeros of value −1 (ℓ1 = k + 1): 10 nonzeros in total.
const coefficients = new Float32Array([
  -1, 0, 0, 0, //
  -1, -1, 0, 0, //
  -1, -1, -1, 0, //
  -1, -1, -1, -1,
]);

describe('groupActivation', () => {
  it('groups by orientation', () => {
    const groups = groupActivation(coefficients, atomParams, 'theta');
    expect(groups.map((g) => g.value)).toEqual([0, Math.PI / 2]);
    expect(groups.map((g) => g.atoms)).toEqual([2, 2]);
    expect(groups.map((g) => g.nonzeros)).toEqual([3, 7]);
    expect(groups.map((g) => g.l1)).toEqual([3, 7]);
    expect(groups.map((g) => g.nonzeroFraction)).toEqual([0.3, 0.7]);
    expect(groups.map((g) => g.l1Fraction)).toEqual([0.3, 0.7]);
    expect(groups.map((g) => g.nonzerosPerAtom)).toEqual([1.5, 3.5]);
  });

  it('groups by bandwidth', () => {
    const groups = groupActivation(coefficients, atomParams, 'bTheta');
    expect(groups.map((g) => g.value)).toEqual([Math.PI / 36, (2 * Math.PI) / 36]);
    expect(groups.map((g) => g.nonzeros)).toEqual([4, 6]);
  });

  it('merges values equal to 12 digits', () => {
    const params = [
      { index: 0, theta: (5 * Math.PI) / 72 },
      { index: 1, theta: 5 * (Math.PI / 72) + 1e-15 },
    ];
    const groups = groupActivation(new Float32Array([1, 0, 0, 2]), params, 'theta');
    expect(groups).toHaveLength(1);
    expect(groups[0].l1).toBe(3);
  });

  it('returns zero fractions for all-zero maps', () => {
    const groups = groupActivation(new Float32Array(16), atomParams, 'theta');
    expect(groups.map((g) => g.nonzeroFraction)).toEqual([0, 0]);
    expect(groups.map((g) => g.l1Fraction)).toEqual([0, 0]);
  });

  it('rejects atoms without the parameter', () => {
    expect(() => groupActivation(new Float32Array(2), [{ index: 0 }, { index: 1 }], 'bTheta')).toThrow(
      /atom 0 has bTheta = undefined/,
    );
  });

  it('rejects maps that do not match the atoms', () => {
    expect(() => groupActivation(new Float32Array(15), atomParams, 'theta')).toThrow(/do not split into 4 maps/);
    expect(() => groupActivation(new Float32Array(4), [], 'theta')).toThrow(/do not split into 0 maps/);
  });

  it('rejects NaN coefficients', () => {
    const withNaN = coefficients.slice();
    withNaN[5] = Number.NaN;
    expect(() => groupActivation(withNaN, atomParams, 'theta')).toThrow(/coefficients\[5\] is NaN/);
  });
});
