/**
 * Writes the pipeline file schema to packages/pipeline/pipeline.schema.json.
 * Run after changing PIPELINE_SCHEMA: npx tsx tools/write-pipeline-schema.ts
 */
import { fileURLToPath } from 'node:url';

import { writeFileAtomic } from '@heterosparse/core';
import { PIPELINE_SCHEMA } from '@heterosparse/pipeline';

const target = fileURLToPath(new URL('../packages/pipeline/pipeline.schema.json', import.meta.url));
await writeFileAtomic(target, `${JSON.stringify(PIPELINE_SCHEMA, null, 2)}\n`);
console.log(`wrote ${target}`);
