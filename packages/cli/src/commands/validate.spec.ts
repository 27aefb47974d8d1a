import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../main.ts';
import { createBufferIo } from '../testing/buffer-io.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'heterosparse-validate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function validate(name: string, content: unknown): Promise<{ code: number; out: string; err: string }> {
  await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  const io = createBufferIo(dir);
  const code = await runCli(['validate', name], io);
  return { code, out: io.out(), err: io.err() };
}

describe('heterosparse validate', () => {
  it('prints valid for a valid file', async () => {
    const result = await validate('valid.json', {
      name: 'arrays',
      stages: { noise: { plugin: 'pipeline/random-arrays' }, save: { plugin: 'pipeline/save-npy', inputs: { arrays: 'noise' } } },
    });
    expect(result).toEqual({ code: 0, out: 'valid\n', err: '' });
  });

  it('names every problem of a broken file by JSON path', async () => {
    const result = await validate('broken.json', {
      name: 'broken',
      seed: 'zero',
      stages: {
        noise: { plugin: 'pipeline/random-arrays', options: { count: -1 } },
        bank: { plugin: 'dictionary/log-gabr' },
        save: { plugin: 'pipeline/save-npy', inputs: { arrays: 'again' } },
        again: { plugin: 'pipeline/save-npy', inputs: { arrays: 'save' } },
        orphan: { plugin: 'pipeline/save-npy' },
      },
    });
    expect(result.code).toBe(1);
    expect(result.err).toBe('');
    expect(result.out).toMatchInlineSnapshot(`
      "invalid: broken.json has 5 problems
        /seed: expected an integer, found the string "zero" (Seed of the run (unsigned 32-bit); each stage derives its own seed from it and its id.)
        /stages/noise/options/count: expected a number >= 0, found the integer -1 (Number of arrays to emit.)
        /stages/bank/plugin: expected the id of a registered plugin, found the unknown plugin "dictionary/log-gabr" (did you mean "dictionary/log-gabor"? \`heterosparse plugins\` lists every plugin)
        /stages/orphan/inputs/arrays: expected a stage producing array (port "arrays" of plugin "pipeline/save-npy" is required), found nothing (Arrays to save; their names become the file stems.)
        /stages/again/inputs: expected stages that form no cycle, found the cycle again → save → again (each stage feeds the next)
      "
    `);
  });

  it('reports text that is not JSON as one problem', async () => {
    const result = await validate('syntax.json', '{"name": "x",');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^invalid: syntax.json has 1 problem\n {2}\/: expected a JSON document, found invalid JSON/);
  });

  it('exits 2 for a file that cannot be read', async () => {
    const io = createBufferIo(dir);
    expect(await runCli(['validate', 'missing.json'], io)).toBe(2);
    expect(io.err()).toMatch(/^error: cannot read the pipeline file .*missing.json: ENOENT/);
  });

  it('applies --set overrides before checking', async () => {
    await writeFile(
      join(dir, 'arrays.json'),
      JSON.stringify({ name: 'arrays', stages: { noise: { plugin: 'pipeline/random-arrays' }, save: { plugin: 'pipeline/save-npy', inputs: { arrays: 'noise' } } } }),
    );
    const valid = createBufferIo(dir);
    expect(await runCli(['validate', 'arrays.json', '--set', 'noise.options.count=3'], valid)).toBe(0);
    expect(valid.out()).toBe('valid\n');

    const invalid = createBufferIo(dir);
    expect(await runCli(['validate', 'arrays.json', '--set', 'noise.options.count=many', '--set', 'nois.options.count=1'], invalid)).toBe(1);
    expect(invalid.out()).toMatchInlineSnapshot(`
      "invalid: arrays.json has 2 problems
        /stages/nois: expected the id of a stage in the pipeline file, found the missing stage "nois" (from --set nois.options.count=1) (did you mean "noise"?)
        /stages/noise/options/count: expected an integer, found the string "many" (Number of arrays to emit.)
      "
    `);
  });

  it('exits 2 for a --set without "="', async () => {
    const io = createBufferIo(dir);
    expect(await runCli(['validate', 'valid.json', '--set', 'noise.options.count'], io)).toBe(2);
    expect(io.err()).toContain('--set noise.options.count: missing "="');
  });

  it('documents --set in its help', async () => {
    const io = createBufferIo(dir);
    expect(await runCli(['validate', '--help'], io)).toBe(0);
    expect(io.out()).toContain('[--set STAGE.FIELD=VALUE ...]');
    expect(io.out()).toContain('--set PATH=VAL');
  });

  it('exits 2 without a file argument', async () => {
    const io = createBufferIo(dir);
    expect(await runCli(['validate'], io)).toBe(2);
    expect(io.err()).toContain('validate takes one pipeline file, received 0 arguments');
  });
});
