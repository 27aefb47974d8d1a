import { checkFiniteValues } from './check-values.ts';
import { quantileSorted } from './quantile.ts';

/** Summary statistics of one sample. */
export interface SampleStatistics {
  readonly count: number;
  readonly mean: number;
  /**
   * Sample standard deviation with Bessel's correction (ddof = 1, NumPy's
   * `std(ddof=1)`); NaN when `count` is 1, which `JSON.stringify` writes as `null`.
   */
  readonly std: number;
  readonly min: number;
  /** First quartile, type 7 (NumPy's default linear interpolation). */
  readonly q1: number;
  readonly median: number;
  /** Third quartile, type 7. */
  readonly q3: number;
  readonly max: number;
}

/**
 * Computes count, mean, sample standard deviation (ddof = 1), min, quartiles,
 * median and max of `values`, in float64. Quartiles and median use type 7
 * interpolation, as `numpy.quantile` and `numpy.median` do by default.
 * Throws `InvalidInputError` for an empty sample or a non-finite value.
 */
export function describeSample(values: ArrayLike<number>): SampleStatistics {
  checkFiniteValues('describeSample', 'values', values);
  const sorted = Float64Array.from(values).sort();
  const count = sorted.length;

  let sum = 0;
  for (const value of sorted) sum += value;
  const mean = sum / count;

  // Two passes over the data: summing squared deviations from the mean avoids
  // the cancellation of the one-pass Σx² − n·mean² formula.
  let squares = 0;
  for (const value of sorted) squares += (value - mean) * (value - mean);
  const std = count > 1 ? Math.sqrt(squares / (count - 1)) : Number.NaN;

  return {
    count,
    mean,
    std,
    min: sorted[0],
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[count - 1],
  };
}
