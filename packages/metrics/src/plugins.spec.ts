import { describe, expect, it } from 'vitest';
import { PluginRegistry } from '@heterosparse/core';
import { checkPluginOptions } from '@heterosparse/pipeline';

import { registerMetricsPlugins } from './plugins.ts';

const registry = registerMetricsPlugins(new PluginRegistry());

function plugin(id: string) {
  const found = registry.get(id);
  if (found === undefined) throw new Error(`plugin ${id} is not registered`);
  return found;
}

describe('registerMetricsPlugins', () => {
  it('registers three plugins', () => {
    expect(registry.list().map((p) => p.id)).toEqual(['metrics/code-metrics', 'metrics/resilience', 'metrics/summary']);
  });

  it('fills option defaults', () => {
    const code: Record<string, unknown> = {};
    const resilience: Record<string, unknown> = {};
    const summary: Record<string, unknown> = {};
    expect(checkPluginOptions(plugin('metrics/code-metrics'), code, '/options')).toEqual([]);
    expect(checkPluginOptions(plugin('metrics/resilience'), resilience, '/options')).toEqual([]);
    expect(checkPluginOptions(plugin('metrics/summary'), summary, '/options')).toEqual([]);
    expect(code).toEqual({ peak: null });
    expect(resilience).toEqual({ cutoffs: [0.001, 0.1, 0.2, 0.3, 0.5], peak: null });
    expect(summary).toEqual({ tests: [], sharedImagesOnly: true, csvFile: 'results.csv' });
  });

  it('fills test method defaults', () => {
    const options: Record<string, unknown> = {
      tests: [{ name: 'sparser', metric: 'sparseness', greater: 'heterogeneous', less: 'homogeneous' }],
    };
    expect(checkPluginOptions(plugin('metrics/summary'), options, '/options')).toEqual([]);
    expect((options.tests as { method: string }[])[0].method).toBe('auto');
  });

  it('rejects invalid options', () => {
    expect(checkPluginOptions(plugin('metrics/code-metrics'), { peak: 0 }, '/options')).not.toEqual([]);
    expect(checkPluginOptions(plugin('metrics/resilience'), { cutoffs: [-1] }, '/options')).not.toEqual([]);
    expect(checkPluginOptions(plugin('metrics/resilience'), { cutoffs: [] }, '/options')).not.toEqual([]);
    expect(checkPluginOptions(plugin('metrics/summary'), { csvFile: '../out.csv' }, '/options')).not.toEqual([]);
    expect(checkPluginOptions(plugin('metrics/summary'), { tests: [{ name: 'x' }] }, '/options')).not.toEqual([]);
    expect(checkPluginOptions(plugin('metrics/summary'), { unknown: 1 }, '/options')).not.toEqual([]);
  });
});
