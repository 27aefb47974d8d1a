import { defer } from 'rxjs';

import type { DictionaryItem } from '@heterosparse/core';
import { definePlugin, fromSource } from '@heterosparse/core';

import type { BThetaSpec } from '../b-theta-values.ts';
import { createLogGaborBank, type LogGaborBankOptions } from '../log-gabor-bank.ts';
import { NORMALISATIONS, type Normalisation } from '../normalise.ts';
import { PRESETS, PRESET_NAMES, type PresetName } from '../presets.ts';
import { renderDictionaryPng } from '../render-dictionary-png.ts';

/** Options of `dictionary/log-gabor`; every field left out takes the preset's value. */
export interface LogGaborPluginOptions {
  readonly preset: PresetName;
  readonly name?: string;
  readonly size?: number;
  readonly thetas?: number | readonly number[];
  readonly bThetas?: BThetaSpec;
  readonly phases?: readonly number[];
  readonly sf0?: number;
  readonly bSf?: number;
  readonly normalise?: Normalisation;
  readonly savePng: boolean;
}

const positiveNumber = { type: 'number', exclusiveMinimum: 0 } as const;

const distributionCommon = {
  count: { type: 'integer', minimum: 1, description: 'Number of bandwidths drawn.' },
  seed: { type: 'integer', description: 'Seed of the draw; the same seed gives the same bandwidths.' },
  perOrientation: { type: 'boolean', description: 'Draw separately for each orientation instead of once for all (false when left out).' },
} as const;

export const LOG_GABOR_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    preset: {
      enum: [...PRESET_NAMES],
      default: 'heterogeneous',
      description:
        'Starting bank: homogeneous (72 θ, B_θ = π/15) or heterogeneous (12 θ, B_θ = kπ/36 for k = 1..6), both 12×12 with 2 phases.',
    },
    name: { type: 'string', minLength: 1, description: 'Label of the bank in results; defaults to the preset name.' },
    size: { type: 'integer', minimum: 4, multipleOf: 2, description: 'Kernel side in pixels (even); overrides the preset (12).' },
    thetas: {
      description: 'Orientations: a count n (θ_i = iπ/n) or a list of angles in radians; overrides the preset.',
      oneOf: [
        { type: 'integer', minimum: 1 },
        { type: 'array', minItems: 1, items: { type: 'number' } },
      ],
    },
    bThetas: {
      description:
        'Orientation bandwidths B_θ in radians: one value, a list shared by every orientation, or a seeded distribution ' +
        '({"distribution": "uniform", "min", "max", "count", "seed"} or {"distribution": "log-normal", "median", "sigma", "count", "seed"}); overrides the preset.',
      oneOf: [
        positiveNumber,
        { type: 'array', minItems: 1, items: positiveNumber },
        {
          type: 'object',
          additionalProperties: false,
          required: ['distribution', 'min', 'max', 'count', 'seed'],
          properties: {
            distribution: { const: 'uniform', description: 'B_θ uniform between min and max.' },
            min: { ...positiveNumber, description: 'Smallest B_θ in radians.' },
            max: { ...positiveNumber, description: 'Largest B_θ in radians.' },
            ...distributionCommon,
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['distribution', 'median', 'sigma', 'count', 'seed'],
          properties: {
            distribution: { const: 'log-normal', description: 'ln B_θ normal with the given median and sigma.' },
            median: { ...positiveNumber, description: 'Median B_θ in radians.' },
            sigma: { type: 'number', minimum: 0, description: 'Standard deviation of ln B_θ.' },
            ...distributionCommon,
          },
        },
      ],
    },
    phases: {
      type: 'array',
      minItems: 1,
      items: { type: 'number' },
      description: 'Phases ψ in radians; overrides the preset ([0, π/2]).',
    },
    sf0: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.5, description: 'Radial peak frequency in cycles per pixel; overrides the preset (0.4).' },
    bSf: { ...positiveNumber, description: 'Radial bandwidth B_sf; overrides the preset (0.4).' },
    normalise: {
      enum: [...NORMALISATIONS],
      description: 'Atom normalisation after median subtraction: max-abs (as the presets) or l2; overrides the preset (max-abs).',
    },
    savePng: { type: 'boolean', default: false, description: 'Also write a tiled picture of the bank as dictionaries/<name>.png in the run directory.' },
  },
} as const;

/** Merges the plugin options over the preset they start from. */
export function bankOptionsFrom(options: LogGaborPluginOptions): LogGaborBankOptions {
  const preset = PRESETS[options.preset];
  return {
    name: options.name ?? preset.name,
    size: options.size ?? preset.size,
    thetas: options.thetas ?? preset.thetas,
    bThetas: options.bThetas ?? preset.bThetas,
    phases: options.phases ?? preset.phases,
    sf0: options.sf0 ?? preset.sf0,
    bSf: options.bSf ?? preset.bSf,
    normalise: options.normalise ?? preset.normalise,
  };
}

/** Source stage that emits one log-Gabor bank, built from a preset and overrides, then completes. */
export const logGaborPlugin = definePlugin<LogGaborPluginOptions>({
  id: 'dictionary/log-gabor',
  description:
    'Builds a log-Gabor dictionary from a preset (homogeneous or heterogeneous B_θ) and optional parameter overrides. ' +
    'It has one atom per orientation, bandwidth and phase, so K = (θ count) × (B_θ count) × (phase count).',
  optionsSchema: LOG_GABOR_OPTIONS_SCHEMA,
  inputs: {},
  output: 'dictionary',
  create(options, context) {
    return fromSource(
      defer(async (): Promise<DictionaryItem> => {
        const bank = createLogGaborBank(bankOptionsFrom(options));
        context.logger.info(`built log-Gabor bank "${bank.name}": ${bank.atoms} atoms of ${bank.height}×${bank.width}`);
        if (options.savePng) {
          await context.writeFile(`dictionaries/${bank.name}.png`, await renderDictionaryPng(bank));
        }
        return bank;
      }),
    );
  },
});
