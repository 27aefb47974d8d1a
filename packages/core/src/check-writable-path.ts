import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';

import { FileWriteError } from './errors.ts';

/**
 * Checks, before any work starts, that `writeFileAtomic(path, ...)` can
 * succeed: `path` is not a folder, and its nearest existing ancestor is a
 * folder (missing folders below it are created on write). Throws a
 * `FileWriteError` naming the path and the fix otherwise. Permissions are
 * not checked, so a read-only folder still fails at write time.
 */
export async function checkWritablePath(path: string): Promise<void> {
  const target = await statOrUndefined(path);
  if (target?.isDirectory()) {
    throw new FileWriteError(path, `cannot write ${path}: it is a folder; give a file name`);
  }
  let ancestor = dirname(path);
  for (;;) {
    const info = await statOrUndefined(ancestor);
    if (info !== undefined) {
      if (!info.isDirectory()) {
        throw new FileWriteError(path, `cannot write ${path}: ${ancestor} is a file, not a folder; choose another path`);
      }
      return;
    }
    const parent = dirname(ancestor);
    if (parent === ancestor) return;
    ancestor = parent;
  }
}

async function statOrUndefined(path: string): Promise<Awaited<ReturnType<typeof stat>> | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    // ENOTDIR: a component of the path is a file; the walk up reaches it and names it.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new FileWriteError(path, `cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}
