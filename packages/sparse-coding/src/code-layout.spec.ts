import { describe, expect, it } from 'vitest';

import { coefficientsToCoordinateList, coefficientsToHeightWidthAtoms } from './code-layout.ts';

// Maps [K = 2, H = 2, W = 3]: atom 0 holds 1 at (0, 1); atom 1 holds −2 at (1, 2) and 5 at (0, 0).
const MAPS = new Float32Array([0, 1, 0, 0, 0, 0, 5, 0, 0, 0, 0, -2]);

describe('coefficientsToHeightWidthAtoms', () => {
  it('moves the atom axis last', () => {
    const { shape, data } = coefficientsToHeightWidthAtoms(MAPS, 2, 2, 3);
    expect(shape).toEqual([2, 3, 2]);
    // Element (row, column, k) sits at (row·3 + column)·2 + k.
    expect(data[(0 * 3 + 1) * 2 + 0]).toBe(1);
    expect(data[(1 * 3 + 2) * 2 + 1]).toBe(-2);
    expect(data[(0 * 3 + 0) * 2 + 1]).toBe(5);
    expect(data.filter((value) => value !== 0)).toHaveLength(3);
  });

  it('rejects a length that does not match the shape', () => {
    expect(() => coefficientsToHeightWidthAtoms(MAPS, 2, 2, 2)).toThrow(/shape \[2, 2, 2\] \(8 values\), but have 12 values/);
  });
});

describe('coefficientsToCoordinateList', () => {
  it('lists nonzeros as (k, row, column, value) rows', () => {
    const { shape, data } = coefficientsToCoordinateList(MAPS, 2, 2, 3);
    expect(shape).toEqual([3, 4]);
    expect(Array.from(data)).toEqual([0, 0, 1, 1, 1, 0, 0, 5, 1, 1, 2, -2]);
  });

  it('returns an empty table for all-zero maps', () => {
    expect(coefficientsToCoordinateList(new Float32Array(12), 2, 2, 3).shape).toEqual([0, 4]);
  });
});
