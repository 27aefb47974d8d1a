import type { Logger } from '@heterosparse/core';

import { compareDictionaries, type ComparisonResult, type ComparisonSpec } from './compare-dictionaries.ts';
import { describeByDictionary, type StatisticsByDictionary } from './describe-by-dictionary.ts';
import type { ActivationTotal } from './summarize-activation.ts';
import { summarizeActivation } from './summarize-activation.ts';
import type { GroupingParameter } from './group-activation.ts';
import { backendOf, type MergedMetrics } from './merge-metrics.ts';
import { summarizeResilience, type ResilienceSummaryPoint } from './summarize-resilience.ts';

/** One row of the per-image table: the image, the dictionary, the solver backend when known, and every value. */
export type ImageRow = { readonly image: string; readonly dictionary: string } & Readonly<Record<string, number | string>>;

/** Everything the summary stage reports, keyed as in `results.json`. */
export interface MetricsSummary {
  /** `summary[dictionaryName][valueName]`: statistics across images. */
  readonly summary: StatisticsByDictionary;
  readonly tests: ComparisonResult[];
  /** One row per image and dictionary, sorted by image, then dictionary. */
  readonly images: ImageRow[];
  /** Per dictionary, statistics of the resilience curves at each cut-off. */
  readonly resilience: Record<string, ResilienceSummaryPoint[]>;
  /** Per dictionary and grouping parameter, activation summed over images. */
  readonly activation: Record<string, Partial<Record<GroupingParameter, ActivationTotal[]>>>;
}

/**
 * Summarises the merged metrics of every image and dictionary (see
 * `mergeMetrics`): per-dictionary statistics, the declared tests, the
 * per-image table, and resilience and activation summaries.
 */
export function summarizeMetrics(
  rows: readonly MergedMetrics[],
  tests: readonly ComparisonSpec[],
  options: { sharedImagesOnly?: boolean; logger?: Logger } = {},
): MetricsSummary {
  return {
    summary: describeByDictionary(rows),
    tests: tests.map((spec) => compareDictionaries(rows, spec, options)),
    images: rows.map((row) => {
      const backend = backendOf(row);
      return { image: row.imageId, dictionary: row.dictionaryName, ...(backend === undefined ? {} : { backend }), ...row.values };
    }),
    resilience: summarizeResilience(rows),
    activation: summarizeActivation(rows),
  };
}
