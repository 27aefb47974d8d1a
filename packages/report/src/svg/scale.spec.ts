import { describe, expect, it } from 'vitest';

import { extent, linearScale, niceDomain, niceTicks } from './scale.ts';

describe('linearScale', () => {
  it('maps domain ends to range ends', () => {
    const scale = linearScale([0, 10], [100, 200]);
    expect(scale(0)).toBe(100);
    expect(scale(10)).toBe(200);
    expect(scale(2.5)).toBe(125);
  });

  it('maps everything to the middle for an empty domain', () => {
    expect(linearScale([3, 3], [0, 100])(7)).toBe(50);
  });
});

describe('niceTicks', () => {
  it('uses steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.981, 0.996, 5)).toEqual([0.985, 0.99, 0.995]);
    expect(niceTicks(28, 36, 4)).toEqual([28, 30, 32, 34, 36]);
  });

  it('returns the minimum alone for an empty interval', () => {
    expect(niceTicks(2, 2)).toEqual([2]);
  });
});

describe('niceDomain', () => {
  it('widens to the enclosing ticks', () => {
    expect(niceDomain(0.981, 0.996, 5)).toEqual([0.98, 1]);
  });
});

describe('extent', () => {
  it('skips non-finite values', () => {
    expect(extent([3, Number.NaN, -1, Number.POSITIVE_INFINITY])).toEqual([-1, 3]);
  });

  it('widens a single value', () => {
    expect(extent([10, 10])).toEqual([9.5, 10.5]);
    expect(extent([0])).toEqual([-0.5, 0.5]);
  });

  it('gives the unit interval without data', () => {
    expect(extent([])).toEqual([0, 1]);
  });
});
