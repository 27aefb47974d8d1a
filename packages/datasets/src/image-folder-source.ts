import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { defer, from, type Observable } from 'rxjs';

import type { ImageItem, Logger } from '@heterosparse/core';
import { CancelledError, FileReadError, InvalidInputError } from '@heterosparse/core';

import { decodeImage } from './decode-image.ts';
import { createIdAssigner, listFolder } from './list-folder.ts';

/** What to do with a file that has an image extension but does not decode. */
export type OnCorrupt = 'skip' | 'fail';

/** Extensions read by default (sharp decodes all of them). */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.webp'] as const;

export interface ImageFolderOptions {
  /** Folder of images; a relative path resolves against the current working directory. */
  readonly path: string;
  /** Maximum number of images to emit; all when left out. */
  readonly limit?: number;
  /** `skip` logs a warning naming the file and goes on; `fail` ends the stream with the error. */
  readonly onCorrupt: OnCorrupt;
  /** File extensions to read, with the dot, case-insensitive. */
  readonly extensions: readonly string[];
}

/**
 * Emits the images of a folder, one `ImageItem` per file in name order, with
 * 1 (grey) or 3 (RGB) channels and values 0..255. Files are read one at a
 * time, only while the subscriber wants more.
 *
 * Errors with `FileReadError` when the folder cannot be listed or (with
 * `onCorrupt: 'fail'`) an image does not decode, with `InvalidInputError`
 * when no image could be read, and with `CancelledError` when `signal` aborts.
 */
export function readImageFolder(options: ImageFolderOptions, logger: Logger, signal?: AbortSignal): Observable<ImageItem> {
  return defer(() => from(imageFolderItems(options, logger, signal)));
}

async function* imageFolderItems(options: ImageFolderOptions, logger: Logger, signal?: AbortSignal): AsyncGenerator<ImageItem> {
  const folder = resolve(options.path);
  const files = await listFolder(folder, options.extensions, logger);
  const idFor = createIdAssigner();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let emitted = 0;

  for (const file of files) {
    if (emitted >= limit) break;
    if (signal?.aborted) throw new CancelledError(`reading ${folder} was cancelled`);

    const image = await readImageFile(file, options.onCorrupt, logger);
    if (image === undefined) continue;
    emitted++;
    yield { kind: 'image', id: idFor(basename(file)), source: file, ...image, steps: [] };
  }

  if (emitted === 0) {
    throw new InvalidInputError(
      `no readable image in ${folder} (${files.length} file(s) with extensions ${options.extensions.join(', ')}); ` +
        'point the "path" option at a folder of PNG or JPEG images',
    );
  }
  logger.info(`read ${emitted} image(s) from ${folder}`);
}

async function readImageFile(file: string, onCorrupt: OnCorrupt, logger: Logger) {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new FileReadError(file, `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return await decodeImage(bytes, file);
  } catch (error) {
    if (onCorrupt === 'fail') {
      throw new FileReadError(file, `${(error as Error).message}; fix or remove the file, or set "onCorrupt" to "skip"`, { cause: error });
    }
    logger.warn(`skipping ${(error as Error).message}`);
    return undefined;
  }
}
