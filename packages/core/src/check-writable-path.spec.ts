import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkWritablePath } from './check-writable-path.ts';
import { FileWriteError } from './errors.ts';

describe('checkWritablePath', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'heterosparse-writable-'));
    await writeFile(join(dir, 'file.txt'), 'x');
    await mkdir(join(dir, 'folder'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts a new file in an existing folder', async () => {
    await expect(checkWritablePath(join(dir, 'new.npy'))).resolves.toBeUndefined();
  });

  it('accepts a file below folders still to create', async () => {
    await expect(checkWritablePath(join(dir, 'a', 'b', 'new.npy'))).resolves.toBeUndefined();
  });

  it('accepts an existing file', async () => {
    await expect(checkWritablePath(join(dir, 'file.txt'))).resolves.toBeUndefined();
  });

  it('rejects a folder', async () => {
    await expect(checkWritablePath(join(dir, 'folder'))).rejects.toThrow(/it is a folder/);
  });

  it('rejects a path below a file', async () => {
    const error = await checkWritablePath(join(dir, 'file.txt', 'x', 'new.npy')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as Error).message).toMatch(/file\.txt is a file, not a folder/);
  });
});
