import { mkdir, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { UsageError } from '@heterosparse/core';

/** Files the runtime writes into every run directory; stages cannot write these names. */
export const RUN_FILES = { pipeline: 'pipeline.json', results: 'results.json', log: 'run.log' } as const;

/**
 * Returns `<base>/<name>-<yyyymmdd-hhmmss>` in UTC, adding `-2`, `-3`, … when
 * that directory already exists (two runs started in the same second).
 */
export function defaultRunDirectory(base: string, name: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const first = join(base, `${name}-${stamp}`);
  let candidate = first;
  for (let n = 2; existsSync(candidate); n++) candidate = `${first}-${n}`;
  return candidate;
}

/**
 * Creates the run directory, parents included. An existing directory must be
 * empty, so that files of an earlier run never mix with this one's. Throws
 * `UsageError` for a directory that is not empty, and for a path that is a
 * file, lies below a file or cannot be created.
 */
export async function prepareRunDirectory(path: string): Promise<void> {
  await makeDirectories(path);
  const entries = await readdir(path);
  if (entries.length > 0) {
    throw new UsageError(
      `the run directory ${path} is not empty (it contains ${entries.length} entries); choose a new directory with --out or delete this one`,
    );
  }
}

/**
 * Creates `path` and its missing parents one level at a time, because
 * `mkdir(path, { recursive: true })` of Node 20.20 never returns for a path
 * under `/proc` (it retries ENOENT forever).
 */
async function makeDirectories(path: string): Promise<void> {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    const found = await stat(current).catch((error: NodeJS.ErrnoException) => {
      // ENOTDIR: a parent is a file, which the walk up reports by name.
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw new UsageError(`cannot create the run directory ${path}: ${error.message}; choose another directory with --out`, { cause: error });
    });
    if (found !== undefined) {
      if (!found.isDirectory()) {
        throw new UsageError(`cannot create the run directory ${path}: ${current} is a file, not a directory; choose another directory with --out`);
      }
      break;
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const directory of missing) {
    try {
      await mkdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new UsageError(`cannot create the run directory ${path}: ${(error as Error).message}; choose another directory with --out`, {
        cause: error,
      });
    }
  }
}
