import { map } from 'rxjs';

import type { ArrayItem, ImageItem } from '@heterosparse/core';
import { CancelledError, definePlugin, fromOperator, ofKind } from '@heterosparse/core';

import { IMAGES_INPUT } from './image-stage.ts';

/** Converts an image to a named array: shape `[height, width]` for grey images, `[height, width, channels]` otherwise. */
export function imageToArray(image: ImageItem): ArrayItem {
  const shape = image.channels === 1 ? [image.height, image.width] : [image.height, image.width, image.channels];
  return { kind: 'array', name: image.id, shape, data: image.data };
}

/** Stage that turns images into arrays named after the image ids, for `.npy` sinks such as `pipeline/save-npy`. */
export const toArrayPlugin = definePlugin<Record<string, never>>({
  id: 'datasets/to-array',
  description: 'Turns each image into an array named after the image id ([height, width] when grey), so that pipeline/save-npy can save it.',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  inputs: IMAGES_INPUT,
  output: 'array',
  create(_options, context) {
    return fromOperator('images', (images$) =>
      images$.pipe(
        ofKind('image', context.stageId),
        map((image) => {
          if (context.signal.aborted) throw new CancelledError(`stage "${context.stageId}" was cancelled`);
          return imageToArray(image);
        }),
      ),
    );
  },
});
