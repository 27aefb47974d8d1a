import { describe, expect, it } from 'vitest';

import { InvalidInputError, readNpy } from '@heterosparse/core';
import { GOLDEN256_IMAGES, GOLDEN64_IMAGES, golden256, golden64 } from '@heterosparse/test-fixtures';

import { localContrastNormalise } from './local-contrast-normalise.ts';

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('localContrastNormalise', () => {
  // gray_*.npy → input_*.npy pairs were made with SPORCO's signal.local_contrast_normalise (test-fixtures/reference).
  const cases = [
    ...GOLDEN64_IMAGES.map((image) => ['golden64', image, golden64] as const),
    ...GOLDEN256_IMAGES.map((image) => ['golden256', image, golden256] as const),
  ];

  it.each(cases)('matches %s/%s', async (_set, image, path) => {
    const grey = await readNpy(path(`gray_${image}.npy`));
    const expected = await readNpy(path(`input_${image}.npy`));
    const [height, width] = grey.shape;
    const actual = localContrastNormalise(grey.data, height, width);

    expect(maxAbsDifference(actual, expected.data)).toBeLessThan(1e-5);
  });

  it('ignores the brightness offset', () => {
    const image = Float32Array.from({ length: 100 }, (_, i) => (i * 37) % 11);
    const shifted = image.map((value) => value + 50);

    expect(maxAbsDifference(localContrastNormalise(image, 10, 10), localContrastNormalise(shifted, 10, 10))).toBeLessThan(1e-4);
  });

  it('rejects a constant image', () => {
    expect(() => localContrastNormalise(new Float32Array(16).fill(3), 4, 4)).toThrow(InvalidInputError);
  });

  it('rejects a NaN by position', () => {
    const image = Float32Array.from({ length: 16 }, (_, i) => i);
    image[6] = Number.NaN;
    expect(() => localContrastNormalise(image, 4, 4)).toThrow(/contains NaN at row 1, column 2/);
  });

  it('rejects a size mismatch', () => {
    expect(() => localContrastNormalise(new Float32Array(10), 4, 4)).toThrow(/expects a 4×4 grey image/);
  });
});
