import { describe, expect, it } from 'vitest';

import type { MetricsItem } from '@heterosparse/core';

import { activationBins, formatDegrees, thetaSector } from './activation.ts';

/** Creates a metrics item whose activation groups are given as [value, atoms, l1, nonzeros] rows. */
function item(dictionaryName: string, theta: number[][], bTheta?: number[][]): MetricsItem {
  const groups = (rows: number[][]) => rows.map(([value, atoms, l1, nonzeros]) => ({ value, atoms, l1, nonzeros }));
  const activation = bTheta === undefined ? { theta: groups(theta) } : { theta: groups(theta), bTheta: groups(bTheta) };
  return { kind: 'metrics', imageId: 'a', dictionaryName, values: {}, details: { activation } };
}

const QUARTER = Math.PI / 4;

describe('activationBins', () => {
  it('sums images and merges sectors', () => {
    const metrics = [
      item('bank', [[0, 1, 1, 1], [QUARTER, 1, 1, 1], [2 * QUARTER, 1, 2, 1], [3 * QUARTER, 1, 0, 1]]),
      item('bank', [[0, 1, 1, 0], [QUARTER, 1, 1, 0], [2 * QUARTER, 1, 2, 2], [3 * QUARTER, 1, 2, 2]]),
      item('other', [[0, 1, 100, 100]]),
    ];
    const bins = activationBins(metrics, 'bank', 'theta', thetaSector(2));
    // θ = π/4 rounds to sector 1 (π/2); θ = 3π/4 rounds to sector 2, which wraps to sector 0.
    expect(bins?.centres).toEqual([0, Math.PI / 2]);
    expect(bins?.atoms).toEqual([2, 2]);
    expect(bins?.l1Share).toEqual([4 / 10, 6 / 10]);
    expect(bins?.nonzeroShare).toEqual([4 / 8, 4 / 8]);
  });

  it('keeps exact bandwidth groups', () => {
    const bins = activationBins([item('bank', [], [[Math.PI / 36, 2, 3, 0], [Math.PI / 18, 2, 1, 0]])], 'bank', 'bTheta');
    expect(bins?.centres.map(formatDegrees)).toEqual(['5°', '10°']);
    expect(bins?.l1Share).toEqual([0.75, 0.25]);
    expect(bins?.nonzeroShare).toEqual([0, 0]);
  });

  it('returns undefined without groups', () => {
    expect(activationBins([item('bank', [[0, 1, 1, 1]])], 'bank', 'bTheta')).toBeUndefined();
    expect(activationBins([item('bank', [[0, 1, 1, 1]])], 'missing', 'theta')).toBeUndefined();
  });
});

describe('formatDegrees', () => {
  it('keeps one decimal', () => {
    expect(formatDegrees(Math.PI / 24)).toBe('7.5°');
    expect(formatDegrees(Math.PI / 15)).toBe('12°');
  });
});
