import { InvalidInputError, type DictionaryItem } from '@heterosparse/core';
import { describe, expect, it } from 'vitest';

import { solveCbpdn } from './solve-cbpdn.ts';

/** K = 2 kernels of 3×3, all ones for atom 0 and a centred impulse for atom 1. */
function smallDictionary(overrides: Partial<DictionaryItem> = {}): DictionaryItem {
  const data = new Float32Array(3 * 3 * 2);
  for (let i = 0; i < 9; i++) data[i * 2] = 1;
  data[4 * 2 + 1] = 1;
  return { kind: 'dictionary', name: 'small', height: 3, width: 3, atoms: 2, data, atomParams: [{ index: 0 }, { index: 1 }], ...overrides };
}

function image(height = 8, width = 8): { data: Float32Array; height: number; width: number } {
  return { data: Float32Array.from({ length: height * width }, (_, i) => Math.sin(i)), height, width };
}

describe('solveCbpdn input checks', () => {
  it('rejects λ ≤ 0', async () => {
    await expect(solveCbpdn(image(), smallDictionary(), { lambda: 0 })).rejects.toThrow(InvalidInputError);
    await expect(solveCbpdn(image(), smallDictionary(), { lambda: -0.1 })).rejects.toThrow(/lambda must be a number > 0 .*received -0.1/);
  });

  it('rejects kernels larger than the image', async () => {
    await expect(solveCbpdn(image(2, 8), smallDictionary())).rejects.toThrow(/kernels of dictionary "small" are 3×3, larger than the 2×8 image/);
  });

  it('rejects an image whose data does not match its shape', async () => {
    const bad = { data: new Float32Array(10), height: 8, width: 8 };
    await expect(solveCbpdn(bad, smallDictionary())).rejects.toThrow(/image shape \[8, 8\] needs 64 values, but its data has 10/);
  });

  it('rejects a dictionary whose data does not match its shape', async () => {
    const bad = smallDictionary({ data: new Float32Array(5) });
    await expect(solveCbpdn(image(), bad)).rejects.toThrow(/dictionary "small" of shape \[3, 3, 2\] needs 18 values, but its data has 5/);
  });

  it('names the position of a NaN in the image', async () => {
    const input = image();
    input.data[8 * 2 + 5] = Number.NaN;
    await expect(solveCbpdn(input, smallDictionary())).rejects.toThrow(/the image contains NaN at index \[2, 5\] of shape \[8, 8\]/);
  });

  it('names the position of an infinity in the dictionary', async () => {
    const dictionary = smallDictionary();
    dictionary.data[(1 * 3 + 2) * 2 + 1] = Number.POSITIVE_INFINITY;
    await expect(solveCbpdn(image(), dictionary)).rejects.toThrow(/dictionary "small" contains Infinity at index \[1, 2, 1\]/);
  });

  it('rejects ℓ1 weights of the wrong length', async () => {
    await expect(solveCbpdn(image(), smallDictionary(), { l1Weights: [1, 1, 1] })).rejects.toThrow(
      /l1Weights has 3 weights, but dictionary "small" has 2 atoms/,
    );
  });

  it('rejects an unknown option by dotted path', async () => {
    await expect(solveCbpdn(image(), smallDictionary(), { autoRho: { enable: false } } as never)).rejects.toThrow(/"autoRho.enable"/);
  });

  it('rejects an unknown backend', async () => {
    await expect(solveCbpdn(image(), smallDictionary(), {}, { backend: 'nope' })).rejects.toThrow(/unknown CBPDN backend "nope"/);
  });
});

describe('solveCbpdn', () => {
  it('returns maps, reconstruction and statistics of the right shapes', async () => {
    const solution = await solveCbpdn(image(), smallDictionary(), { maxIterations: 20 }, { backend: 'cpu-reference' });
    expect(solution.coefficients).toHaveLength(2 * 8 * 8);
    expect(solution.reconstruction).toHaveLength(8 * 8);
    expect(solution.iterations).toHaveLength(solution.iterationCount);
    expect(solution.backend).toBe('cpu-reference');
  });

  it('reports the objective of the returned coefficients', async () => {
    // ½‖reconstruction − s‖² + λ‖y‖₁ recomputed here from the returned arrays.
    const input = image();
    const solution = await solveCbpdn(input, smallDictionary(), { lambda: 0.05, maxIterations: 30 });
    let squaredError = 0;
    for (let i = 0; i < input.data.length; i++) squaredError += (solution.reconstruction[i] - input.data[i]) ** 2;
    let l1 = 0;
    for (const value of solution.coefficients) l1 += Math.abs(value);
    expect(solution.final.dataFidelity).toBeCloseTo(squaredError / 2, 5);
    expect(solution.final.l1).toBeCloseTo(l1, 4);
    expect(solution.final.objective).toBeCloseTo(squaredError / 2 + 0.05 * l1, 4);
  });
});
