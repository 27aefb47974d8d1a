import { Writable } from 'node:stream';

import type { CommandIo } from '../command.ts';

/** A `CommandIo` whose output streams collect text, for tests. */
export interface BufferIo extends CommandIo {
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

export function createBufferIo(cwd: string, signal: AbortSignal = new AbortController().signal): BufferIo {
  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const collect = (target: string[]): Writable =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        target.push(chunk.toString());
        callback();
      },
    });
  return {
    stdout: collect(chunks.stdout),
    stderr: collect(chunks.stderr),
    cwd,
    signal,
    out: () => chunks.stdout.join(''),
    err: () => chunks.stderr.join(''),
  };
}
