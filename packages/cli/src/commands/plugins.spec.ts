import { describe, expect, it } from 'vitest';

import { runCli } from '../main.ts';
import { createBufferIo } from '../testing/buffer-io.ts';

describe('heterosparse plugins', () => {
  it('lists a plugin with its kinds and options', async () => {
    const io = createBufferIo(process.cwd());
    expect(await runCli(['plugins'], io)).toBe(0);
    // Trimmed, because the last block of the listing ends with a newline and the others do not.
    const block = io.out().split('\n\n').find((text) => text.startsWith('pipeline/save-npy'))?.trimEnd();
    expect(block).toMatchInlineSnapshot(`
      "pipeline/save-npy → array
        Saves each array as a NumPy .npy file in the run directory and passes it on.
        inputs:
          arrays: array, one or more stages. Arrays to save; their names become the file stems.
        options:
          directory (string, default "arrays"). Directory inside the run directory that receives the files."
    `);
  });

  it('prints JSON with --json', async () => {
    const io = createBufferIo(process.cwd());
    expect(await runCli(['plugins', '--json'], io)).toBe(0);
    const plugins = JSON.parse(io.out()) as { id: string; output: string; options: { properties: object } }[];
    const source = plugins.find((plugin) => plugin.id === 'pipeline/random-arrays');
    expect(source?.output).toBe('array');
    expect(Object.keys(source?.options.properties ?? {})).toEqual(['count', 'shape', 'distribution', 'prefix']);
  });

  it('rejects arguments', async () => {
    const io = createBufferIo(process.cwd());
    expect(await runCli(['plugins', 'extra'], io)).toBe(2);
  });
});
