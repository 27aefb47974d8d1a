import type { MetricsItem } from '@heterosparse/core';

/**
 * Returns the `key` value of every metrics item of `dictionaryName` that has
 * it, in arrival order. Items without the key (for example resilience items
 * when reading `psnr`) are skipped.
 */
export function metricValues(metrics: readonly MetricsItem[], dictionaryName: string, key: string): number[] {
  const values: number[] = [];
  for (const item of metrics) {
    if (item.dictionaryName !== dictionaryName) continue;
    const value = item.values[key];
    if (typeof value === 'number') values.push(value);
  }
  return values;
}

/** Returns the (x, y) pairs of images whose metrics item of `dictionaryName` has both keys. */
export function metricPairs(metrics: readonly MetricsItem[], dictionaryName: string, xKey: string, yKey: string): { x: number; y: number }[] {
  const pairs: { x: number; y: number }[] = [];
  for (const item of metrics) {
    if (item.dictionaryName !== dictionaryName) continue;
    const x = item.values[xKey];
    const y = item.values[yKey];
    if (typeof x === 'number' && typeof y === 'number') pairs.push({ x, y });
  }
  return pairs;
}

/** Median of `values` (mean of the two middle values for an even count); NaN for no value. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
