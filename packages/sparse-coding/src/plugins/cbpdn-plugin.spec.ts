import { EMPTY, Subject, lastValueFrom, of, toArray } from 'rxjs';
import { CancelledError, InvalidInputError, type SparseCodeItem } from '@heterosparse/core';
import { describe, expect, it } from 'vitest';

import { createRecordingContext } from '@heterosparse/test-fixtures';
import { tinyDictionary, tinyImage } from '../testing/tiny-items.ts';
import { cbpdnPlugin, type CbpdnPluginOptions } from './cbpdn-plugin.ts';

const OPTIONS: CbpdnPluginOptions = { lambda: 0.05, maxIterations: 10, backend: 'cpu-reference' };

async function run(images: unknown[], dictionaries: unknown[], context = createRecordingContext()): Promise<SparseCodeItem[]> {
  const stage = cbpdnPlugin.create(OPTIONS, context);
  return (await lastValueFrom(stage({ images: of(...images), dictionary: of(...dictionaries) }).pipe(toArray<unknown>()))) as SparseCodeItem[];
}

describe('sparse-coding/cbpdn', () => {
  it('codes every image with every dictionary', async () => {
    const codes = await run([tinyImage('a'), tinyImage('b')], [tinyDictionary('d1'), tinyDictionary('d2')]);
    expect(codes.map((code) => `${code.imageId}/${code.dictionaryName}`)).toEqual(['a/d1', 'a/d2', 'b/d1', 'b/d2']);
    expect(codes[0]).toMatchObject({ kind: 'sparse-code', height: 8, width: 8, atoms: 2, lambda: 0.05, backend: 'cpu-reference' });
    expect(codes[0].coefficients).toHaveLength(2 * 64);
    expect(codes[0].iterations).toHaveLength(10);
  });

  it('reports progress per image and dictionary', async () => {
    const context = createRecordingContext();
    await run([tinyImage('a')], [tinyDictionary('d1'), tinyDictionary('d2')], context);
    expect(context.progressEvents).toEqual([
      { done: 1, message: 'a / d1' },
      { done: 2, message: 'a / d2' },
    ]);
  });

  it('waits for every dictionary before coding', async () => {
    const images = new Subject<unknown>();
    const dictionaries = new Subject<unknown>();
    const seen: SparseCodeItem[] = [];
    const done = new Promise<void>((resolve) =>
      cbpdnPlugin
        .create(OPTIONS, createRecordingContext())({ images, dictionary: dictionaries })
        .subscribe({ next: (code) => seen.push(code as SparseCodeItem), complete: resolve }),
    );
    images.next(tinyImage('early'));
    images.complete();
    dictionaries.next(tinyDictionary('d1'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([]);
    dictionaries.next(tinyDictionary('d2'));
    dictionaries.complete();
    await done;
    expect(seen.map((code) => code.dictionaryName)).toEqual(['d1', 'd2']);
  });

  it('completes empty without images', async () => {
    const stage = cbpdnPlugin.create(OPTIONS, createRecordingContext());
    expect(await lastValueFrom(stage({ images: EMPTY, dictionary: of(tinyDictionary()) }).pipe(toArray()))).toEqual([]);
  });

  it('rejects colour images', async () => {
    await expect(run([tinyImage('rgb', 3)], [tinyDictionary()])).rejects.toThrow(InvalidInputError);
    await expect(run([tinyImage('rgb', 3)], [tinyDictionary()])).rejects.toThrow(/image "rgb" has 3 channels.*datasets\/grey/);
  });

  it('rejects images when no dictionary arrived', async () => {
    await expect(run([tinyImage('a')], [])).rejects.toThrow(/no dictionary arrived/);
  });

  it('rejects items of another kind', async () => {
    await expect(run([{ kind: 'array' }], [tinyDictionary()])).rejects.toThrow(/expected items of kind "image", received "array"/);
  });

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(run([tinyImage('a')], [tinyDictionary()], createRecordingContext({ signal: controller.signal }))).rejects.toThrow(CancelledError);
  });
});
