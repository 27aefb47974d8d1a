import { concatMap } from 'rxjs';
import { CancelledError, definePlugin, fromOperator, ofKind, type SparseCodeItem } from '@heterosparse/core';

import { computeCodeMetrics } from '../compute-code-metrics.ts';

export interface CodeMetricsPluginOptions {
  /** Fixed PSNR peak, or null for max − min of each coded image. */
  readonly peak: number | null;
}

/**
 * Stage that turns each sparse code into one metrics item (see
 * `computeCodeMetrics` for the keys), in input order. Completes when its input
 * completes, fails on the first invalid code, and stops with `CancelledError`
 * once the run is cancelled.
 */
export const codeMetricsPlugin = definePlugin<CodeMetricsPluginOptions>({
  id: 'metrics/code-metrics',
  description:
    'Computes PSNR, sparseness, nonzeros, ℓ1, objective, data fidelity, final residuals, iterations, time, convergence and activation by θ and B_θ of each sparse code.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      peak: {
        anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }],
        default: null,
        description: 'PSNR peak in image units (255 for 8-bit images); null uses max − min of each coded image.',
      },
    },
  },
  inputs: {
    codes: { kinds: ['sparse-code'], many: true, description: 'Sparse codes to measure.' },
  },
  output: 'metrics',
  create: (options, context) => {
    let done = 0;
    return fromOperator('codes', (source) =>
      source.pipe(
        ofKind('sparse-code', context.stageId),
        concatMap(async (code: SparseCodeItem) => {
          if (context.signal.aborted) throw new CancelledError();
          const metrics = computeCodeMetrics(code, { peak: options.peak ?? undefined, logger: context.logger });
          done += 1;
          context.progress({ done, message: `${code.imageId} / ${code.dictionaryName}` });
          return metrics;
        }),
      ),
    );
  },
});
