import { describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '@heterosparse/core';

import { compareDictionaries } from './compare-dictionaries.ts';
import type { MergedMetrics } from './merge-metrics.ts';

function row(imageId: string, dictionaryName: string, values: Record<string, number>): MergedMetrics {
  return { imageId, dictionaryName, values, details: {} };
}

// The Shier (2004) ages, used as the worked example of scipy.stats.mannwhitneyu:
// males greater than females, exact one-sided p = 0.05555555555555555, U = 17.
const males = [19, 22, 16, 29, 24];
const females = [20, 11, 17, 12];
const rows = [
  ...males.map((age, i) => row(`m${i}`, 'males', { age })),
  ...females.map((age, i) => row(`f${i}`, 'females', { age })),
];
const spec = { name: 'males older', metric: 'age', greater: 'males', less: 'females' };

describe('compareDictionaries', () => {
  it('runs the one-sided test', () => {
    const result = compareDictionaries(rows, spec, { sharedImagesOnly: false });
    expect(result.statistic).toBe(17);
    expect(result.p).toBeCloseTo(0.05555555555555555, 15);
    expect(result.alternative).toBe('greater');
    expect(result.method).toBe('exact');
    expect([result.n1, result.n2]).toEqual([5, 4]);
    expect(result.name).toBe('males older');
  });

  it('keeps shared images only', () => {
    const logs: LogRecord[] = [];
    const paired = [
      row('a', 'x', { s: 3 }),
      row('b', 'x', { s: 4 }),
      row('c', 'x', { s: 5 }),
      row('a', 'y', { s: 1 }),
      row('b', 'y', { s: 2 }),
      row('d', 'y', { s: 0 }),
    ];
    const result = compareDictionaries(
      paired,
      { name: 't', metric: 's', greater: 'x', less: 'y' },
      { logger: createLogger((record) => logs.push(record), 'debug') },
    );
    // Samples [3, 4] and [1, 2]: U = 4 = n1·n2, exact p = 1/C(4, 2) = 1/6.
    expect([result.n1, result.n2]).toEqual([2, 2]);
    expect(result.statistic).toBe(4);
    expect(result.p).toBeCloseTo(1 / 6, 15);
    expect(logs).toHaveLength(1);
    expect(logs[0].level).toBe('warn');
    expect(logs[0].message).toMatch(/left out image\(s\) c, d/);
  });

  it('rejects a missing dictionary', () => {
    expect(() => compareDictionaries(rows, { ...spec, less: 'others' }, { sharedImagesOnly: false })).toThrow(
      /no age values for dictionary "others" \(dictionaries with metrics: "males", "females"\)/,
    );
  });

  it('rejects a missing metric', () => {
    expect(() => compareDictionaries(rows, { ...spec, metric: 'height' }, { sharedImagesOnly: false })).toThrow(
      /no height values for dictionary "males"/,
    );
  });

  it('rejects infinite values', () => {
    const bad = [...rows, row('m9', 'males', { age: Number.POSITIVE_INFINITY })];
    expect(() => compareDictionaries(bad, spec, { sharedImagesOnly: false })).toThrow(/age of image "m9" .* is Infinity/);
  });
});
