import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '@heterosparse/core';
import { optionsValidator } from '@heterosparse/pipeline';

import { createDefaultRegistry } from './default-registry.ts';

/**
 * The plugin contract, checked on every plugin the command registers: an id
 * `package/name`, an options schema that compiles in ajv's strict mode,
 * rejects unknown options, and describes every option, and defaults that
 * pass the schema.
 */
const plugins = createDefaultRegistry().list();

describe.each(plugins.map((plugin) => [plugin.id, plugin] as const))('plugin %s', (id, plugin) => {
  it('has an id of the form package/name', () => {
    expect(id).toMatch(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/);
  });

  it('has an options schema that compiles', () => {
    expect(() => optionsValidator(plugin)).not.toThrow();
  });

  it('rejects unknown options', () => {
    expect(plugin.optionsSchema.additionalProperties).toBe(false);
  });

  it('describes every option', () => {
    const properties = (plugin.optionsSchema.properties ?? {}) as Record<string, JsonSchema>;
    const undescribed = Object.keys(properties).filter((name) => typeof properties[name].description !== 'string');
    expect(undescribed).toEqual([]);
  });

  it('describes every input port', () => {
    for (const port of Object.values(plugin.inputs)) expect(port.description.length).toBeGreaterThan(0);
  });
});

describe('default registry', () => {
  it('contains the plugins of the pipeline package', () => {
    expect(plugins.map((plugin) => plugin.id)).toEqual(expect.arrayContaining(['pipeline/random-arrays', 'pipeline/save-npy']));
  });
});
