import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '@heterosparse/core';

import { psnr } from './psnr.ts';

describe('psnr', () => {
  it('uses the reference range as peak', () => {
    // Peak 3 − 0 = 3 and MSE = 1/4, so 10·log10(9 / 0.25) = 15.563025007672874 dB (NumPy).
    expect(psnr([0, 1, 2, 3], [0, 1, 2, 4])).toBeCloseTo(15.563025007672874, 12);
  });

  it('accepts a fixed peak', () => {
    // 10·log10(255² / 0.25) = 54.15140352195873 dB (NumPy).
    expect(psnr([0, 1, 2, 3], [0, 1, 2, 4], { peak: 255 })).toBeCloseTo(54.15140352195873, 12);
  });

  it('handles float32 input', () => {
    // 10⁶ errors of 1e-3 on a 0..1 reference: MSE = 1e-6, so 60 dB exactly.
    const reference = new Float32Array(1_000_000);
    reference[0] = 1;
    const estimate = reference.map((value) => value + 1e-3);
    expect(psnr(reference, estimate)).toBeCloseTo(60, 4);
  });

  it('is infinite for identical arrays', () => {
    expect(psnr([1, 2, 3], [1, 2, 3])).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects a constant reference without peak', () => {
    expect(() => psnr([2, 2, 2], [2, 2, 3])).toThrow(/pass a fixed peak/);
    expect(psnr([2, 2, 2], [2, 2, 3], { peak: 1 })).toBeCloseTo(10 * Math.log10(3), 12);
  });

  it('rejects invalid peaks', () => {
    expect(() => psnr([0, 1], [0, 1], { peak: 0 })).toThrow(/peak is 0/);
    expect(() => psnr([0, 1], [0, 1], { peak: Number.NaN })).toThrow(/peak is NaN/);
  });

  it('rejects empty, NaN and mismatched input', () => {
    expect(() => psnr([], [])).toThrow(InvalidInputError);
    expect(() => psnr([0, Number.NaN], [0, 1])).toThrow(/reference\[1\] is NaN/);
    expect(() => psnr([0, 1], [0, Number.POSITIVE_INFINITY])).toThrow(/estimate\[1\] is Infinity/);
    expect(() => psnr([0, 1], [0, 1, 2])).toThrow(/same shape/);
  });
});
