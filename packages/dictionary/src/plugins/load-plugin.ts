import { resolve } from 'node:path';
import { defer } from 'rxjs';

import { definePlugin, fromSource } from '@heterosparse/core';

import { loadDictionary } from '../dictionary-file.ts';

/** Options of `dictionary/load`. */
export interface LoadPluginOptions {
  readonly path: string;
  readonly name?: string;
  readonly params?: string;
}

/** Source stage that emits one dictionary read from a `.npy` file, then completes. */
export const loadPlugin = definePlugin<LoadPluginOptions>({
  id: 'dictionary/load',
  description: 'Reads a dictionary from a .npy file of shape [height, width, atoms], with atom parameters from the JSON file beside it when present.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: { type: 'string', minLength: 1, description: 'The .npy file; a relative path resolves against the current working directory.' },
      name: { type: 'string', minLength: 1, description: 'Label of the bank in results; defaults to the file stem.' },
      params: {
        type: 'string',
        minLength: 1,
        description: 'JSON file of atom parameters ({"atomParams": [...]}); defaults to the .json file beside the .npy file, used only when it exists.',
      },
    },
  },
  inputs: {},
  output: 'dictionary',
  create(options, context) {
    return fromSource(
      defer(async () => {
        const path = resolve(options.path);
        const params = options.params === undefined ? undefined : resolve(options.params);
        const bank = await loadDictionary(path, { name: options.name, paramsPath: params });
        context.logger.info(`loaded dictionary "${bank.name}" from ${path}: ${bank.atoms} atoms of ${bank.height}×${bank.width}`);
        return bank;
      }),
    );
  },
});
