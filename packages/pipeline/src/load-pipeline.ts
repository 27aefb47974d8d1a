import { readFile } from 'node:fs/promises';

import { FileReadError, PipelineValidationError } from '@heterosparse/core';

/**
 * Reads and parses a pipeline file. An unreadable file or a folder is a
 * `FileReadError`; an empty file or text that is not JSON is a
 * `PipelineValidationError` at the root path. A leading UTF-8 byte order
 * mark, which some Windows editors write, is skipped.
 */
export async function loadPipelineFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
      throw new FileReadError(path, `cannot read the pipeline file ${path}: it is a folder; give the path of a .json pipeline file`, {
        cause: error,
      });
    }
    throw new FileReadError(path, `cannot read the pipeline file ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') {
    throw new PipelineValidationError([{ path: '', expected: 'a JSON document', found: 'an empty file', hint: path }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PipelineValidationError([
      { path: '', expected: 'a JSON document', found: `invalid JSON (${(error as Error).message})`, hint: path },
    ]);
  }
}
