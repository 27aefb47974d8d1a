import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { writeFileAtomic } from './atomic-write.ts';
import { FileWriteError } from './errors.ts';

describe('writeFileAtomic', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'atomic-write-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the file and creates its folder', async () => {
    const path = join(folder, 'a', 'b', 'x.txt');
    await writeFileAtomic(path, 'hello');
    expect(await readFile(path, 'utf8')).toBe('hello');
    expect(await readdir(join(folder, 'a', 'b'))).toEqual(['x.txt']);
  });

  it('rejects a folder path that passes through a file', async () => {
    await writeFile(join(folder, 'note.txt'), 'kept');
    const write = writeFileAtomic(join(folder, 'note.txt', 'x.npy'), 'data');
    await expect(write).rejects.toThrow(FileWriteError);
    await expect(write).rejects.toThrow(/is a file, not a folder; choose another path/);
    expect(await readFile(join(folder, 'note.txt'), 'utf8')).toBe('kept');
  });

  it('rejects a target that is a folder and leaves no temporary file', async () => {
    await mkdir(join(folder, 'out.npy'));
    await expect(writeFileAtomic(join(folder, 'out.npy'), 'data')).rejects.toThrow(/out.npy: it is a folder/);
    expect(await readdir(folder)).toEqual(['out.npy']);
  });
});
