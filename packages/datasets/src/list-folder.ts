import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';

import type { Logger } from '@heterosparse/core';
import { FileReadError } from '@heterosparse/core';

/** Extensions of the notes (README, licences) that image folders often contain. */
export const NOTE_EXTENSIONS: readonly string[] = ['.md', '.txt', '.rst', '.json', '.csv'];

/** Sentence on how `listFolder` treats the entries it does not return, for option descriptions. */
export const SKIPPED_ENTRIES = `Other files are skipped: hidden files (name starting with a dot) and notes (${NOTE_EXTENSIONS.join(', ')}) with a debug line in run.log, any other file with a warning. Subfolders are skipped without a message.`;

/**
 * Lists the files of `folder` (not recursive) whose extension is in
 * `extensions` (case-insensitive, with the dot), sorted by name in code-point
 * order so that every platform and locale reads them in the same order. A
 * hidden file with a listed extension is returned too. Other files are
 * skipped: hidden files and notes (`NOTE_EXTENSIONS`) with a debug line, any
 * other file with a warning. Subfolders are skipped without a message.
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
    } else if (name.startsWith('.') || NOTE_EXTENSIONS.includes(extname(name).toLowerCase())) {
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
