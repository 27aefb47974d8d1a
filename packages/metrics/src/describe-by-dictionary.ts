import { InvalidInputError } from '@heterosparse/core';

import { describeSample, type SampleStatistics } from './describe-sample.ts';
import type { MergedMetrics } from './merge-metrics.ts';

/** Statistics of every value, per dictionary: `result[dictionaryName][valueName]`. */
export type StatisticsByDictionary = Record<string, Record<string, SampleStatistics>>;

/**
 * Computes summary statistics (`describeSample`) of every value across
 * images, separately for each dictionary. A value missing from some images is
 * described over the images that have it, as `count` shows. Throws
 * `InvalidInputError` naming the image when a value is not finite (for
 * example an infinite PSNR from a perfect reconstruction).
 */
export function describeByDictionary(rows: readonly MergedMetrics[]): StatisticsByDictionary {
  const samples = new Map<string, Map<string, { images: string[]; values: number[] }>>();
  for (const row of rows) {
    const byValue = samples.get(row.dictionaryName) ?? new Map<string, { images: string[]; values: number[] }>();
    samples.set(row.dictionaryName, byValue);
    for (const [name, value] of Object.entries(row.values)) {
      const sample = byValue.get(name) ?? { images: [], values: [] };
      byValue.set(name, sample);
      sample.images.push(row.imageId);
      sample.values.push(value);
    }
  }

  const result: StatisticsByDictionary = {};
  for (const [dictionaryName, byValue] of samples) {
    result[dictionaryName] = {};
    for (const [name, sample] of [...byValue].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const bad = sample.values.findIndex((value) => !Number.isFinite(value));
      if (bad >= 0) {
        throw new InvalidInputError(
          `summary: ${name} of image "${sample.images[bad]}" with dictionary "${dictionaryName}" is ${sample.values[bad]}; ` +
            'statistics need finite values, so check that image and its code',
        );
      }
      result[dictionaryName][name] = describeSample(sample.values);
    }
  }
  return result;
}
