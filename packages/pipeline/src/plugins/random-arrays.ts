import { Observable } from 'rxjs';
import { createRandom, definePlugin, fromSource, type ArrayItem } from '@heterosparse/core';

export interface RandomArraysOptions {
  readonly count: number;
  readonly shape: readonly number[];
  readonly distribution: 'normal' | 'uniform';
  readonly prefix: string;
}

/**
 * Source of `count` float32 arrays of one shape, drawn from the stage's seed:
 * the same pipeline seed and stage id give the same arrays on every run.
 */
export const randomArraysPlugin = definePlugin<RandomArraysOptions>({
  id: 'pipeline/random-arrays',
  description: 'Emits seeded random float32 arrays, named <prefix>-<index>.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      count: { type: 'integer', minimum: 0, default: 4, description: 'Number of arrays to emit.' },
      shape: {
        type: 'array',
        items: { type: 'integer', minimum: 1 },
        minItems: 1,
        maxItems: 8,
        default: [8, 8],
        description: 'Axis lengths of every array, outermost first.',
      },
      distribution: {
        enum: ['normal', 'uniform'],
        default: 'normal',
        description: 'normal: mean 0, standard deviation 1; uniform: values in [0, 1).',
      },
      prefix: {
        type: 'string',
        pattern: '^[A-Za-z0-9_-]+$',
        default: 'array',
        description: 'Name prefix; the arrays are named <prefix>-000, <prefix>-001, …',
      },
    },
  },
  inputs: {},
  output: 'array',
  create: (options, context) =>
    fromSource(
      new Observable<ArrayItem>((subscriber) => {
        const random = createRandom(context.seed);
        const size = options.shape.reduce((a, b) => a * b, 1);
        const digits = Math.max(3, String(Math.max(0, options.count - 1)).length);
        const draw = options.distribution === 'normal' ? random.normal : random.uniform;

        const emitAll = async (): Promise<void> => {
          for (let index = 0; index < options.count; index++) {
            // Yield to the event loop before each array, so that a cancel is seen soon.
            await new Promise((resolve) => setImmediate(resolve));
            if (subscriber.closed || context.signal.aborted) return;
            const data = new Float32Array(size);
            for (let i = 0; i < size; i++) data[i] = draw();
            subscriber.next({ kind: 'array', name: `${options.prefix}-${String(index).padStart(digits, '0')}`, shape: [...options.shape], data });
            context.progress({ done: index + 1, total: options.count });
          }
          subscriber.complete();
        };
        emitAll().catch((error: unknown) => subscriber.error(error));
      }),
    ),
});
