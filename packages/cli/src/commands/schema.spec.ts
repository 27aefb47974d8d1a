import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { PIPELINE_SCHEMA_ID } from '@heterosparse/pipeline';

import { runCli } from '../main.ts';
import { createBufferIo } from '../testing/buffer-io.ts';

describe('heterosparse schema', () => {
  it('prints the schema with plugin rules', async () => {
    const io = createBufferIo(process.cwd());
    expect(await runCli(['schema'], io)).toBe(0);
    const schema = JSON.parse(io.out()) as { $id: string; $defs: { stage: { allOf: unknown[] } } };
    expect(schema.$id).toBe(PIPELINE_SCHEMA_ID);
    expect(schema.$defs.stage.allOf.length).toBeGreaterThanOrEqual(2);
  });

  it('writes the schema to --out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'heterosparse-schema-'));
    try {
      const io = createBufferIo(dir);
      expect(await runCli(['schema', '--out', 'schema.json'], io)).toBe(0);
      expect(io.out()).toBe('');
      expect(JSON.parse(await readFile(join(dir, 'schema.json'), 'utf8'))).toHaveProperty('$id', PIPELINE_SCHEMA_ID);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
