import { definePlugin, fromSource } from '@heterosparse/core';

import { IMAGE_EXTENSIONS, readImageFolder, type ImageFolderOptions } from '../image-folder-source.ts';
import { SKIPPED_ENTRIES } from '../list-folder.ts';

/** Source stage that emits every image of a folder in name order, then completes. */
export const imageFolderPlugin = definePlugin<ImageFolderOptions>({
  id: 'datasets/image-folder',
  description: 'Reads the PNG, JPEG, TIFF and WebP images of a folder in name order, as grey or RGB images with values 0..255.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      path: {
        type: 'string',
        minLength: 1,
        default: 'data/natural',
        description: 'Folder of images; a relative path resolves against the current working directory.',
      },
      limit: { type: 'integer', minimum: 1, description: 'Maximum number of images to read, in name order; all when left out.' },
      onCorrupt: {
        enum: ['skip', 'fail'],
        default: 'fail',
        description: 'What to do with a file that does not decode: skip it with a warning, or fail the run.',
      },
      extensions: {
        type: 'array',
        minItems: 1,
        items: { type: 'string', pattern: '^\\.[A-Za-z0-9]+$' },
        default: [...IMAGE_EXTENSIONS],
        description: `File extensions to read, with the dot, case-insensitive. ${SKIPPED_ENTRIES}`,
      },
    },
  },
  inputs: {},
  output: 'image',
  create(options, context) {
    return fromSource(readImageFolder(options, context.logger, context.signal));
  },
});
