import { concatMap } from 'rxjs';
import {
  CancelledError,
  InvalidInputError,
  definePlugin,
  joinAll,
  ofKind,
  type DictionaryItem,
  type MetricsItem,
  type SparseCodeItem,
  type StageContext,
} from '@heterosparse/core';
import { reconstruct } from '@heterosparse/sparse-coding';

import { resilienceCurve, type ResiliencePoint } from '../resilience-curve.ts';

export interface ResiliencePluginOptions {
  /** Magnitudes below which coefficients are zeroed, one curve point each. */
  readonly cutoffs: readonly number[];
  /** Fixed PSNR peak, or null for max − min of each coded image. */
  readonly peak: number | null;
}

/**
 * Stage that prunes each sparse code at every cut-off and measures the
 * pruned reconstruction (see `resilienceCurve`). It emits one metrics item
 * per code with empty `values` and the curve in `details.resilience`.
 *
 * It subscribes to both inputs at once and buffers codes until the
 * dictionaries input completes, then matches each code to the dictionary
 * whose `name` equals the code's `dictionaryName`. Completes when both inputs
 * complete; fails when a code has no matching dictionary; stops with
 * `CancelledError` once the run is cancelled.
 */
export const resiliencePlugin = definePlugin<ResiliencePluginOptions>({
  id: 'metrics/resilience',
  description:
    'Measures PSNR and sparseness of each sparse code after zeroing every coefficient whose magnitude is below each cut-off.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      cutoffs: {
        type: 'array',
        items: { type: 'number', minimum: 0 },
        minItems: 1,
        default: [0.001, 0.1, 0.2, 0.3, 0.5],
        description: 'Cut-offs on |x|, in coefficient units; coefficients with smaller magnitude are set to zero.',
      },
      peak: {
        anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }],
        default: null,
        description: 'PSNR peak in image units (255 for 8-bit images); null uses max − min of each coded image.',
      },
    },
  },
  inputs: {
    codes: { kinds: ['sparse-code'], many: true, description: 'Sparse codes to prune.' },
    dictionaries: {
      kinds: ['dictionary'],
      many: true,
      description: 'The dictionaries the codes were computed with, matched by name.',
    },
  },
  output: 'metrics',
  create: (options, context) => (inputs) => {
    const dictionaries$ = inputs.dictionaries.pipe(ofKind('dictionary', context.stageId));
    const codes$ = inputs.codes.pipe(ofKind('sparse-code', context.stageId));
    let done = 0;
    return joinAll(dictionaries$, codes$).pipe(
      concatMap(async ([dictionaries, code]) => {
        const points = await measureCode(code, findDictionary(dictionaries, code), options, context);
        done += 1;
        context.progress({ done, message: `${code.imageId} / ${code.dictionaryName}` });
        const item: MetricsItem = {
          kind: 'metrics',
          imageId: code.imageId,
          dictionaryName: code.dictionaryName,
          values: {},
          details: { resilience: points },
        };
        return item;
      }),
    );
  },
});

function findDictionary(dictionaries: readonly DictionaryItem[], code: SparseCodeItem): DictionaryItem {
  const found = dictionaries.find((dictionary) => dictionary.name === code.dictionaryName);
  if (found === undefined) {
    const names = dictionaries.map((dictionary) => `"${dictionary.name}"`).join(', ') || 'none';
    throw new InvalidInputError(
      `resilience: the code of image "${code.imageId}" used dictionary "${code.dictionaryName}", which is not among the ` +
        `dictionaries input (${names}); connect the stage that produced it to the dictionaries port`,
    );
  }
  return found;
}

/** Computes the curve one cut-off at a time, yielding to the event loop between them so cancellation is seen. */
async function measureCode(
  code: SparseCodeItem,
  dictionary: DictionaryItem,
  options: ResiliencePluginOptions,
  context: StageContext,
): Promise<ResiliencePoint[]> {
  const points: ResiliencePoint[] = [];
  for (const cutoff of options.cutoffs) {
    await new Promise((resolve) => setImmediate(resolve));
    if (context.signal.aborted) throw new CancelledError();
    points.push(...resilienceCurve(code, dictionary, [cutoff], reconstruct, { peak: options.peak ?? undefined }));
  }
  return points;
}
