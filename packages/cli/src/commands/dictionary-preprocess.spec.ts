import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatNpy, parseNpy, readNpy } from '@heterosparse/core';
import { golden64 } from '@heterosparse/test-fixtures';

import type { CommandIo } from '../command.ts';
import { runCli } from '../main.ts';

const CAMERA = fileURLToPath(new URL('../../../../data/natural/camera.png', import.meta.url));

/** Runs the CLI in `cwd` and returns its exit code and output. */
async function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const io: CommandIo = {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    cwd,
    signal: new AbortController().signal,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('heterosparse dictionary', () => {
  let folder = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'heterosparse-cli-dictionary-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the reference bank with its parameters', async () => {
    const result = await cli(folder, 'dictionary', '--preset', 'homogeneous', '--out', 'D.npy', '--png', 'D.png');
    const written = parseNpy(await readFile(join(folder, 'D.npy')));
    const reference = await readNpy(golden64('dict_homogeneous.npy'));
    const params = JSON.parse(await readFile(join(folder, 'D.json'), 'utf8'));
    const png = await readFile(join(folder, 'D.png'));

    expect(result.code).toBe(0);
    expect(written.shape).toEqual([12, 12, 144]);
    expect(written.data.every((value, i) => Math.abs(value - reference.data[i]) < 1e-5)).toBe(true);
    expect(params.atomParams).toHaveLength(144);
    expect(params.atomParams[2]).toMatchObject({ index: 2, theta: Math.PI / 72, bTheta: Math.PI / 15, phase: 0 });
    expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
  });

  it('applies size and normalisation', async () => {
    const result = await cli(folder, 'dictionary', '--preset', 'heterogeneous', '--size', '16', '--normalise', 'l2', '--out', 'big.npy');
    const written = parseNpy(await readFile(join(folder, 'big.npy')));
    let norm = 0;
    for (let pixel = 0; pixel < 256; pixel++) norm += written.data[pixel * 144] ** 2;

    expect(result.code).toBe(0);
    expect(written.shape).toEqual([16, 16, 144]);
    expect(Math.sqrt(norm)).toBeCloseTo(1, 5);
  });

  it('checks --png before writing the bank', async () => {
    await writeFile(join(folder, 'plain.txt'), 'kept');
    const result = await cli(folder, 'dictionary', '--preset', 'homogeneous', '--out', 'lonely.npy', '--png', 'plain.txt/D.png');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('plain.txt is a file, not a folder');
    await expect(readFile(join(folder, 'lonely.npy'))).rejects.toThrow(/ENOENT/);
  });

  it.each([
    [['--out', 'x.npy'], /--preset is missing/],
    [['--preset', 'wide', '--out', 'x.npy'], /--preset is "wide"/],
    [['--preset', 'homogeneous'], /--out is missing/],
    [['--preset', 'homogeneous', '--size', '7', '--out', 'x.npy'], /--size is "7"/],
    [['--preset', 'homogeneous', '--normalise', 'l1', '--out', 'x.npy'], /--normalise is "l1"/],
  ])('rejects %j with exit code 2', async (args, message) => {
    const result = await cli(folder, 'dictionary', ...args);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('heterosparse preprocess', () => {
  let folder = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'heterosparse-cli-preprocess-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('normalises a grey .npy array as the reference does', async () => {
    const result = await cli(folder, 'preprocess', '--input', golden64('gray_coffee.npy'), '--out', 'coffee.npy');
    const written = parseNpy(await readFile(join(folder, 'coffee.npy')));
    const reference = await readNpy(golden64('input_coffee.npy'));

    expect(result.code).toBe(0);
    expect(written.shape).toEqual([64, 64]);
    expect(written.data.every((value, i) => Math.abs(value - reference.data[i]) < 1e-5)).toBe(true);
  });

  it('crops and resizes an image', async () => {
    const result = await cli(folder, 'preprocess', '--input', CAMERA, '--size', '32', '--out', 'camera.npy');
    const written = parseNpy(await readFile(join(folder, 'camera.npy')));

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('steps: grey, crop, resize, lcn');
    expect(written.shape).toEqual([32, 32]);
  });

  it('leaves out the normalisation with --no-lcn', async () => {
    await cli(folder, 'preprocess', '--input', CAMERA, '--size', '8', '--no-lcn', '--out', 'raw.npy');
    const written = parseNpy(await readFile(join(folder, 'raw.npy')));

    // Grey levels stay in 0..255 without the normalisation.
    expect(Math.max(...written.data)).toBeGreaterThan(100);
  });

  it('rejects --size with a .npy input', async () => {
    const result = await cli(folder, 'preprocess', '--input', golden64('gray_coffee.npy'), '--size', '32', '--out', 'x.npy');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--size applies to images only');
  });

  it('rejects a 3-D .npy input', async () => {
    await writeFile(join(folder, 'cube.npy'), formatNpy({ shape: [2, 2, 2], data: new Float32Array(8) }));
    const result = await cli(folder, 'preprocess', '--input', 'cube.npy', '--out', 'x.npy');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has shape [2, 2, 2]');
  });

  it('rejects a NaN even with --no-lcn', async () => {
    await writeFile(join(folder, 'hole.npy'), formatNpy({ shape: [2, 2], data: Float32Array.from([1, Number.NaN, 3, 4]) }));
    const result = await cli(folder, 'preprocess', '--input', 'hole.npy', '--no-lcn', '--out', 'hole-out.npy');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('hole.npy contains NaN at row 0, column 1');
    await expect(readFile(join(folder, 'hole-out.npy'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects an output path below a file with exit code 2', async () => {
    await writeFile(join(folder, 'note.txt'), 'kept');
    const result = await cli(folder, 'preprocess', '--input', CAMERA, '--size', '8', '--out', 'note.txt/x.npy');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a file, not a folder');
  });

  it('reports a corrupt image with exit code 2', async () => {
    await writeFile(join(folder, 'broken.png'), 'not a png');
    const result = await cli(folder, 'preprocess', '--input', 'broken.png', '--out', 'x.npy');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('broken.png');
  });

  it('reports a missing input with exit code 2', async () => {
    const result = await cli(folder, 'preprocess', '--input', 'absent.png', '--out', 'x.npy');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('absent.png');
  });
});
