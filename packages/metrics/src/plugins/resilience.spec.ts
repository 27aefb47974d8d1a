import { describe, expect, it } from 'vitest';
import { EMPTY, Subject, firstValueFrom, lastValueFrom, of, throwError, toArray } from 'rxjs';
import { CancelledError, type MetricsItem } from '@heterosparse/core';

import type { ResiliencePoint } from '../resilience-curve.ts';
import { createRecordingContext } from '@heterosparse/test-fixtures';
import { createSyntheticCode, createSyntheticDictionary } from '../testing/synthetic-code.ts';
import { resiliencePlugin } from './resilience.ts';

function createStage(context = createRecordingContext()) {
  return resiliencePlugin.create({ cutoffs: [0, 0.1, 0.5], peak: null }, context);
}

describe('metrics/resilience', () => {
  it('emits a curve per code', async () => {
    const stage = createStage();
    const output = stage({ codes: of(createSyntheticCode()), dictionaries: of(createSyntheticDictionary()) });
    const items = (await lastValueFrom(output.pipe(toArray<unknown>()))) as MetricsItem[];
    expect(items).toHaveLength(1);
    expect(items[0].values).toEqual({});
    const curve = items[0].details?.resilience as ResiliencePoint[];
    expect(curve.map((point) => point.nonzeros)).toEqual([3, 2, 1]);
    // From createSyntheticCode: 10·log10(16 / 0.01) and 10·log10(16 / 0.0125).
    expect(curve[0].psnr).toBeCloseTo(32.04119982655925, 5);
    expect(curve[1].psnr).toBeCloseTo(31.072099696478684, 5);
  });

  it('waits for the dictionaries to complete', async () => {
    const codes = new Subject<unknown>();
    const dictionaries = new Subject<unknown>();
    const seen: unknown[] = [];
    let completed = false;
    createStage()({ codes, dictionaries }).subscribe({ next: (item) => seen.push(item), complete: () => (completed = true) });

    codes.next(createSyntheticCode({ imageId: 'early' }));
    codes.complete();
    dictionaries.next(createSyntheticDictionary());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual([]);

    dictionaries.complete();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toHaveLength(1);
    expect(completed).toBe(true);
  });

  it('matches dictionaries by name', async () => {
    const codes = of(createSyntheticCode({ dictionaryName: 'b' }), createSyntheticCode({ dictionaryName: 'a' }));
    const dictionaries = of(createSyntheticDictionary('a'), createSyntheticDictionary('b'));
    const items = (await lastValueFrom(createStage()({ codes, dictionaries }).pipe(toArray<unknown>()))) as MetricsItem[];
    expect(items.map((item) => item.dictionaryName)).toEqual(['b', 'a']);
  });

  it('fails without the dictionary', async () => {
    const output = createStage()({ codes: of(createSyntheticCode()), dictionaries: of(createSyntheticDictionary('other')) });
    await expect(lastValueFrom(output)).rejects.toThrow(/used dictionary "synthetic", which is not among .*\("other"\)/);
  });

  it('completes empty on empty input', async () => {
    const output = createStage()({ codes: EMPTY, dictionaries: of(createSyntheticDictionary()) });
    expect(await lastValueFrom(output.pipe(toArray()))).toEqual([]);
  });

  it('passes input errors on', async () => {
    const output = createStage()({ codes: of(createSyntheticCode()), dictionaries: throwError(() => new Error('no bank')) });
    await expect(lastValueFrom(output)).rejects.toThrow('no bank');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const stage = createStage(createRecordingContext({ signal: controller.signal }));
    const output = stage({ codes: of(createSyntheticCode()), dictionaries: of(createSyntheticDictionary()) });
    await expect(firstValueFrom(output)).rejects.toBeInstanceOf(CancelledError);
  });
});
