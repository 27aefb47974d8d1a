/**
 * Computes the `p`-quantile (0 ≤ p ≤ 1) of values already sorted in ascending
 * order, by linear interpolation between order statistics: Hyndman and Fan's
 * type 7, NumPy's default `method='linear'` and R's default `type = 7`.
 *
 * The interpolation is written as NumPy 2 writes it (`_lerp` in
 * `numpy/lib/_function_base_impl.py`), so results agree to the last bit.
 * The caller checks that `sorted` is non-empty, finite and sorted.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const t = position - below;
  const a = sorted[below];
  const b = sorted[above];
  const difference = b - a;
  // NumPy interpolates from the nearer end, which keeps the result monotonic in t.
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}
