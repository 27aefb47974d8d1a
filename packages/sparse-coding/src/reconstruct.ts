import { InvalidInputError, type DictionaryItem } from '@heterosparse/core';

/**
 * Computes the reconstruction Σ_k d_k * x_k of coefficient maps, with the
 * convention of the CBPDN solver: each kernel is zero-padded at the top-left
 * corner to the image size and the convolution is circular (periodic
 * boundaries), so `out[i, j] = Σ_k Σ_{a,b} d_k[a, b] · x_k[(i − a) mod H, (j − b) mod W]`.
 *
 * Works in the spatial domain and skips zero coefficients, so the cost is
 * (nonzero coefficients) × (kernel size): fast for sparse codes, about
 * K·H·W·h·w multiply-adds for dense ones. Sums are accumulated in float64.
 *
 * @param dictionary kernels, shape `[h, w, K]`
 * @param coefficients coefficient maps, shape `[K, height, width]`
 * @returns the reconstruction, shape `[height, width]`
 * @throws InvalidInputError when the shapes do not match or a kernel is larger than the image
 */
export function reconstruct(dictionary: DictionaryItem, coefficients: Float32Array, height: number, width: number): Float32Array {
  const { height: kh, width: kw, atoms } = dictionary;
  if (!Number.isInteger(height) || height < 1 || !Number.isInteger(width) || width < 1) {
    throw new InvalidInputError(`reconstruct: height and width must be positive integers, received ${height} and ${width}`);
  }
  if (coefficients.length !== atoms * height * width) {
    throw new InvalidInputError(
      `reconstruct: coefficients must have shape [${atoms}, ${height}, ${width}] (${atoms * height * width} values) ` +
        `for dictionary "${dictionary.name}", but have ${coefficients.length} values`,
    );
  }
  if (dictionary.data.length !== kh * kw * atoms) {
    throw new InvalidInputError(
      `reconstruct: dictionary "${dictionary.name}" of shape [${kh}, ${kw}, ${atoms}] needs ${kh * kw * atoms} values, has ${dictionary.data.length}`,
    );
  }
  if (kh > height || kw > width) {
    throw new InvalidInputError(
      `reconstruct: kernels of dictionary "${dictionary.name}" are ${kh}×${kw}, larger than the ${height}×${width} image`,
    );
  }

  const sum = new Float64Array(height * width);
  const planeSize = height * width;
  for (let k = 0; k < atoms; k++) {
    const plane = k * planeSize;
    for (let p = 0; p < height; p++) {
      for (let q = 0; q < width; q++) {
        const x = coefficients[plane + p * width + q];
        if (x === 0) continue;
        // Stamp x · d_k with its top-left corner at (p, q), wrapping around the edges.
        for (let a = 0; a < kh; a++) {
          const row = ((p + a) % height) * width;
          for (let b = 0; b < kw; b++) {
            sum[row + ((q + b) % width)] += x * dictionary.data[(a * kw + b) * atoms + k];
          }
        }
      }
    }
  }
  return Float32Array.from(sum);
}
