import { describe, expect, it } from 'vitest';
import { of } from 'rxjs';

import { definePlugin, fromSource } from './plugin.ts';
import { editDistance, PluginRegistry } from './registry.ts';

const source = definePlugin({
  id: 'test/source',
  description: 'Emits one array.',
  optionsSchema: { type: 'object' },
  inputs: {},
  output: 'array',
  create: () => fromSource(of({ kind: 'array', name: 'a', shape: [1], data: new Float32Array(1) })),
});

describe('PluginRegistry', () => {
  it('rejects a second plugin with the same id', () => {
    const registry = new PluginRegistry().register(source);
    expect(() => registry.register(source)).toThrow(/already registered/);
  });

  it('suggests the nearest id', () => {
    const registry = new PluginRegistry().register(source);
    expect(registry.nearest('test/sorce')).toBe('test/source');
  });
});

describe('editDistance', () => {
  it('counts the classic kitten to sitting example as 3', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
