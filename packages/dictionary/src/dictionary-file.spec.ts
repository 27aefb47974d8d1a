import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { InvalidInputError, formatNpy, parseNpy } from '@heterosparse/core';

import { loadDictionary, paramsPathFor, saveDictionary } from './dictionary-file.ts';
import { createLogGaborBank } from './log-gabor-bank.ts';
import { PRESETS } from './presets.ts';

describe('dictionary files', () => {
  let folder = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'heterosparse-dictionary-file-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('names the parameter file after the array', () => {
    expect(paramsPathFor('/a/b/bank.npy')).toBe('/a/b/bank.json');
  });

  it('writes [h, w, K] float32 and the parameters', async () => {
    const bank = createLogGaborBank({ ...PRESETS.homogeneous, thetas: 3 });
    await saveDictionary(join(folder, 'bank.npy'), bank);
    const array = parseNpy(await readFile(join(folder, 'bank.npy')));
    const params = JSON.parse(await readFile(join(folder, 'bank.json'), 'utf8'));

    expect(array.shape).toEqual([12, 12, 6]);
    expect(array.data).toEqual(bank.data);
    expect(params).toMatchObject({ name: 'homogeneous', height: 12, width: 12, atoms: 6 });
    expect(params.atomParams[5]).toEqual({ index: 5, theta: (2 * Math.PI) / 3, bTheta: Math.PI / 15, phase: Math.PI / 2, sf0: 0.4, bSf: 0.4 });
  });

  it('rejects a non-numeric parameter', async () => {
    await writeFile(join(folder, 'odd.npy'), formatNpy({ shape: [1, 1, 1], data: new Float32Array(1) }));
    await writeFile(join(folder, 'odd.json'), JSON.stringify({ atomParams: [{ index: 0, theta: 'up' }] }));

    await expect(loadDictionary(join(folder, 'odd.npy'))).rejects.toThrow(/atomParams\[0\]\.theta is "up"/);
  });

  it('rejects an index out of place', async () => {
    await writeFile(join(folder, 'swap.npy'), formatNpy({ shape: [1, 1, 2], data: new Float32Array(2) }));
    await writeFile(join(folder, 'swap.json'), JSON.stringify({ atomParams: [{ index: 1 }, { index: 0 }] }));

    await expect(loadDictionary(join(folder, 'swap.npy'))).rejects.toThrow(InvalidInputError);
  });

  it('rejects malformed JSON', async () => {
    await writeFile(join(folder, 'bad.npy'), formatNpy({ shape: [1, 1, 1], data: new Float32Array(1) }));
    await writeFile(join(folder, 'bad.json'), '{');

    await expect(loadDictionary(join(folder, 'bad.npy'))).rejects.toThrow(/bad.json is not valid JSON/);
  });
});
