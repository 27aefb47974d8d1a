import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { DictionaryItem } from '@heterosparse/core';
import { FileReadError, InvalidInputError, PluginRegistry, formatNpy } from '@heterosparse/core';

import { saveDictionary } from '../dictionary-file.ts';
import { createLogGaborBank } from '../log-gabor-bank.ts';
import { registerDictionaryPlugins } from '../plugins.ts';
import { PRESETS } from '../presets.ts';
import { createRandomBank } from '../random-bank.ts';
import { applySchema } from '@heterosparse/test-fixtures';
import { createRecordingContext } from '@heterosparse/test-fixtures';
import { loadPlugin, type LoadPluginOptions } from './load-plugin.ts';
import { logGaborPlugin, type LogGaborPluginOptions } from './log-gabor-plugin.ts';
import { randomPlugin, type RandomPluginOptions } from './random-plugin.ts';

async function collect(stage: ReturnType<typeof logGaborPlugin.create>): Promise<DictionaryItem[]> {
  const items = await lastValueFrom(stage({}).pipe(toArray()));
  return items as DictionaryItem[];
}

describe('registerDictionaryPlugins', () => {
  it('registers the three plugins', () => {
    const registry = registerDictionaryPlugins(new PluginRegistry());

    expect(registry.list().map((plugin) => plugin.id)).toEqual(['dictionary/load', 'dictionary/log-gabor', 'dictionary/random']);
  });
});

describe('dictionary/log-gabor', () => {
  it('emits the preset bank, then completes', async () => {
    const options = applySchema<LogGaborPluginOptions>(logGaborPlugin.optionsSchema, { preset: 'homogeneous' });
    const items = await collect(logGaborPlugin.create(options, createRecordingContext()));

    expect(items).toHaveLength(1);
    expect(items[0].name).toBe('homogeneous');
    expect(items[0].data).toEqual(createLogGaborBank(PRESETS.homogeneous).data);
  });

  it('applies overrides and the name', async () => {
    const options = applySchema<LogGaborPluginOptions>(logGaborPlugin.optionsSchema, {
      preset: 'heterogeneous',
      name: 'wide',
      thetas: 4,
      bThetas: [0.3],
      normalise: 'l2',
    });
    const [bank] = await collect(logGaborPlugin.create(options, createRecordingContext()));

    expect(bank.name).toBe('wide');
    expect(bank.atoms).toBe(4 * 1 * 2);
    expect(bank.atomParams[2]).toMatchObject({ theta: Math.PI / 4, bTheta: 0.3 });
  });

  it.each([
    // Three bandwidths instead of the preset's six halve the bank: 12 × 3 × 2.
    [{ bThetas: [0.0873, 0.2618, 0.5236] }, 72],
    // Twice the orientations restore the preset's size: 24 × 3 × 2.
    [{ thetas: 24, bThetas: [0.0873, 0.2618, 0.5236] }, 144],
    // Four phases do too: 12 × 3 × 4.
    [{ bThetas: [0.0873, 0.2618, 0.5236], phases: [0, Math.PI / 4, Math.PI / 2, (3 * Math.PI) / 4] }, 144],
  ])('heterogeneous bank with %o has %i atoms', async (overrides, atoms) => {
    const options = applySchema<LogGaborPluginOptions>(logGaborPlugin.optionsSchema, { preset: 'heterogeneous', ...overrides });
    const [bank] = await collect(logGaborPlugin.create(options, createRecordingContext()));

    expect(bank.atoms).toBe(atoms);
  });

  it('writes the picture when asked', async () => {
    const context = createRecordingContext();
    const options = applySchema<LogGaborPluginOptions>(logGaborPlugin.optionsSchema, { savePng: true });
    await collect(logGaborPlugin.create(options, context));

    expect([...context.files.keys()]).toEqual(['dictionaries/heterogeneous.png']);
  });

  it('defaults to the heterogeneous preset', () => {
    const options = applySchema<LogGaborPluginOptions>(logGaborPlugin.optionsSchema, {});

    expect(options).toEqual({ preset: 'heterogeneous', savePng: false });
  });

  it.each([{ size: 11 }, { preset: 'wide' }, { bThetas: { distribution: 'uniform', min: 0.1 } }, { colour: true }])(
    'schema rejects %o',
    (options) => {
      expect(() => applySchema(logGaborPlugin.optionsSchema, options)).toThrow();
    },
  );

  it('errors on an invalid override', async () => {
    // An odd size passes no schema but shows the error path of the stage itself.
    const stage = logGaborPlugin.create({ preset: 'homogeneous', size: 7, savePng: false }, createRecordingContext());

    await expect(collect(stage)).rejects.toThrow(InvalidInputError);
  });
});

