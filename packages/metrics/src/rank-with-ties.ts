/** Ranks of a sample and the sizes of its groups of tied values. */
export interface TiedRanks {
  /** Rank of each value, 1-based, in input order; tied values share their average rank. */
  readonly ranks: Float64Array;
  /** Size of every group of two or more equal values. */
  readonly tieSizes: readonly number[];
}

/**
 * Ranks `values` from 1 (smallest) to n, giving tied values the average of
 * the ranks they span (SciPy's `rankdata(method='average')`). The caller
 * checks that the values are finite.
 */
export function rankWithTies(values: ArrayLike<number>): TiedRanks {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  const tieSizes: number[] = [];

  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    // Positions start..end-1 (0-based) hold equal values; their ranks are start+1..end.
    const averageRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i]] = averageRank;
    if (end - start > 1) tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}
