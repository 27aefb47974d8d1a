import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '@heterosparse/core';

import { prepareRunDirectory } from './run-directory.ts';

describe('prepareRunDirectory', () => {
  let base: string;

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'run-directory-'));
  });

  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('creates missing parents', async () => {
    await prepareRunDirectory(join(base, 'a', 'b', 'run'));
    expect(await readdir(join(base, 'a', 'b'))).toEqual(['run']);
  });

  it('accepts an existing empty directory', async () => {
    await mkdir(join(base, 'run'));
    await prepareRunDirectory(join(base, 'run'));
    expect(await readdir(join(base, 'run'))).toEqual([]);
  });

  it('rejects a path that is a file and keeps it', async () => {
    const file = join(base, 'notes.txt');
    await writeFile(file, 'kept');
    const prepare = prepareRunDirectory(file);
    await expect(prepare).rejects.toThrow(UsageError);
    await expect(prepare).rejects.toThrow(/notes.txt is a file, not a directory; choose another directory with --out/);
    expect(await readFile(file, 'utf8')).toBe('kept');
  });

  it('rejects a path below a file', async () => {
    await writeFile(join(base, 'notes.txt'), 'kept');
    await expect(prepareRunDirectory(join(base, 'notes.txt', 'run'))).rejects.toThrow(/notes.txt is a file, not a directory/);
  });

  // A recursive mkdir of Node 20.20 never returns for a path under /proc.
  it.skipIf(!existsSync('/proc/self'))('rejects a directory under /proc', async () => {
    await expect(prepareRunDirectory('/proc/heterosparse-run')).rejects.toThrow(/cannot create the run directory \/proc\/heterosparse-run/);
  });
});
