import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';

import type { Logger } from '@heterosparse/core';
import { FileReadError } from '@heterosparse/core';

/** Extensions of the notes (README, licences) that image folders often contain. */
const NOTE_EXTENSIONS = new Set(['.md', '.txt', '.rst', '.json', '.csv']);

/**
 * Lists the files of `folder` (not recursive) whose extension is in
 * `extensions` (case-insensitive, with the dot), sorted by name in code-point
 * order so that every platform and locale reads them in the same order. Other
 * files are skipped with a warning, except hidden files and notes that image
 * folders usually contain (README, licence and text files), which are logged
 * at debug level; subfolders are skipped silently.
 *
 * @returns absolute paths of the matching files
 */
export async function listFolder(folder: string, extensions: readonly string[], logger: Logger): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw new FileReadError(folder, `cannot list the folder ${folder}: ${(error as Error).message}; check the "path" option`, {
      cause: error,
    });
  }
  const wanted = new Set(extensions.map((extension) => extension.toLowerCase()));
  const names = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const files: string[] = [];
  for (const name of names) {
    if (wanted.has(extname(name).toLowerCase())) {
      files.push(join(folder, name));
    } else if (name.startsWith('.') || NOTE_EXTENSIONS.has(extname(name).toLowerCase())) {
      logger.debug(`skipping ${join(folder, name)}: not an image`);
    } else {
      logger.warn(`skipping ${join(folder, name)}: its extension is not one of ${[...wanted].join(', ')}`);
    }
  }
  return files;
}

/** Makes stable item ids from file stems; a second file with the same stem keeps its extension. */
export function createIdAssigner(): (fileName: string) => string {
  const used = new Set<string>();
  return (fileName) => {
    const stem = fileName.slice(0, fileName.length - extname(fileName).length);
    const id = used.has(stem) ? fileName : stem;
    used.add(id);
    return id;
  };
}
