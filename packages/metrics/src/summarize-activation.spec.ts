import { describe, expect, it } from 'vitest';

import type { MergedMetrics } from './merge-metrics.ts';
import { summarizeActivation } from './summarize-activation.ts';

function group(value: number, atoms: number, l1: number, nonzeros: number) {
  return { value, atoms, l1, nonzeros, nonzeroFraction: 0, l1Fraction: 0, nonzerosPerAtom: 0 };
}

function row(imageId: string, activation: unknown): MergedMetrics {
  return { imageId, dictionaryName: 'd', values: {}, details: { activation } };
}

describe('summarizeActivation', () => {
  it('sums groups over images', () => {
    const summary = summarizeActivation([
      row('a', { theta: [group(0, 2, 1, 2), group(1, 2, 3, 6)] }),
      row('b', { theta: [group(1, 2, 1, 2), group(0, 2, 5, 10)] }),
    ]);
    const theta = summary.d.theta ?? [];
    expect(theta.map((g) => g.value)).toEqual([0, 1]);
    expect(theta.map((g) => g.nonzeros)).toEqual([12, 8]);
    expect(theta.map((g) => g.l1)).toEqual([6, 4]);
    expect(theta.map((g) => g.nonzeroFraction)).toEqual([0.6, 0.4]);
    expect(theta.map((g) => g.l1Fraction)).toEqual([0.6, 0.4]);
    expect(theta.map((g) => g.images)).toEqual([2, 2]);
    // 12 nonzeros over 2 atoms and 2 images.
    expect(theta.map((g) => g.nonzerosPerAtom)).toEqual([3, 2]);
    expect(summary.d).not.toHaveProperty('bTheta');
  });

  it('rejects malformed details', () => {
    expect(() => summarizeActivation([row('a', { theta: [{ value: 0 }] })])).toThrow(
      /details.activation of image "a" with dictionary "d" is not/,
    );
    expect(() => summarizeActivation([row('a', 3)])).toThrow(/details.activation/);
  });
});
