import type { ImageItem } from '@heterosparse/core';
import { InvalidInputError } from '@heterosparse/core';

import { withPixels } from './image-ops.ts';

/** ITU-R BT.601 luma weights of R, G and B. */
const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * Converts an RGB image to grey as `0.299 R + 0.587 G + 0.114 B`, in float
 * (no rounding). A grey image is returned with its pixels unchanged.
 */
export function toGrey(image: ImageItem): ImageItem {
  const { height, width, channels, data } = image;
  if (channels === 1) {
    return withPixels(image, 'grey', height, width, 1, data);
  }
  if (channels !== 3) {
    throw new InvalidInputError(`image "${image.id}" has ${channels} channels; grey conversion expects 1 or 3`);
  }
  const grey = new Float32Array(height * width);
  for (let pixel = 0; pixel < grey.length; pixel++) {
    grey[pixel] = LUMA[0] * data[3 * pixel] + LUMA[1] * data[3 * pixel + 1] + LUMA[2] * data[3 * pixel + 2];
  }
  return withPixels(image, 'grey', height, width, 1, grey);
}
