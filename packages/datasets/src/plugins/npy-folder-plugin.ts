import { definePlugin, fromSource } from '@heterosparse/core';

import { readNpyFolder, type NpyFolderOptions } from '../npy-folder-source.ts';

/** Source stage that emits every `.npy` array of a folder as an image, in name order, then completes. */
export const npyFolderPlugin = definePlugin<NpyFolderOptions>({
  id: 'datasets/npy-folder',
  description: 'Reads the .npy arrays of a folder ([height, width] or [height, width, 1 or 3]) in name order, as images with their stored values.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: { type: 'string', minLength: 1, description: 'Folder of .npy files; a relative path resolves against the current working directory.' },
      limit: { type: 'integer', minimum: 1, description: 'Maximum number of arrays to read, in name order; all when left out.' },
    },
  },
  inputs: {},
  output: 'image',
  create(options, context) {
    return fromSource(readNpyFolder(options, context.logger, context.signal));
  },
});
