import { InvalidInputError } from '@heterosparse/core';

/**
 * Throws `InvalidInputError` naming the first NaN or ±Infinity in `data`, a
 * row-major `[height, width, channels]` image, by row, column and channel.
 * `label` names the image (a file path or an image id) in the message.
 */
export function checkFinitePixels(data: Float32Array, height: number, width: number, channels: number, label: string): void {
  for (let index = 0; index < data.length; index++) {
    const value = data[index];
    if (Number.isFinite(value)) continue;

    const pixel = Math.floor(index / channels);
    const row = Math.floor(pixel / width);
    const column = pixel % width;
    const channel = channels > 1 ? `, channel ${index % channels}` : '';
    throw new InvalidInputError(
      `${label} contains ${value} at row ${row}, column ${column}${channel} of its ${height}×${width} pixels; replace non-finite values before preprocessing`,
    );
  }
}
