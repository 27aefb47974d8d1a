import { describe, expect, it } from 'vitest';

import { rankWithTies } from './rank-with-ties.ts';

describe('rankWithTies', () => {
  it('averages tied ranks', () => {
    // scipy.stats.rankdata([10, 20, 10, 30, 20, 10]) = [2, 4.5, 2, 6, 4.5, 2].
    const { ranks, tieSizes } = rankWithTies([10, 20, 10, 30, 20, 10]);
    expect(Array.from(ranks)).toEqual([2, 4.5, 2, 6, 4.5, 2]);
    expect(tieSizes).toEqual([3, 2]);
  });

  it('ranks distinct values in order', () => {
    const { ranks, tieSizes } = rankWithTies([0.3, -1, 2]);
    expect(Array.from(ranks)).toEqual([2, 1, 3]);
    expect(tieSizes).toEqual([]);
  });
});
