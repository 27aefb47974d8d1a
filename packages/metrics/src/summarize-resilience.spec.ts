import { describe, expect, it } from 'vitest';

import type { MergedMetrics } from './merge-metrics.ts';
import { summarizeResilience } from './summarize-resilience.ts';

function row(imageId: string, dictionaryName: string, resilience: unknown): MergedMetrics {
  return { imageId, dictionaryName, values: {}, details: resilience === undefined ? {} : { resilience } };
}

function point(cutoff: number, psnr: number, sparseness: number) {
  return { cutoff, psnr, sparseness, nonzeros: Math.round((1 - sparseness) * 1000) };
}

describe('summarizeResilience', () => {
  it('takes statistics per cut-off', () => {
    const summary = summarizeResilience([
      row('a', 'd', [point(0.1, 30, 0.99), point(0.5, 20, 0.995)]),
      row('b', 'd', [point(0.5, 22, 0.997), point(0.1, 32, 0.991)]),
      row('c', 'd', [point(0.1, 34, 0.992)]),
      row('a', 'e', undefined),
    ]);
    expect(Object.keys(summary)).toEqual(['d']);
    expect(summary.d.map((entry) => entry.cutoff)).toEqual([0.1, 0.5]);
    expect(summary.d[0].psnr.median).toBe(32);
    expect(summary.d[0].psnr.count).toBe(3);
    expect(summary.d[1].psnr.median).toBe(21);
    expect(summary.d[1].sparseness.median).toBeCloseTo(0.996, 15);
    expect(summary.d[0].nonzeros.max).toBe(10);
  });

  it('rejects a malformed curve', () => {
    expect(() => summarizeResilience([row('a', 'd', [{ cutoff: 0.1, psnr: '30' }])])).toThrow(
      /details.resilience of image "a" with dictionary "d" is not a list/,
    );
  });
});
