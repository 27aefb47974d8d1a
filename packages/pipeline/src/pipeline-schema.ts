import type { JsonSchema } from '@heterosparse/core';

/**
 * Identifier of the pipeline file schema. It names the schema version and is
 * not a web address: editors find the schema through the relative path a
 * pipeline file gives in `$schema` (`pipeline.schema.json` in this package).
 */
export const PIPELINE_SCHEMA_ID = 'urn:heterosparse:pipeline-schema:1';

/** Stage ids appear in `--set` paths and file names, so they exclude dots and slashes. */
export const STAGE_ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*$';

/** Plugin ids are `package/name` in lower case. */
export const PLUGIN_ID_PATTERN = '^[a-z][a-z0-9-]*/[a-z][a-z0-9-]*$';

/** The schema of one stage; `pipelineSchema` adds per-plugin option schemas to it. */
export const STAGE_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'One stage: a plugin, the stages it reads from, and its options.',
  required: ['plugin'],
  additionalProperties: false,
  properties: {
    plugin: {
      type: 'string',
      pattern: PLUGIN_ID_PATTERN,
      description: 'Id of the plugin that implements the stage, `package/name` (`heterosparse plugins` lists them).',
    },
    description: { type: 'string', description: 'Free text for readers of the file.' },
    inputs: {
      type: 'object',
      description: 'Input port name → id of the upstream stage, or a list of ids for ports that accept several.',
      default: {},
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
      additionalProperties: {
        description: 'A stage id, or a non-empty list of stage ids.',
        anyOf: [
          { type: 'string', pattern: STAGE_ID_PATTERN },
          { type: 'array', minItems: 1, items: { type: 'string', pattern: STAGE_ID_PATTERN } },
        ],
      },
    },
    options: {
      type: 'object',
      description: "Options of the plugin, checked against the plugin's own schema.",
      default: {},
    },
  },
};

/** The JSON Schema (draft 2020-12) of a pipeline file. */
export const PIPELINE_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: PIPELINE_SCHEMA_ID,
  title: 'heterosparse pipeline',
  description: 'A directed acyclic graph of stages, each implemented by a registered plugin.',
  type: 'object',
  required: ['name', 'stages'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Path or URI of this schema, for editors; ignored by the runtime.' },
    name: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
      maxLength: 100,
      description: 'Pipeline name; run directories are named `<name>-<time>`.',
    },
    description: { type: 'string', description: 'Free text for readers of the file.' },
    seed: {
      type: 'integer',
      minimum: 0,
      maximum: 4294967295,
      default: 0,
      description: 'Seed of the run (unsigned 32-bit); each stage derives its own seed from it and its id.',
    },
    stages: {
      type: 'object',
      description: 'Stage id → stage. Ids start with a letter and contain letters, digits, `_` and `-`.',
      minProperties: 1,
      propertyNames: { pattern: STAGE_ID_PATTERN },
      additionalProperties: { $ref: '#/$defs/stage' },
    },
  },
  $defs: { stage: STAGE_SCHEMA },
};
