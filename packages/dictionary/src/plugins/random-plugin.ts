import { defer, of } from 'rxjs';

import { definePlugin, fromSource } from '@heterosparse/core';

import { NORMALISATIONS, type Normalisation } from '../normalise.ts';
import { createRandomBank } from '../random-bank.ts';

/** Options of `dictionary/random`. */
export interface RandomPluginOptions {
  readonly name: string;
  readonly size: number;
  readonly atoms: number;
  readonly seed?: number;
  readonly normalise: Normalisation;
}

/** Source stage that emits one bank of Gaussian random atoms, then completes. */
export const randomPlugin = definePlugin<RandomPluginOptions>({
  id: 'dictionary/random',
  description: 'Builds a dictionary of seeded Gaussian random atoms, a baseline for the log-Gabor banks.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, default: 'random', description: 'Label of the bank in results.' },
      size: { type: 'integer', minimum: 1, default: 12, description: 'Kernel side in pixels.' },
      atoms: { type: 'integer', minimum: 1, default: 144, description: 'Number of atoms K.' },
      seed: { type: 'integer', description: "Seed of the generator; defaults to the stage's seed, derived from the pipeline seed." },
      normalise: { enum: [...NORMALISATIONS], default: 'l2', description: 'Atom normalisation: l2 (unit norm) or max-abs.' },
    },
  },
  inputs: {},
  output: 'dictionary',
  create(options, context) {
    return fromSource(defer(() => of(createRandomBank({ ...options, seed: options.seed ?? context.seed }))));
  },
});
