import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseNpy, writeNpy } from '@heterosparse/core';

import { createBufferIo } from '../testing/buffer-io.ts';
import { codeCommand } from './code.ts';

/** Two 3×3 kernels stored [h, w, K]: all ones (atom 0) and a centred impulse (atom 1). */
function tinyDictionary(): Float32Array {
  const data = new Float32Array(3 * 3 * 2);
  for (let i = 0; i < 9; i++) data[i * 2] = 1;
  data[4 * 2 + 1] = 1;
  return data;
}

describe('heterosparse code', () => {
  let folder = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'heterosparse-cli-code-'));
    await writeNpy(join(folder, 'D.npy'), { shape: [3, 3, 2], data: tinyDictionary() });
    await writeNpy(join(folder, 'S.npy'), { shape: [8, 8], data: Float32Array.from({ length: 64 }, (_, i) => Math.sin(i)) });
    await writeNpy(join(folder, 'big.npy'), { shape: [2, 2], data: new Float32Array(4) });
    await writeNpy(join(folder, 'flat.npy'), { shape: [8, 8], data: new Float32Array(64).fill(3) });
    await writeFile(join(folder, 'a-file'), 'not a folder');
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes [H, W, K] coefficients and the statistics JSON', async () => {
    const io = createBufferIo(folder);
    const args = ['--dictionary', 'D.npy', '--input', 'S.npy', '--lambda', '0.05', '--iterations', '20', '--out', 'X.npy', '--stats', 'stats.json'];
    const code = await codeCommand.run(args, io);
    const coefficients = parseNpy(await readFile(join(folder, 'X.npy')));
    const stats = JSON.parse(await readFile(join(folder, 'stats.json'), 'utf8'));

    expect(code).toBe(0);
    expect(coefficients.shape).toEqual([8, 8, 2]);
    for (const key of ['objective', 'data_fidelity', 'l1', 'nonzeros', 'sparseness', 'psnr', 'iterations', 'seconds']) {
      expect(stats).toHaveProperty(key);
    }
    expect(stats.iterations).toBeLessThanOrEqual(20);
    expect(stats.lambda).toBe(0.05);
    expect(stats.objective).toBeCloseTo(stats.data_fidelity + 0.05 * stats.l1, 6);
    expect(stats.sparseness).toBeCloseTo(1 - stats.nonzeros / 128, 12);
    expect(io.out()).toMatch(/^S \/ D: objective /);
  });

  it('prints the statistics without --stats', async () => {
    const io = createBufferIo(folder);
    const code = await codeCommand.run(['--dictionary', 'D.npy', '--input', 'S.npy', '--lambda', '0.05', '--iterations', '5'], io);
    expect(code).toBe(0);
    const statistics = JSON.parse(io.out());
    expect(statistics.iterations).toBe(5);
    // The default backend is "auto", which picks the fastest backend available on this machine.
    expect(['cpu-fast', 'cpu-reference']).toContain(statistics.backend);
  });

  it('runs the backend that --backend names', async () => {
    const io = createBufferIo(folder);
    const args = ['--dictionary', 'D.npy', '--input', 'S.npy', '--lambda', '0.05', '--iterations', '5', '--backend', 'cpu-reference'];
    expect(await codeCommand.run(args, io)).toBe(0);
    expect(JSON.parse(io.out()).backend).toBe('cpu-reference');
  });

  it('reports PSNR null for a constant input', async () => {
    const io = createBufferIo(folder);
    const args = ['--dictionary', 'D.npy', '--input', 'flat.npy', '--lambda', '0.05', '--iterations', '5'];
    expect(await codeCommand.run(args, io)).toBe(0);
    expect(JSON.parse(io.out()).psnr).toBeNull();
  });

  it('checks --stats before writing --out', async () => {
    const args = ['--dictionary', 'D.npy', '--input', 'S.npy', '--lambda', '0.05', '--out', 'early.npy', '--stats', 'a-file/stats.json'];
    await expect(codeCommand.run(args, createBufferIo(folder))).rejects.toThrow(/a-file is a file, not a folder/);
    await expect(readFile(join(folder, 'early.npy'))).rejects.toThrow(/ENOENT/);
  });

  it('requires --lambda', async () => {
    await expect(codeCommand.run(['--dictionary', 'D.npy', '--input', 'S.npy'], createBufferIo(folder))).rejects.toThrow(
      /--lambda is missing/,
    );
  });

  it('rejects a non-numeric option', async () => {
    const args = ['--dictionary', 'D.npy', '--input', 'S.npy', '--lambda', 'small'];
    await expect(codeCommand.run(args, createBufferIo(folder))).rejects.toThrow(/--lambda is "small"; expected a number/);
  });

  it('rejects λ ≤ 0 as invalid input', async () => {
    const args = ['--dictionary', 'D.npy', '--input', 'S.npy', '--lambda', '0'];
    await expect(codeCommand.run(args, createBufferIo(folder))).rejects.toThrow(/lambda must be a number > 0/);
  });

  it('points an image input to preprocess', async () => {
    await writeFile(join(folder, 'photo.PNG'), Buffer.from('\x89PNG\r\n\x1a\n not decoded here'));
    const args = ['--dictionary', 'D.npy', '--input', 'photo.PNG', '--lambda', '0.01'];
    await expect(codeCommand.run(args, createBufferIo(folder))).rejects.toThrow(
      /photo\.PNG is not a \.npy file \(missing the \\x93NUMPY magic string\); convert it first with `heterosparse preprocess`$/,
    );
  });

  it('gives no preprocess hint for other files', async () => {
    await writeFile(join(folder, 'notes.txt'), 'not an array');
    const args = ['--dictionary', 'D.npy', '--input', 'notes.txt', '--lambda', '0.01'];
    const failure = codeCommand.run(args, createBufferIo(folder));
    await expect(failure).rejects.toThrow(/notes\.txt is not a \.npy file/);
    await expect(failure).rejects.not.toThrow(/preprocess/);
  });

  it('rejects kernels larger than the input', async () => {
    const args = ['--dictionary', 'D.npy', '--input', 'big.npy', '--lambda', '0.01'];
    await expect(codeCommand.run(args, createBufferIo(folder))).rejects.toThrow(/larger than the 2×2 image/);
  });
});
