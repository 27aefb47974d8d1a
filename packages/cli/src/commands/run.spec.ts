import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { runCli } from '../main.ts';
import { createBufferIo } from '../testing/buffer-io.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'heterosparse-run-'));
  await writeFile(
    join(dir, 'arrays.json'),
    JSON.stringify({
      name: 'arrays',
      seed: 7,
      stages: {
        noise: { plugin: 'pipeline/random-arrays', options: { count: 2, shape: [3] } },
        save: { plugin: 'pipeline/save-npy', inputs: { arrays: 'noise' } },
      },
    }),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readJson(path: string): Promise<Record<string, Record<string, unknown>>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, Record<string, unknown>>;
}

describe('heterosparse run', () => {
  it('writes a run directory and prints its path', async () => {
    const io = createBufferIo(dir);
    expect(await runCli(['run', 'arrays.json', '--out', 'out'], io)).toBe(0);
    expect(io.out()).toBe(`${join(dir, 'out')}\n`);
    expect((await readJson(join(dir, 'out', 'results.json'))).run.status).toBe('completed');
    expect((await readdir(join(dir, 'out', 'arrays'))).sort()).toEqual(['array-000.npy', 'array-001.npy']);
  });

  it('logs plain lines when stderr is not a terminal', async () => {
    const io = createBufferIo(dir);
    await runCli(['run', 'arrays.json', '--out', 'out'], io);
    expect(io.err()).toMatch(/info \[noise\] progress 2\/2\n/);
    expect(io.err()).toMatch(/info run completed after/);
  });

  it('prints only warnings and errors with --quiet', async () => {
    const io = createBufferIo(dir);
    expect(await runCli(['run', 'arrays.json', '--out', 'out', '--quiet'], io)).toBe(0);
    expect(io.err()).toBe('');
  });

  it('names the run directory after the pipeline by default', async () => {
    const io = createBufferIo(dir);
    expect(await runCli(['run', 'arrays.json'], io)).toBe(0);
    const runs = await readdir(join(dir, 'runs'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatch(/^arrays-\d{8}-\d{6}$/);
  });

  it('applies --set overrides and records them in the resolved pipeline', async () => {
    const io = createBufferIo(dir);
    const code = await runCli(['run', 'arrays.json', '--out', 'out', '--set', 'noise.options.count=3', '--set', 'save.options.directory=saved'], io);
    expect(code).toBe(0);
    expect(await readdir(join(dir, 'out', 'saved'))).toHaveLength(3);
    const resolved = await readJson(join(dir, 'out', 'pipeline.json'));
    expect(resolved.stages.noise).toMatchObject({ options: { count: 3 } });
  });

  it('validates overrides like the file and runs nothing', async () => {
    const io = createBufferIo(dir);
    const code = await runCli(['run', 'arrays.json', '--out', 'out', '--set', 'noise.options.count=many', '--set', 'nois.options.count=1'], io);
    expect(code).toBe(1);
    expect(io.err()).toMatchInlineSnapshot(`
      "invalid: arrays.json has 2 problems; nothing ran
        /stages/nois: expected the id of a stage in the pipeline file, found the missing stage "nois" (from --set nois.options.count=1) (did you mean "noise"?)
        /stages/noise/options/count: expected an integer, found the string "many" (Number of arrays to emit.)
      "
    `);
    await expect(readdir(join(dir, 'out'))).rejects.toThrow(/ENOENT/);
  });

  it('exits 1 and reports the stage when a run fails', async () => {
    const io = createBufferIo(dir);
    const code = await runCli(['run', 'arrays.json', '--out', 'out', '--set', 'save.options.directory=../escape'], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/run failed: stage "save" failed: stage "save" tried to write "..\/escape\/array-000.npy"/);
    expect((await readJson(join(dir, 'out', 'results.json'))).run.status).toBe('failed');
  });

  it('exits 2 when the output directory is not empty', async () => {
    await mkdir(join(dir, 'out'));
    await writeFile(join(dir, 'out', 'old.txt'), 'x');
    const io = createBufferIo(dir);
    expect(await runCli(['run', 'arrays.json', '--out', 'out'], io)).toBe(2);
    expect(io.err()).toMatch(/the run directory .*out is not empty/);
  });

  it('omits the results line for a rejected directory', async () => {
    const io = createBufferIo(dir);
    expect(await runCli(['run', 'arrays.json', '--out', 'out'], io)).toBe(0);
    const again = createBufferIo(dir);
    expect(await runCli(['run', 'arrays.json', '--out', 'out'], again)).toBe(2);
    expect(again.err()).toMatch(/^usage error: the run directory .*out is not empty/);
    expect(again.err()).not.toContain('results.json and run.log are in');
  });

  it('exits 2 for a --set without "="', async () => {
    const io = createBufferIo(dir);
    expect(await runCli(['run', 'arrays.json', '--set', 'noise.options.count'], io)).toBe(2);
    expect(io.err()).toContain('--set noise.options.count: missing "="');
  });

  it('exits 2 for a pipeline file that cannot be read', async () => {
    const io = createBufferIo(dir);
    expect(await runCli(['run', 'nothing.json'], io)).toBe(2);
  });

  it('exits 130 when the signal aborts during the run', async () => {
    const controller = new AbortController();
    const io = createBufferIo(dir, controller.signal);
    const running = runCli(['run', 'arrays.json', '--out', 'out', '--set', 'noise.options.count=1000000'], io);
    // The run directory appears once the run started; cancel then.
    while (!(await readdir(dir)).includes('out')) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(await running).toBe(130);
    expect((await readJson(join(dir, 'out', 'results.json'))).run.status).toBe('cancelled');
  });
});
