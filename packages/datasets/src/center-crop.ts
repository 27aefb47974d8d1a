import type { ImageItem } from '@heterosparse/core';

import { withPixels } from './image-ops.ts';

/**
 * Crops the largest centred square, of side min(height, width). When the
 * margin is odd, the extra row or column is cut from the bottom or right
 * (offset `floor((height − side) / 2)`).
 */
export function centerCrop(image: ImageItem): ImageItem {
  const { height, width, channels, data } = image;
  const side = Math.min(height, width);
  const top = Math.floor((height - side) / 2);
  const left = Math.floor((width - side) / 2);
  const out = new Float32Array(side * side * channels);
  for (let row = 0; row < side; row++) {
    const start = ((top + row) * width + left) * channels;
    out.set(data.subarray(start, start + side * channels), row * side * channels);
  }
  return withPixels(image, 'crop', side, side, channels, out);
}
