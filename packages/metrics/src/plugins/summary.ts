import { concatMap, toArray } from 'rxjs';
import { CancelledError, definePlugin, ofKind, type SummaryItem } from '@heterosparse/core';

import type { ComparisonSpec } from '../compare-dictionaries.ts';
import { mergeMetrics } from '../merge-metrics.ts';
import { formatResultsCsv } from '../results-csv.ts';
import { summarizeMetrics } from '../summarize-metrics.ts';

export interface SummaryPluginOptions {
  readonly tests: readonly ComparisonSpec[];
  readonly sharedImagesOnly: boolean;
  readonly csvFile: string;
}

/**
 * Stage that collects every metrics item and, when its input completes,
 * emits one summary item and completes.
 *
 * It stores five keys in `results.json`. `summary` contains statistics of every
 * value per dictionary (`summary.homogeneous.psnr.median`). `tests` contains one
 * object per declared test with `name`, `metric`, `statistic`, `p`,
 * `alternative`, `method`, `n1` and `n2`. `images` contains one row per image and
 * dictionary, and `resilience` and `activation` their summaries. It also
 * writes `csvFile` atomically. The summary
 * item's `content` contains the same five keys. Empty input gives empty tables
 * and a CSV with only its header, unless tests are declared, which then fail
 * for lack of samples. An input error fails the stage without writing.
 */
export const summaryPlugin = definePlugin<SummaryPluginOptions>({
  id: 'metrics/summary',
  description:
    'Summarises metrics across images per dictionary, runs one-sided Mann–Whitney U tests between dictionaries and writes results.csv.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      tests: {
        type: 'array',
        default: [],
        description:
          'One-sided Mann–Whitney U tests (unpaired, across images) that metric is larger with dictionary "greater" than with "less".',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'metric', 'greater', 'less'],
          properties: {
            name: { type: 'string', minLength: 1, description: 'Name of the test in results.json and the report.' },
            metric: { type: 'string', minLength: 1, description: 'Value key to compare, for example "sparseness" or "psnr".' },
            greater: { type: 'string', minLength: 1, description: 'Dictionary expected to give larger values under the alternative hypothesis.' },
            less: { type: 'string', minLength: 1, description: 'Dictionary expected to give smaller values under the alternative hypothesis.' },
            method: {
              enum: ['auto', 'exact', 'asymptotic'],
              default: 'auto',
              description:
                'p-value method: exact null distribution, normal approximation with tie and continuity corrections, or auto (exact when a sample has at most 8 values and there are no ties).',
            },
          },
        },
      },
      sharedImagesOnly: {
        type: 'boolean',
        default: true,
        description: 'Test only on images that both dictionaries of a test coded; others are left out with a warning.',
      },
      csvFile: {
        type: 'string',
        pattern: '^(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*\\.csv$',
        default: 'results.csv',
        description: 'Path of the per-image CSV table inside the run directory (no ".." segments).',
      },
    },
  },
  inputs: {
    metrics: { kinds: ['metrics'], many: true, description: 'Metrics of every image and dictionary.' },
  },
  output: 'summary',
  create: (options, context) => (inputs) =>
    inputs.metrics.pipe(
      ofKind('metrics', context.stageId),
      toArray(),
      concatMap(async (items): Promise<SummaryItem> => {
        if (context.signal.aborted) throw new CancelledError();
        const rows = mergeMetrics(items);
        const content = summarizeMetrics(rows, options.tests, {
          sharedImagesOnly: options.sharedImagesOnly,
          logger: context.logger,
        });
        await context.writeFile(options.csvFile, formatResultsCsv(rows));
        for (const [key, value] of Object.entries(content)) context.setResult(key, value);
        context.logger.info(`summarised ${rows.length} image and dictionary pair(s) into ${options.csvFile}`);
        return { kind: 'summary', content: { ...content } };
      }),
    ),
});
