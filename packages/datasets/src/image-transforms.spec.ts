import { describe, expect, it } from 'vitest';

import type { ImageItem } from '@heterosparse/core';
import { InvalidInputError } from '@heterosparse/core';

import { centerCrop } from './center-crop.ts';
import { preprocessImage } from './preprocess.ts';
import { resampleTaps, resizeImage } from './resize.ts';
import { toGrey } from './to-grey.ts';

function image(height: number, width: number, channels: number, values: ArrayLike<number>): ImageItem {
  return { kind: 'image', id: 'test', height, width, channels, data: Float32Array.from(values), steps: [] };
}

describe('toGrey', () => {
  it('weights R, G and B by BT.601 luma', () => {
    const grey = toGrey(image(1, 2, 3, [100, 0, 0, 10, 20, 30]));

    expect(grey.channels).toBe(1);
    expect(grey.data[0]).toBeCloseTo(29.9, 5);
    expect(grey.data[1]).toBeCloseTo(0.299 * 10 + 0.587 * 20 + 0.114 * 30, 5);
    expect(grey.steps).toEqual(['grey']);
  });

  it('passes grey pixels unchanged', () => {
    expect([...toGrey(image(1, 2, 1, [3, 4])).data]).toEqual([3, 4]);
  });

  it('rejects two channels', () => {
    expect(() => toGrey(image(1, 1, 2, [1, 2]))).toThrow(InvalidInputError);
  });
});

describe('centerCrop', () => {
  it('keeps the middle columns of a wide image', () => {
    const cropped = centerCrop(image(2, 4, 1, [0, 1, 2, 3, 4, 5, 6, 7]));

    expect([cropped.height, cropped.width]).toEqual([2, 2]);
    expect([...cropped.data]).toEqual([1, 2, 5, 6]);
  });

  it('cuts the odd extra row at the bottom', () => {
    const cropped = centerCrop(image(4, 1, 1, [0, 1, 2, 3]));

    expect([...cropped.data]).toEqual([1]);
  });

  it('keeps every channel', () => {
    const cropped = centerCrop(image(1, 3, 3, [0, 0, 0, 1, 2, 3, 9, 9, 9]));

    expect([...cropped.data]).toEqual([1, 2, 3]);
  });
});

describe('resampleTaps', () => {
  it('averages pairs when halving', () => {
    expect(resampleTaps(4, 2)).toEqual([
      { indices: [0, 1], weights: [0.5, 0.5] },
      { indices: [2, 3], weights: [0.5, 0.5] },
    ]);
  });

  it('splits a pixel shared by two outputs', () => {
    // 3 → 2: output 0 covers [0, 1.5), output 1 covers [1.5, 3).
    expect(resampleTaps(3, 2)[0]).toEqual({ indices: [0, 1], weights: [1 / 1.5, 0.5 / 1.5] });
  });

  it('interpolates between centres when doubling', () => {
    // Output 1 of 4 sits at input coordinate 0.25.
    expect(resampleTaps(2, 4)[1]).toEqual({ indices: [0, 1], weights: [0.75, 0.25] });
  });
});

describe('resizeImage', () => {
  it('preserves the mean when shrinking', () => {
    const values = Array.from({ length: 36 }, (_, i) => (i * 7) % 13);
    const resized = resizeImage(image(6, 6, 1, values), 4);
    const mean = (data: ArrayLike<number>): number => Array.from(data).reduce((a, b) => a + b, 0) / data.length;

    expect([resized.height, resized.width]).toEqual([4, 4]);
    expect(mean(resized.data)).toBeCloseTo(mean(values), 5);
  });

  it('keeps the aspect ratio', () => {
    const resized = resizeImage(image(4, 8, 3, new Array(96).fill(1)), 2);

    expect([resized.height, resized.width, resized.channels]).toEqual([2, 4, 3]);
    expect(resized.data.every((value) => Math.abs(value - 1) < 1e-6)).toBe(true);
  });

  it('rejects a zero size', () => {
    expect(() => resizeImage(image(2, 2, 1, [1, 2, 3, 4]), 0)).toThrow(InvalidInputError);
  });
});

describe('preprocessImage', () => {
  it('records every step in order', () => {
    const values = Array.from({ length: 8 * 10 * 3 }, (_, i) => (i * 31) % 255);
    const result = preprocessImage(image(8, 10, 3, values), { size: 4, lcn: true });

    expect(result.steps).toEqual(['grey', 'crop', 'resize', 'lcn']);
    expect([result.height, result.width, result.channels]).toEqual([4, 4, 1]);
  });
});
