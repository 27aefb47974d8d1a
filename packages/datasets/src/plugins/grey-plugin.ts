import { definePlugin } from '@heterosparse/core';

import { toGrey } from '../to-grey.ts';
import { IMAGES_INPUT, imageStage } from './image-stage.ts';

/** Stage that converts each image to grey (0.299 R + 0.587 G + 0.114 B, float). */
export const greyPlugin = definePlugin<Record<string, never>>({
  id: 'datasets/grey',
  description: 'Converts RGB images to grey as 0.299 R + 0.587 G + 0.114 B, without rounding; grey images pass unchanged.',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  inputs: IMAGES_INPUT,
  output: 'image',
  create(_options, context) {
    return imageStage(context, toGrey);
  },
});
