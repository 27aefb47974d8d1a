import type { ImageItem } from '@heterosparse/core';

/** Returns a copy of `image` with new pixels and size, and `step` appended to its steps. */
export function withPixels(image: ImageItem, step: string, height: number, width: number, channels: number, data: Float32Array): ImageItem {
  return { ...image, height, width, channels, data, steps: [...image.steps, step] };
}
