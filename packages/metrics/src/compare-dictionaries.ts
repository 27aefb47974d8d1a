import type { Logger } from '@heterosparse/core';
import { InvalidInputError, silentLogger } from '@heterosparse/core';

import type { MergedMetrics } from './merge-metrics.ts';
import { mannWhitneyU, type MannWhitneyMethod } from './mann-whitney-u.ts';

/** A one-sided test declared in a pipeline: is `metric` larger with dictionary `greater` than with `less`? */
export interface ComparisonSpec {
  readonly name: string;
  /** Value key, for example `sparseness` or `psnr`. */
  readonly metric: string;
  /** Dictionary expected to give larger values under the alternative hypothesis. */
  readonly greater: string;
  /** Dictionary expected to give smaller values under the alternative hypothesis. */
  readonly less: string;
  /** Default `auto`. */
  readonly method?: MannWhitneyMethod;
}

export interface ComparisonResult {
  readonly name: string;
  readonly metric: string;
  readonly greater: string;
  readonly less: string;
  /** U statistic of the `greater` sample. */
  readonly statistic: number;
  readonly p: number;
  readonly alternative: 'greater';
  readonly method: 'exact' | 'asymptotic';
  /** Sizes of the `greater` and `less` samples. */
  readonly n1: number;
  readonly n2: number;
}

/**
 * Runs the one-sided Mann–Whitney U test that `spec.metric` is stochastically
 * greater with dictionary `spec.greater` than with `spec.less`, across images.
 *
 * This is the unpaired (rank-sum) test, the test the kernel-heterogeneity
 * paper used, even though both samples come from the same images. With
 * `sharedImagesOnly`, images that only one of the two dictionaries coded are
 * left out and logged as a warning. Throws `InvalidInputError` when a sample
 * is empty or contains a non-finite value.
 */
export function compareDictionaries(
  rows: readonly MergedMetrics[],
  spec: ComparisonSpec,
  options: { sharedImagesOnly?: boolean; logger?: Logger } = {},
): ComparisonResult {
  const logger = options.logger ?? silentLogger;
  let greater = sampleOf(rows, spec.greater, spec.metric);
  let less = sampleOf(rows, spec.less, spec.metric);

  if (options.sharedImagesOnly ?? true) {
    const unmatched = [...greater.keys(), ...less.keys()].filter((image) => !(greater.has(image) && less.has(image)));
    if (unmatched.length > 0) {
      logger.warn(
        `test "${spec.name}": left out image(s) ${[...new Set(unmatched)].join(', ')}, which only one of ` +
          `"${spec.greater}" and "${spec.less}" has ${spec.metric} for`,
      );
      greater = new Map([...greater].filter(([image]) => less.has(image)));
      less = new Map([...less].filter(([image]) => greater.has(image)));
    }
  }

  for (const [dictionary, sample] of [
    [spec.greater, greater],
    [spec.less, less],
  ] as const) {
    if (sample.size === 0) {
      const known = [...new Set(rows.map((row) => `"${row.dictionaryName}"`))].join(', ') || 'none';
      throw new InvalidInputError(
        `test "${spec.name}": no ${spec.metric} values for dictionary "${dictionary}" (dictionaries with metrics: ${known}); ` +
          'check the dictionary names and metric of the test',
      );
    }
  }

  const result = mannWhitneyU([...greater.values()], [...less.values()], {
    alternative: 'greater',
    method: spec.method ?? 'auto',
  });
  return {
    name: spec.name,
    metric: spec.metric,
    greater: spec.greater,
    less: spec.less,
    statistic: result.statistic,
    p: result.p,
    alternative: 'greater',
    method: result.method,
    n1: result.n1,
    n2: result.n2,
  };
}

/** Image id → value of `metric` for `dictionaryName`; throws on a non-finite value. */
function sampleOf(rows: readonly MergedMetrics[], dictionaryName: string, metric: string): Map<string, number> {
  const sample = new Map<string, number>();
  for (const row of rows) {
    if (row.dictionaryName !== dictionaryName || !(metric in row.values)) continue;
    const value = row.values[metric];
    if (!Number.isFinite(value)) {
      throw new InvalidInputError(
        `${metric} of image "${row.imageId}" with dictionary "${dictionaryName}" is ${value}; the test needs finite values`,
      );
    }
    sample.set(row.imageId, value);
  }
  return sample;
}
