import { readFile } from 'node:fs/promises';

import { FileReadError } from './errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { NdArray } from './kinds.ts';
import { formatNpy, parseNpy } from './npy.ts';

/** Reads a `.npy` file into a float32 array; a missing file is a `FileReadError` naming the path. */
export async function readNpy(path: string): Promise<NdArray> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new FileReadError(path, `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseNpy(bytes, path);
}

/** Writes a float32 array as a `.npy` file, atomically. */
export async function writeNpy(path: string, array: NdArray): Promise<void> {
  await writeFileAtomic(path, formatNpy(array));
}
