import { describe, expect, it } from 'vitest';

import { quantileSorted } from './quantile.ts';

describe('quantileSorted', () => {
  it('returns the ends at 0 and 1', () => {
    expect(quantileSorted([1, 2, 5], 0)).toBe(1);
    expect(quantileSorted([1, 2, 5], 1)).toBe(5);
  });

  it('interpolates between order statistics', () => {
    // Hyndman and Fan type 7: position (n − 1)·p. For [1, 2, 5] and p = 0.75,
    // position 1.5 lies halfway between 2 and 5.
    expect(quantileSorted([1, 2, 5], 0.75)).toBe(3.5);
    expect(quantileSorted([10, 20], 0.1)).toBe(11);
  });

  it('handles a single value', () => {
    expect(quantileSorted([7], 0.25)).toBe(7);
  });
});
