import type { ImageItem } from '@heterosparse/core';
import { InvalidInputError } from '@heterosparse/core';

import { withPixels } from './image-ops.ts';

/** Input taps of one output sample: input indices and their weights, which sum to 1. */
interface Taps {
  readonly indices: number[];
  readonly weights: number[];
}

/**
 * Weights that resample `inSize` samples to `outSize` along one axis.
 * Shrinking averages the input over each output pixel's footprint, with
 * fractional weights at its edges (area averaging, which also antialiases).
 * Enlarging interpolates linearly between pixel centres, clamped at the borders.
 */
export function resampleTaps(inSize: number, outSize: number): Taps[] {
  const scale = inSize / outSize;
  const taps: Taps[] = [];
  for (let j = 0; j < outSize; j++) {
    const indices: number[] = [];
    const weights: number[] = [];
    if (scale >= 1) {
      const start = j * scale;
      const end = start + scale;
      for (let i = Math.floor(start); i < Math.min(Math.ceil(end), inSize); i++) {
        const overlap = Math.min(end, i + 1) - Math.max(start, i);
        if (overlap > 0) {
          indices.push(i);
          weights.push(overlap / scale);
        }
      }
    } else {
      const x = Math.min(Math.max((j + 0.5) * scale - 0.5, 0), inSize - 1);
      const i = Math.floor(x);
      const t = x - i;
      indices.push(i, Math.min(i + 1, inSize - 1));
      weights.push(1 - t, t);
    }
    taps.push({ indices, weights });
  }
  return taps;
}

/**
 * Resizes an image so that its shorter side is `size` pixels, keeping the
 * aspect ratio (the longer side is rounded to the nearest pixel). Works in
 * float64 and returns float32, with area averaging when shrinking and
 * bilinear interpolation when enlarging along each axis.
 */
export function resizeImage(image: ImageItem, size: number): ImageItem {
  if (!Number.isInteger(size) || size < 1) {
    throw new InvalidInputError(`resize size is ${size}; expected a positive integer number of pixels`);
  }
  const { height, width, channels, data } = image;
  const shorter = Math.min(height, width);
  const outHeight = height === shorter ? size : Math.max(1, Math.round((height * size) / shorter));
  const outWidth = width === shorter ? size : Math.max(1, Math.round((width * size) / shorter));

  // Pass 1: resample each row along the columns.
  const columnTaps = resampleTaps(width, outWidth);
  const rows = new Float64Array(height * outWidth * channels);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < outWidth; c++) {
      const { indices, weights } = columnTaps[c];
      for (let channel = 0; channel < channels; channel++) {
        let sum = 0;
        for (let t = 0; t < indices.length; t++) sum += weights[t] * data[(r * width + indices[t]) * channels + channel];
        rows[(r * outWidth + c) * channels + channel] = sum;
      }
    }
  }

  // Pass 2: resample each column along the rows.
  const rowTaps = resampleTaps(height, outHeight);
  const out = new Float32Array(outHeight * outWidth * channels);
  for (let r = 0; r < outHeight; r++) {
    const { indices, weights } = rowTaps[r];
    for (let c = 0; c < outWidth * channels; c++) {
      let sum = 0;
      for (let t = 0; t < indices.length; t++) sum += weights[t] * rows[indices[t] * outWidth * channels + c];
      out[r * outWidth * channels + c] = sum;
    }
  }
  return withPixels(image, 'resize', outHeight, outWidth, channels, out);
}
