import { definePlugin } from '@heterosparse/core';

import { resizeImage } from '../resize.ts';
import { IMAGES_INPUT, imageStage } from './image-stage.ts';

export interface ResizePluginOptions {
  readonly size: number;
}

/** Stage that resizes each image so that its shorter side is `size` pixels. */
export const resizePlugin = definePlugin<ResizePluginOptions>({
  id: 'datasets/resize',
  description: 'Resizes each image so that its shorter side is `size` pixels (area averaging when shrinking, bilinear when enlarging, float precision).',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      size: { type: 'integer', minimum: 1, default: 256, description: 'Length of the shorter side after resizing, in pixels.' },
    },
  },
  inputs: IMAGES_INPUT,
  output: 'image',
  create(options, context) {
    return imageStage(context, (image) => resizeImage(image, options.size));
  },
});