describe('dictionary/random', () => {
  const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

  it('emits one seeded bank, then completes', () => {
    const options = applySchema<RandomPluginOptions>(randomPlugin.optionsSchema, { size: 4, atoms: 3, seed: 5 });
    const expected = createRandomBank({ name: 'random', size: 4, atoms: 3, seed: 5, normalise: 'l2' });

    scheduler().run(({ expectObservable }) => {
      expectObservable(randomPlugin.create(options, createRecordingContext())({})).toBe('(a|)', { a: expected });
    });
  });

  it('uses the stage seed by default', async () => {
    const options = applySchema<RandomPluginOptions>(randomPlugin.optionsSchema, {});
    const [a] = await collect(randomPlugin.create(options, createRecordingContext({ seed: 1 })));
    const [b] = await collect(randomPlugin.create(options, createRecordingContext({ seed: 1 })));
    const [c] = await collect(randomPlugin.create(options, createRecordingContext({ seed: 2 })));

    expect(a.data).toEqual(b.data);
    expect(a.data).not.toEqual(c.data);
    expect([a.height, a.width, a.atoms]).toEqual([12, 12, 144]);
  });

  it('errors on a non-integer size', async () => {
    const stage = randomPlugin.create({ name: 'r', size: 1.5, atoms: 2, normalise: 'l2' }, createRecordingContext());

    await expect(collect(stage)).rejects.toThrow(/size is 1.5/);
  });
});

describe('dictionary/load', () => {
  let folder = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'heterosparse-dictionary-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads a saved bank with its parameters', async () => {
    const bank = createLogGaborBank({ ...PRESETS.heterogeneous, thetas: 2 });
    await saveDictionary(join(folder, 'small.npy'), bank);
    const options = applySchema<LoadPluginOptions>(loadPlugin.optionsSchema, { path: join(folder, 'small.npy') });
    const [loaded] = await collect(loadPlugin.create(options, createRecordingContext()));

    expect(loaded.name).toBe('small');
    expect(loaded.data).toEqual(bank.data);
    expect(loaded.atomParams).toEqual(bank.atomParams);
  });

  it('reads a bank without parameters', async () => {
    await writeFile(join(folder, 'bare.npy'), formatNpy({ shape: [2, 2, 3], data: new Float32Array(12).fill(1) }));
    const [loaded] = await collect(loadPlugin.create({ path: join(folder, 'bare.npy'), name: 'mine' }, createRecordingContext()));

    expect(loaded.name).toBe('mine');
    expect(loaded.atomParams).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
  });

  it('rejects a 2-D array', async () => {
    await writeFile(join(folder, 'flat.npy'), formatNpy({ shape: [4, 3], data: new Float32Array(12) }));
    const stage = loadPlugin.create({ path: join(folder, 'flat.npy') }, createRecordingContext());

    await expect(collect(stage)).rejects.toThrow(InvalidInputError);
    await expect(collect(stage)).rejects.toThrow(/shape \[4, 3\]/);
  });

  it('rejects parameters of the wrong length', async () => {
    await writeFile(join(folder, 'short.npy'), formatNpy({ shape: [2, 2, 3], data: new Float32Array(12) }));
    await writeFile(join(folder, 'short.json'), JSON.stringify({ atomParams: [{ index: 0 }] }));
    const stage = loadPlugin.create({ path: join(folder, 'short.npy') }, createRecordingContext());

    await expect(collect(stage)).rejects.toThrow(/one entry per atom \(3\), found 1 entries/);
  });

  it('errors on a missing file', async () => {
    const stage = loadPlugin.create({ path: join(folder, 'missing.npy') }, createRecordingContext());

    await expect(collect(stage)).rejects.toThrow(FileReadError);
  });

  it('errors on a missing parameter file that was named', async () => {
    await writeFile(join(folder, 'named.npy'), formatNpy({ shape: [2, 2, 1], data: new Float32Array(4) }));
    const stage = loadPlugin.create({ path: join(folder, 'named.npy'), params: join(folder, 'absent.json') }, createRecordingContext());

    await expect(collect(stage)).rejects.toThrow(/absent.json/);
  });
});
