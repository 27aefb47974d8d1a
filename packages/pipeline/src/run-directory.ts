import { mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

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
 * empty, so that files of an earlier run never mix with this one's; otherwise
 * throws `UsageError`.
 */
export async function prepareRunDirectory(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
  const entries = await readdir(path);
  if (entries.length > 0) {
    throw new UsageError(
      `the run directory ${path} is not empty (it contains ${entries.length} entries); choose a new directory with --out or delete this one`,
    );
  }
}
