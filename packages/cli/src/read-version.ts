import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { FileReadError } from '@heterosparse/core';

/** The workspace root's package.json, which carries the toolkit's version. */
const ROOT_PACKAGE_JSON = fileURLToPath(new URL('../../../package.json', import.meta.url));

/**
 * Reads the toolkit version from the `version` field of the root
 * package.json. Throws `FileReadError` when that file cannot be read or
 * is not the `heterosparse` workspace root.
 */
export function readVersion(path: string = ROOT_PACKAGE_JSON): string {
  let manifest: { name?: unknown; version?: unknown };
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
  } catch (error) {
    throw new FileReadError(path, `cannot read the version from ${path}: ${(error as Error).message}; reinstall the toolkit`, { cause: error });
  }
  if (manifest.name !== 'heterosparse' || typeof manifest.version !== 'string') {
    throw new FileReadError(
      path,
      `${path} is not the heterosparse workspace manifest (expected "name": "heterosparse" and a string "version"); reinstall the toolkit`,
    );
  }
  return manifest.version;
}
