import { definePlugin } from '@heterosparse/core';

import { centerCrop } from '../center-crop.ts';
import { IMAGES_INPUT, imageStage } from './image-stage.ts';

/** Stage that crops each image to its largest centred square. */
export const centerCropPlugin = definePlugin<Record<string, never>>({
  id: 'datasets/center-crop',
  description: 'Crops each image to its largest centred square.',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  inputs: IMAGES_INPUT,
  output: 'image',
  create(_options, context) {
    return imageStage(context, centerCrop);
  },
});
