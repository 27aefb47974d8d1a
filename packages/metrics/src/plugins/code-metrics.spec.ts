import { describe, expect, it } from 'vitest';
import { EMPTY, Subject, firstValueFrom, lastValueFrom, of, throwError, toArray } from 'rxjs';
import { CancelledError, type MetricsItem } from '@heterosparse/core';

import { createRecordingContext } from '@heterosparse/test-fixtures';
import { createSyntheticCode } from '../testing/synthetic-code.ts';
import { codeMetricsPlugin } from './code-metrics.ts';

function createStage(context = createRecordingContext()) {
  return codeMetricsPlugin.create({ peak: null }, context);
}

describe('metrics/code-metrics', () => {
  it('emits one item per code in order', async () => {
    const codes = [createSyntheticCode({ imageId: 'a' }), createSyntheticCode({ imageId: 'b' })];
    const items = (await lastValueFrom(createStage()({ codes: of(...codes) }).pipe(toArray<unknown>()))) as MetricsItem[];
    expect(items.map((item) => item.imageId)).toEqual(['a', 'b']);
    expect(items[0].kind).toBe('metrics');
    expect(items[0].dictionaryName).toBe('synthetic');
    expect(items[0].values.nonzeros).toBe(3);
  });

  it('completes after its input', async () => {
    const codes = new Subject<unknown>();
    let completed = false;
    const seen: unknown[] = [];
    createStage()({ codes }).subscribe({ next: (item) => seen.push(item), complete: () => (completed = true) });
    codes.next(createSyntheticCode());
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(1);
    expect(completed).toBe(false);
    codes.complete();
    await new Promise((resolve) => setImmediate(resolve));
    expect(completed).toBe(true);
  });

  it('completes empty on empty input', async () => {
    expect(await lastValueFrom(createStage()({ codes: EMPTY }).pipe(toArray()))).toEqual([]);
  });

  it('passes input errors on', async () => {
    await expect(lastValueFrom(createStage()({ codes: throwError(() => new Error('coder failed')) }))).rejects.toThrow(
      'coder failed',
    );
  });

  it('fails on an invalid code', async () => {
    const code = { ...createSyntheticCode({ imageId: 'bad' }), reconstruction: new Float32Array(3) };
    await expect(lastValueFrom(createStage()({ codes: of(code) }))).rejects.toThrow(/reconstruction of image "bad"/);
  });

  it('rejects items of another kind', async () => {
    await expect(lastValueFrom(createStage()({ codes: of({ kind: 'image' }) }))).rejects.toThrow(
      /expected items of kind "sparse-code", received "image"/,
    );
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const stage = createStage(createRecordingContext({ signal: controller.signal }));
    await expect(firstValueFrom(stage({ codes: of(createSyntheticCode()) }))).rejects.toBeInstanceOf(CancelledError);
  });

  it('reports progress per code', async () => {
    const context = createRecordingContext();
    await lastValueFrom(createStage(context)({ codes: of(createSyntheticCode({ imageId: 'a' })) }));
    expect(context.progressEvents).toEqual([{ done: 1, message: 'a / synthetic' }]);
  });
});
