import { InvalidInputError } from '@heterosparse/core';

import { describeSample, type SampleStatistics } from './describe-sample.ts';
import type { MergedMetrics } from './merge-metrics.ts';
import type { ResiliencePoint } from './resilience-curve.ts';

/** Statistics across images of one cut-off of the resilience curves. */
export interface ResilienceSummaryPoint {
  readonly cutoff: number;
  readonly psnr: SampleStatistics;
  readonly sparseness: SampleStatistics;
  readonly nonzeros: SampleStatistics;
}

/**
 * Summarises the resilience curves (`details.resilience`) of each dictionary:
 * for every cut-off, statistics of PSNR, sparseness and nonzeros across the
 * images, sorted by cut-off. Dictionaries without curves are left out.
 * Throws `InvalidInputError` when a curve is malformed or a value is not finite.
 */
export function summarizeResilience(rows: readonly MergedMetrics[]): Record<string, ResilienceSummaryPoint[]> {
  const byDictionary = new Map<string, Map<number, ResiliencePoint[]>>();
  for (const row of rows) {
    const curve = row.details.resilience;
    if (curve === undefined) continue;
    if (!isCurve(curve)) {
      throw new InvalidInputError(
        `summary: details.resilience of image "${row.imageId}" with dictionary "${row.dictionaryName}" is not a list of ` +
          '{cutoff, psnr, sparseness, nonzeros} numbers; produce it with metrics/resilience',
      );
    }
    const byCutoff = byDictionary.get(row.dictionaryName) ?? new Map<number, ResiliencePoint[]>();
    byDictionary.set(row.dictionaryName, byCutoff);
    for (const point of curve) {
      const points = byCutoff.get(point.cutoff) ?? [];
      byCutoff.set(point.cutoff, points);
      points.push(point);
    }
  }

  const result: Record<string, ResilienceSummaryPoint[]> = {};
  for (const [dictionaryName, byCutoff] of byDictionary) {
    result[dictionaryName] = [...byCutoff]
      .sort(([a], [b]) => a - b)
      .map(([cutoff, points]) => ({
        cutoff,
        psnr: describeSample(points.map((point) => point.psnr)),
        sparseness: describeSample(points.map((point) => point.sparseness)),
        nonzeros: describeSample(points.map((point) => point.nonzeros)),
      }));
  }
  return result;
}

function isCurve(value: unknown): value is ResiliencePoint[] {
  return (
    Array.isArray(value) &&
    value.every(
      (point: unknown) =>
        typeof point === 'object' &&
        point !== null &&
        ['cutoff', 'psnr', 'sparseness', 'nonzeros'].every(
          (key) => typeof (point as Record<string, unknown>)[key] === 'number',
        ),
    )
  );
}
