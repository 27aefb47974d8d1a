import { InvalidInputError } from '@heterosparse/core';

import { checkFinitePixels } from './check-finite-pixels.ts';

/** Half-width n of the 15×15 Gaussian window, and of the symmetric padding. */
const HALF_WIDTH = 7;

/**
 * Weights of one axis of the window: a Gaussian with standard deviation 1
 * sampled at `linspace(−3, 3, 15)`, normalised so that the 2-D outer product
 * sums to 1 (as SPORCO's `signal.gaussian` builds it).
 */
function gaussianWeights(): Float64Array {
  const size = 2 * HALF_WIDTH + 1;
  const weights = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    const x = -3 + (6 * i) / (size - 1);
    weights[i] = Math.exp(-0.5 * x * x);
    sum += weights[i];
  }
  for (let i = 0; i < size; i++) weights[i] /= sum;
  return weights;
}

/** Index of `i` in [0, n) after symmetric (edge-including) reflection, NumPy's `pad(mode='symmetric')`. */
function reflectSymmetric(i: number, n: number): number {
  const period = 2 * n;
  const k = ((i % period) + period) % period;
  return k < n ? k : period - 1 - k;
}

/**
 * Smooths a `[height, width]` array with the separable window, with circular
 * boundaries: `out[i, j] = Σ_a Σ_b w[a] w[b] x[(i + n − a) mod H, (j + n − b) mod W]`,
 * which is the FFT convolution with the window at the top-left corner rolled back by n.
 */
function smoothCircular(values: Float64Array, height: number, width: number, weights: Float64Array): Float64Array {
  const taps = weights.length;
  const across = new Float64Array(values.length);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      let sum = 0;
      for (let b = 0; b < taps; b++) sum += weights[b] * values[i * width + ((j + HALF_WIDTH - b + width) % width)];
      across[i * width + j] = sum;
    }
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      let sum = 0;
      for (let a = 0; a < taps; a++) sum += weights[a] * across[((i + HALF_WIDTH - a + height) % height) * width + j];
      out[i * width + j] = sum;
    }
  }
  return out;
}

/**
 * Local contrast normalisation of a grey image, as SPORCO's
 * `signal.local_contrast_normalise` with its defaults (n = 7, c = None):
 *
 * 1. pad by 7 pixels on each side with symmetric reflection;
 * 2. subtract the local mean, the padded image smoothed by a 15×15 Gaussian window;
 * 3. compute the local norm, the square root of the smoothed squared result (negative values clipped to 0);
 * 4. floor the local norm at its mean over the padded image, and divide by it;
 * 5. crop the padding away.
 *
 * Both smoothings wrap around the padded image (circular convolution).
 *
 * @param image pixels, shape `[height, width]`, row-major
 * @returns the normalised image, same shape, float32 (computed in float64)
 */
export function localContrastNormalise(image: Float32Array, height: number, width: number): Float32Array {
  if (height < 1 || width < 1 || image.length !== height * width) {
    throw new InvalidInputError(`local contrast normalisation expects a ${height}×${width} grey image (${height * width} values), found ${image.length} values`);
  }
  // A NaN would otherwise spread through both smoothings and be reported as a constant image.
  checkFinitePixels(image, height, width, 1, 'the image given to local contrast normalisation');
  const weights = gaussianWeights();
  const paddedHeight = height + 2 * HALF_WIDTH;
  const paddedWidth = width + 2 * HALF_WIDTH;

  // Step 1: symmetric padding.
  const padded = new Float64Array(paddedHeight * paddedWidth);
  for (let i = 0; i < paddedHeight; i++) {
    const source = reflectSymmetric(i - HALF_WIDTH, height);
    for (let j = 0; j < paddedWidth; j++) padded[i * paddedWidth + j] = image[source * width + reflectSymmetric(j - HALF_WIDTH, width)];
  }

  // Step 2: subtract the local mean.
  const mean = smoothCircular(padded, paddedHeight, paddedWidth, weights);
  const centred = new Float64Array(padded.length);
  const squared = new Float64Array(padded.length);
  for (let k = 0; k < padded.length; k++) {
    centred[k] = padded[k] - mean[k];
    squared[k] = centred[k] * centred[k];
  }

  // Step 3: local norm.
  const norm = smoothCircular(squared, paddedHeight, paddedWidth, weights);
  let normSum = 0;
  for (let k = 0; k < norm.length; k++) {
    norm[k] = Math.sqrt(Math.max(norm[k], 0));
    normSum += norm[k];
  }

  // Steps 4 and 5: floor at the mean norm, divide, crop.
  const floor = normSum / norm.length;
  // A constant image leaves only rounding noise in the norm (about 1e-16 of the pixel scale).
  let peak = 0;
  for (const value of image) peak = Math.max(peak, Math.abs(value));
  if (!(floor > 1e-10 * peak)) {
    throw new InvalidInputError(
      `local contrast normalisation of a constant ${height}×${width} image divides by a zero local norm; remove the image or leave out the normalisation`,
    );
  }
  const out = new Float32Array(height * width);
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const k = (i + HALF_WIDTH) * paddedWidth + j + HALF_WIDTH;
      out[i * width + j] = centred[k] / Math.max(norm[k], floor);
    }
  }
  return out;
}
