import { describe, expect, it } from 'vitest';

import { describeByDictionary } from './describe-by-dictionary.ts';
import type { MergedMetrics } from './merge-metrics.ts';

function row(imageId: string, dictionaryName: string, values: Record<string, number>): MergedMetrics {
  return { imageId, dictionaryName, values, details: {} };
}

describe('describeByDictionary', () => {
  it('describes every value per dictionary', () => {
    const summary = describeByDictionary([
      row('a', 'homogeneous', { psnr: 30, sparseness: 0.98 }),
      row('b', 'homogeneous', { psnr: 34, sparseness: 0.99 }),
      row('a', 'heterogeneous', { psnr: 29 }),
    ]);
    expect(Object.keys(summary)).toEqual(['homogeneous', 'heterogeneous']);
    expect(summary.homogeneous.psnr.median).toBe(32);
    expect(summary.homogeneous.psnr.count).toBe(2);
    expect(summary.homogeneous.sparseness.mean).toBeCloseTo(0.985, 15);
    expect(summary.heterogeneous.psnr.count).toBe(1);
    expect(summary.heterogeneous).not.toHaveProperty('sparseness');
  });

  it('counts only images with the value', () => {
    const summary = describeByDictionary([row('a', 'd', { psnr: 30, iterations: 100 }), row('b', 'd', { psnr: 31 })]);
    expect(summary.d.iterations.count).toBe(1);
    expect(summary.d.psnr.count).toBe(2);
  });

  it('names the image of an infinite value', () => {
    expect(() => describeByDictionary([row('a', 'd', { psnr: 30 }), row('b', 'd', { psnr: Infinity })])).toThrow(
      /psnr of image "b" with dictionary "d" is Infinity/,
    );
  });

  it('returns nothing for no rows', () => {
    expect(describeByDictionary([])).toEqual({});
  });
});
