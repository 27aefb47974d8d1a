import type { ImageItem } from '@heterosparse/core';

import { centerCrop } from './center-crop.ts';
import { withPixels } from './image-ops.ts';
import { localContrastNormalise } from './local-contrast-normalise.ts';
import { resizeImage } from './resize.ts';
import { toGrey } from './to-grey.ts';

export interface PreprocessOptions {
  /** Side of the square output in pixels; no resize when left out. */
  readonly size?: number;
  /** Apply local contrast normalisation last. */
  readonly lcn: boolean;
}

/**
 * Applies the preprocessing of the reference inputs in order: grey, centre crop, resize to
 * `size`, local contrast normalisation. The same steps as chaining the
 * `datasets/grey`, `datasets/center-crop`, `datasets/resize` and `datasets/lcn` stages.
 */
export function preprocessImage(image: ImageItem, options: PreprocessOptions): ImageItem {
  let result = centerCrop(toGrey(image));
  if (options.size !== undefined) result = resizeImage(result, options.size);
  if (options.lcn) {
    result = withPixels(result, 'lcn', result.height, result.width, 1, localContrastNormalise(result.data, result.height, result.width));
  }
  return result;
}
