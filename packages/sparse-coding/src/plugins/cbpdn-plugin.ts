import { Observable, concatMap, from } from 'rxjs';
import {
  CancelledError,
  InvalidInputError,
  definePlugin,
  joinAll,
  ofKind,
  type DictionaryItem,
  type ImageItem,
  type SparseCodeItem,
  type StageContext,
} from '@heterosparse/core';

import { CBPDN_DEFAULTS, type CbpdnOptionsInput } from '../cbpdn/options.ts';
import { solveCbpdn } from '../cbpdn/solve-cbpdn.ts';
import { CBPDN_OPTIONS_PROPERTIES } from './cbpdn-options-schema.ts';

/** Options of `sparse-coding/cbpdn`: the solver options plus the backend choice. */
export interface CbpdnPluginOptions extends CbpdnOptionsInput {
  /** Backend id, or `auto` for the available backend with the highest priority. */
  readonly backend?: string;
}

/** Codes one image with every dictionary, one solve at a time. */
async function* codeImage(
  image: ImageItem,
  dictionaries: readonly DictionaryItem[],
  options: CbpdnPluginOptions,
  context: StageContext,
  signal: AbortSignal,
  progress: { done: number },
): AsyncGenerator<SparseCodeItem> {
  if (image.channels !== 1) {
    throw new InvalidInputError(
      `${context.stageId}: image "${image.id}" has ${image.channels} channels, but the coder accepts grey images only; ` +
        'add a datasets/grey stage before it',
    );
  }
  if (dictionaries.length === 0) {
    throw new InvalidInputError(`${context.stageId}: no dictionary arrived on the "dictionary" input, so image "${image.id}" cannot be coded`);
  }
  const { backend = 'auto', ...solverOptions } = options;
  for (const dictionary of dictionaries) {
    if (signal.aborted) throw new CancelledError();
    const solution = await solveCbpdn(
      { data: image.data, height: image.height, width: image.width },
      dictionary,
      solverOptions,
      { backend, signal, logger: context.logger },
    );
    progress.done += 1;
    const message = `${image.id} / ${dictionary.name}`;
    context.progress({ done: progress.done, message });
    context.logger.info(
      `${message}: ${solution.iterationCount} iterations in ${solution.seconds.toFixed(2)} s on ${solution.backend}, ` +
        `objective ${solution.final.objective.toPrecision(6)}, ${solution.final.nonzeros} nonzeros` +
        (solution.converged ? ', converged' : ''),
    );
    yield {
      kind: 'sparse-code',
      imageId: image.id,
      dictionaryName: dictionary.name,
      image: image.data,
      height: image.height,
      width: image.width,
      atoms: dictionary.atoms,
      coefficients: solution.coefficients,
      reconstruction: solution.reconstruction,
      lambda: options.lambda ?? CBPDN_DEFAULTS.lambda,
      iterations: solution.iterations,
      converged: solution.converged,
      seconds: solution.seconds,
      backend: solution.backend,
      atomParams: dictionary.atomParams,
    };
  }
}

/**
 * Stage that codes each grey image with each dictionary by CBPDN (see
 * `solveCbpdn`) and emits one sparse code per (image, dictionary) pair: for
 * each image in arrival order, one code per dictionary in arrival order.
 *
 * Subscribes to both inputs at once and buffers images until the dictionary
 * input completes. Completes when both inputs have completed and the last
 * solve has finished. Fails on the first invalid image or solver error, and
 * with `CancelledError` once the run is cancelled. Unsubscribing aborts the
 * running solve at its next yield to the event loop.
 */
export const cbpdnPlugin = definePlugin<CbpdnPluginOptions>({
  id: 'sparse-coding/cbpdn',
  description:
    'Codes each grey image with each dictionary by convolutional basis pursuit denoising (ADMM, as SPORCO ConvBPDN).',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...CBPDN_OPTIONS_PROPERTIES,
      statistics: {
        type: 'boolean',
        default: CBPDN_DEFAULTS.statistics,
        description: 'Record the objective, residuals and ρ of every iteration in each sparse code.',
      },
      backend: {
        type: 'string',
        default: 'auto',
        description: 'Solver backend id (cpu-reference, ...), or auto for the fastest available one.',
      },
    },
  },
  inputs: {
    images: { kinds: ['image'], description: 'Grey images to code (one channel, any size at least the kernel size).' },
    dictionary: {
      kinds: ['dictionary'],
      many: true,
      description: 'Dictionaries to code every image with; all of them arrive before the first solve.',
    },
  },
  output: 'sparse-code',
  create: (options, context) => (inputs) =>
    new Observable<SparseCodeItem>((subscriber) => {
      // One controller per subscription, aborted by the run signal or by unsubscribing.
      const controller = new AbortController();
      const abort = (): void => controller.abort();
      context.signal.addEventListener('abort', abort, { once: true });
      if (context.signal.aborted) abort();

      const images$ = (inputs.images as Observable<unknown>).pipe(ofKind('image', context.stageId));
      const dictionaries$ = (inputs.dictionary as Observable<unknown>).pipe(ofKind('dictionary', context.stageId));
      const progress = { done: 0 };
      const subscription = joinAll(dictionaries$, images$)
        .pipe(
          concatMap(([dictionaries, image]) =>
            from(codeImage(image, dictionaries, options, context, controller.signal, progress)),
          ),
        )
        .subscribe(subscriber);
      return () => {
        abort();
        context.signal.removeEventListener('abort', abort);
        subscription.unsubscribe();
      };
    }),
});
