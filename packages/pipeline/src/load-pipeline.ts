import { readFile } from 'node:fs/promises';

import { FileReadError, PipelineValidationError } from '@heterosparse/core';

/**
 * Reads and parses a pipeline file. An unreadable file is a `FileReadError`;
 * text that is not JSON is a `PipelineValidationError` at the root path.
 */
export async function loadPipelineFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FileReadError(path, `cannot read the pipeline file ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PipelineValidationError([
      { path: '', expected: 'a JSON document', found: `invalid JSON (${(error as Error).message})`, hint: path },
    ]);
  }
}
