import { basename, resolve } from 'node:path';
import { defer, from, type Observable } from 'rxjs';

import type { ImageItem, Logger } from '@heterosparse/core';
import { CancelledError, InvalidInputError, readNpy } from '@heterosparse/core';

import { checkFinitePixels } from './check-finite-pixels.ts';
import { createIdAssigner, listFolder } from './list-folder.ts';

export interface NpyFolderOptions {
  /** Folder of `.npy` files; a relative path resolves against the current working directory. */
  readonly path: string;
  /** Maximum number of arrays to emit; all when left out. */
  readonly limit?: number;
}

/**
 * Emits the `.npy` files of a folder as images, in name order: a 2-D array
 * `[height, width]` becomes a grey image, a 3-D array `[height, width, c]`
 * with c = 1 or 3 an image of c channels. Values are kept as stored (float32),
 * and `steps` is empty because the folder does not record how they were made.
 *
 * Errors with `InvalidInputError` on an array of another shape, an array
 * containing NaN or ±Infinity, or an empty folder, `FileReadError` on an
 * unreadable file, `CancelledError` on abort.
 */
export function readNpyFolder(options: NpyFolderOptions, logger: Logger, signal?: AbortSignal): Observable<ImageItem> {
  return defer(() => from(npyFolderItems(options, logger, signal)));
}

async function* npyFolderItems(options: NpyFolderOptions, logger: Logger, signal?: AbortSignal): AsyncGenerator<ImageItem> {
  const folder = resolve(options.path);
  const files = await listFolder(folder, ['.npy'], logger);
  if (files.length === 0) {
    throw new InvalidInputError(`no .npy file in ${folder}; point the "path" option at a folder of 2-D .npy arrays`);
  }
  const idFor = createIdAssigner();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;

  for (const [index, file] of files.entries()) {
    if (index >= limit) break;
    if (signal?.aborted) throw new CancelledError(`reading ${folder} was cancelled`);

    const array = await readNpy(file);
    const [height, width, channels = 1] = array.shape;
    const valid = (array.shape.length === 2 || (array.shape.length === 3 && (channels === 1 || channels === 3))) && height > 0 && width > 0;
    if (!valid) {
      throw new InvalidInputError(
        `${file} has shape [${array.shape.join(', ')}]; expected [height, width] or [height, width, 1 or 3]; save one image per file`,
      );
    }
    checkFinitePixels(array.data, height, width, channels, file);
    yield { kind: 'image', id: idFor(basename(file)), source: file, height, width, channels, data: array.data, steps: [] };
  }
}
