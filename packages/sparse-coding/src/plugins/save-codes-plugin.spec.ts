import { EMPTY, lastValueFrom, of, toArray } from 'rxjs';
import { CancelledError, parseNpy, type SparseCodeItem } from '@heterosparse/core';
import { describe, expect, it } from 'vitest';

import { createRecordingContext } from '@heterosparse/test-fixtures';
import { COORDINATE_LAYOUT, codeFileStem, saveCodesPlugin, type SaveCodesPluginOptions } from './save-codes-plugin.ts';

/** Creates a code of K = 2 maps of 2×3 with nonzeros x₀(0, 1) = 1 and x₁(1, 2) = −2. */
function code(imageId = 'coffee', dictionaryName = 'homogeneous'): SparseCodeItem {
  const coefficients = new Float32Array(12);
  coefficients[1] = 1;
  coefficients[6 + 5] = -2;
  return {
    kind: 'sparse-code',
    imageId,
    dictionaryName,
    image: new Float32Array(6),
    height: 2,
    width: 3,
    atoms: 2,
    coefficients,
    reconstruction: new Float32Array(6),
    lambda: 0.01,
    iterations: [],
    converged: false,
    seconds: 0,
    backend: 'cpu-reference',
    atomParams: [{ index: 0 }, { index: 1 }],
  };
}

async function save(options: SaveCodesPluginOptions, codes: unknown[], context = createRecordingContext()): Promise<unknown[]> {
  return lastValueFrom(saveCodesPlugin.create(options, context)({ codes: of(...codes) }).pipe(toArray()));
}

describe('sparse-coding/save-codes', () => {
  it('writes dense [H, W, K] arrays and passes codes on', async () => {
    const context = createRecordingContext();
    const input = code();
    const output = await save({ format: 'dense', directory: 'codes' }, [input], context);
    expect(output).toEqual([input]);
    expect([...context.files.keys()]).toEqual(['codes/coffee__homogeneous.npy']);
    const dense = parseNpy(context.files.get('codes/coffee__homogeneous.npy') as Uint8Array);
    expect(dense.shape).toEqual([2, 3, 2]);
    expect(dense.data[(0 * 3 + 1) * 2 + 0]).toBe(1);
    expect(dense.data[(1 * 3 + 2) * 2 + 1]).toBe(-2);
  });

  it('writes coordinate tables for the sparse format', async () => {
    const context = createRecordingContext();
    await save({ format: 'sparse', directory: 'out' }, [code()], context);
    expect([...context.files.keys()]).toEqual(['out/coffee__homogeneous.coo.npy', 'out/coffee__homogeneous.coo.json']);
    const table = parseNpy(context.files.get('out/coffee__homogeneous.coo.npy') as Uint8Array);
    expect(table.shape).toEqual([2, 4]);
    expect(Array.from(table.data)).toEqual([0, 0, 1, 1, 1, 1, 2, -2]);
  });

  it('records the shape beside the table', async () => {
    // Atoms 1 and 2 of K = 3 are unused, so no row of the table gives K.
    const input = { ...code(), atoms: 3, coefficients: new Float32Array(18), lambda: 0.05 };
    input.coefficients[1] = 1;
    const context = createRecordingContext();
    await save({ format: 'sparse', directory: 'out' }, [input], context);
    const metadata = JSON.parse(String(context.files.get('out/coffee__homogeneous.coo.json'))) as Record<string, unknown>;
    expect(metadata).toEqual({
      image: 'coffee',
      dictionary: 'homogeneous',
      shape: [2, 3, 3],
      layout: COORDINATE_LAYOUT,
      lambda: 0.05,
    });
  });

  it('writes both files for both', async () => {
    const context = createRecordingContext();
    await save({ format: 'both', directory: 'codes' }, [code()], context);
    expect([...context.files.keys()].sort()).toEqual([
      'codes/coffee__homogeneous.coo.json',
      'codes/coffee__homogeneous.coo.npy',
      'codes/coffee__homogeneous.npy',
    ]);
  });

  it('replaces unsafe characters in file names', () => {
    expect(codeFileStem({ imageId: 'a/b c', dictionaryName: '../x' })).toBe('a_b_c__.._x');
  });

  it('completes empty on empty input', async () => {
    const stage = saveCodesPlugin.create({ format: 'dense', directory: 'codes' }, createRecordingContext());
    expect(await lastValueFrom(stage({ codes: EMPTY }).pipe(toArray()))).toEqual([]);
  });

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(save({ format: 'dense', directory: 'codes' }, [code()], createRecordingContext({ signal: controller.signal }))).rejects.toThrow(
      CancelledError,
    );
  });
});
