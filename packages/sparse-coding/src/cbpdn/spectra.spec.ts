import { createRandom } from '@heterosparse/core';
import { createRealFft2d } from '@heterosparse/fft';
import { describe, expect, it } from 'vitest';

import { halfSpectrumSquaredNorm, padKernels } from './spectra.ts';

describe('halfSpectrumSquaredNorm', () => {
  it.each([
    [8, 8],
    [6, 5],
    [4, 7],
  ])('equals the spatial squared norm for %i×%i planes', async (height, width) => {
    // Parseval's theorem: Σ|x|² = Σ|X|² / (H·W) over the full spectrum.
    const random = createRandom(7);
    const plane = Float32Array.from({ length: height * width }, () => random.normal());
    const fft = await createRealFft2d(height, width, { backend: 'fftjs-bluestein' });
    const spectrum = new Float32Array(2 * height * fft.halfWidth);
    fft.forward(plane, spectrum, 1);
    fft.dispose();
    let expected = 0;
    for (const value of plane) expected += value * value;
    expect(halfSpectrumSquaredNorm(Float64Array.from(spectrum), height, width)).toBeCloseTo(expected, 4);
  });
});

describe('padKernels', () => {
  it('places each kernel at the top-left corner', () => {
    // Two 1×2 kernels stored [row, column, atom]: d_0 = [1, 2], d_1 = [3, 4].
    const planes = padKernels({
      image: new Float32Array(6),
      height: 2,
      width: 3,
      dictionary: new Float32Array([1, 3, 2, 4]),
      kernelHeight: 1,
      kernelWidth: 2,
      atoms: 2,
    });
    expect(Array.from(planes)).toEqual([1, 2, 0, 0, 0, 0, 3, 4, 0, 0, 0, 0]);
  });
});
