import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileReadError, PipelineValidationError } from '@heterosparse/core';

import { loadPipelineFile } from './load-pipeline.ts';

describe('loadPipelineFile', () => {
  let base: string;

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'load-pipeline-'));
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('skips a UTF-8 byte order mark', async () => {
    const file = join(base, 'bom.json');
    await writeFile(file, '\uFEFF{"name": "bom"}');
    expect(await loadPipelineFile(file)).toEqual({ name: 'bom' });
  });

  it('rejects an empty file by name', async () => {
    const file = join(base, 'empty.json');
    await writeFile(file, '\n');
    const load = loadPipelineFile(file);
    await expect(load).rejects.toThrow(PipelineValidationError);
    await expect(load).rejects.toThrow(/expected a JSON document, found an empty file/);
  });

  it('rejects text that is not JSON', async () => {
    const file = join(base, 'text.json');
    await writeFile(file, 'not json');
    await expect(loadPipelineFile(file)).rejects.toThrow(/found invalid JSON/);
  });

  it('rejects a folder as unreadable', async () => {
    const folder = join(base, 'folder.json');
    await mkdir(folder);
    const load = loadPipelineFile(folder);
    await expect(load).rejects.toThrow(FileReadError);
    await expect(load).rejects.toThrow(/folder.json: it is a folder; give the path of a .json pipeline file/);
  });
});
