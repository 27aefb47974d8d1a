import { describe, expect, it } from 'vitest';
import type { MetricsItem } from '@heterosparse/core';

import { mergeMetrics } from './merge-metrics.ts';

function item(imageId: string, dictionaryName: string, values: Record<string, number>, details?: Record<string, unknown>): MetricsItem {
  return { kind: 'metrics', imageId, dictionaryName, values, details };
}

describe('mergeMetrics', () => {
  it('merges items of one pair', () => {
    const rows = mergeMetrics([item('a', 'd', { psnr: 30 }, { activation: {} }), item('a', 'd', {}, { resilience: [] })]);
    expect(rows).toHaveLength(1);
    expect(rows[0].values).toEqual({ psnr: 30 });
    expect(Object.keys(rows[0].details)).toEqual(['activation', 'resilience']);
  });

  it('sorts by image then dictionary', () => {
    const rows = mergeMetrics([item('b', 'x', {}), item('a', 'y', {}), item('a', 'x', {})]);
    expect(rows.map((row) => `${row.imageId}/${row.dictionaryName}`)).toEqual(['a/x', 'a/y', 'b/x']);
  });

  it('accepts an equal repeated value', () => {
    expect(mergeMetrics([item('a', 'd', { psnr: 30 }), item('a', 'd', { psnr: 30 })])[0].values.psnr).toBe(30);
  });

  it('rejects conflicting values', () => {
    expect(() => mergeMetrics([item('a', 'd', { psnr: 30 }), item('a', 'd', { psnr: 31 })])).toThrow(
      /image "a" with dictionary "d" give psnr twice \(30 and 31\)/,
    );
  });

  it('rejects repeated details', () => {
    expect(() => mergeMetrics([item('a', 'd', {}, { resilience: [] }), item('a', 'd', {}, { resilience: [] })])).toThrow(
      /details.resilience twice/,
    );
  });

  it('returns nothing for no items', () => {
    expect(mergeMetrics([])).toEqual([]);
  });
});
