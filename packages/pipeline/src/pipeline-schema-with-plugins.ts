import type { JsonSchema, Plugin } from '@heterosparse/core';

import { PIPELINE_SCHEMA, STAGE_SCHEMA } from './pipeline-schema.ts';

/**
 * Returns the pipeline file schema extended with the given plugins: their
 * ids as `examples` of `plugin`, and one `if`/`then` rule per plugin that
 * applies the plugin's options schema to `options`. Editors then complete
 * and check options; the validator itself uses the base schema and checks
 * options plugin by plugin.
 */
export function pipelineSchemaWithPlugins(plugins: readonly Plugin<Record<string, unknown>>[]): JsonSchema {
  const properties = STAGE_SCHEMA.properties as Record<string, JsonSchema>;
  const stage: JsonSchema = {
    ...STAGE_SCHEMA,
    properties: { ...properties, plugin: { ...properties.plugin, examples: plugins.map((plugin) => plugin.id) } },
    allOf: plugins.map((plugin) => ({
      if: { properties: { plugin: { const: plugin.id } }, required: ['plugin'] },
      then: { properties: { options: { ...plugin.optionsSchema, description: plugin.description } } },
    })),
  };
  return { ...PIPELINE_SCHEMA, $defs: { stage } };
}
