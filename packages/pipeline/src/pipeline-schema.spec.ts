import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { checkPipeline } from './check-pipeline.ts';
import { createAjv } from './create-ajv.ts';
import { PIPELINE_SCHEMA, PIPELINE_SCHEMA_ID } from './pipeline-schema.ts';
import { pipelineSchemaWithPlugins } from './pipeline-schema-with-plugins.ts';
import { createTestRegistry } from './testing/test-registry.ts';

const PUBLISHED = new URL('../pipeline.schema.json', import.meta.url);

describe('PIPELINE_SCHEMA', () => {
  it('matches the published pipeline.schema.json', () => {
    // After changing the schema, regenerate the file with: npx tsx tools/write-pipeline-schema.ts
    expect(JSON.parse(readFileSync(PUBLISHED, 'utf8'))).toEqual(PIPELINE_SCHEMA);
  });

  it('carries its $id', () => {
    expect(PIPELINE_SCHEMA.$id).toBe(PIPELINE_SCHEMA_ID);
  });
});

describe('pipelineSchemaWithPlugins', () => {
  const registry = createTestRegistry();
  const validate = createAjv().compile(pipelineSchemaWithPlugins(registry.list()));

  it('accepts a pipeline the validator accepts', () => {
    const document = { name: 'demo', stages: { noise: { plugin: 'pipeline/random-arrays', options: { count: 2 } } } };
    expect(checkPipeline(document, registry).problems).toEqual([]);
    expect(validate(document)).toBe(true);
  });

  it("checks options against the named plugin's schema", () => {
    const document = { name: 'demo', stages: { noise: { plugin: 'pipeline/random-arrays', options: { count: 'two' } } } };
    expect(validate(document)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toContain('/stages/noise/options/count');
  });

  it('lists plugin ids as examples for editors', () => {
    const stage = (pipelineSchemaWithPlugins(registry.list()).$defs as Record<string, { properties: { plugin: { examples: string[] } } }>).stage;
    expect(stage.properties.plugin.examples).toContain('pipeline/save-npy');
  });
});
