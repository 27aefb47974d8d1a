import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

import { FileWriteError } from './errors.ts';

/**
 * Writes `data` to `path` atomically: the bytes go to a hidden temporary file
 * in the same directory, which is then renamed over `path`. A reader (or an
 * interrupted run) finds the old file or the whole new one, never a partial file.
 *
 * Throws `FileWriteError` naming the path when the folder cannot be created,
 * `path` is a folder, or the file cannot be written; the temporary file is
 * removed in every case.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const directory = dirname(path);
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    throw describeWriteError(path, error);
  }
  const temporary = join(directory, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw describeWriteError(path, error);
  }
}

/** Converts a Node file-system error on `path` into a `FileWriteError` that names the cause and the fix. */
function describeWriteError(path: string, error: unknown): FileWriteError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (error as Error).message;
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    // `mkdir` met a file where a folder of the path should be.
    return new FileWriteError(path, `cannot write ${path}: a part of its folder ${dirname(path)} is a file, not a folder; choose another path`, {
      cause: error,
    });
  }
  if (code === 'EISDIR') {
    return new FileWriteError(path, `cannot write ${path}: it is a folder; give the path of a file inside it`, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new FileWriteError(path, `cannot write ${path}: permission denied (${code}); choose a folder you can write to`, { cause: error });
  }
  return new FileWriteError(path, `cannot write ${path}: ${reason}`, { cause: error });
}
