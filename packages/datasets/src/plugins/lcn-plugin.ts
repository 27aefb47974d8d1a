import { InvalidInputError, definePlugin } from '@heterosparse/core';

import { withPixels } from '../image-ops.ts';
import { localContrastNormalise } from '../local-contrast-normalise.ts';
import { IMAGES_INPUT, imageStage } from './image-stage.ts';

/** Stage that applies local contrast normalisation to each grey image. */
export const lcnPlugin = definePlugin<Record<string, never>>({
  id: 'datasets/lcn',
  description:
    'Local contrast normalisation of grey images: subtract the local mean and divide by the local norm, both over a 15×15 Gaussian window (SPORCO local_contrast_normalise).',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  inputs: IMAGES_INPUT,
  output: 'image',
  create(_options, context) {
    return imageStage(context, (image) => {
      if (image.channels !== 1) {
        throw new InvalidInputError(`image "${image.id}" has ${image.channels} channels; local contrast normalisation expects grey images, so add a datasets/grey stage before it`);
      }
      try {
        return withPixels(image, 'lcn', image.height, image.width, 1, localContrastNormalise(image.data, image.height, image.width));
      } catch (error) {
        if (error instanceof InvalidInputError) throw new InvalidInputError(`image "${image.id}": ${error.message}`, { cause: error });
        throw error;
      }
    });
  },
});
