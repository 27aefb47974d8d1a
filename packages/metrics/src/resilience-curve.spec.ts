import { describe, expect, it } from 'vitest';
import { reconstruct } from '@heterosparse/sparse-coding';

import { resilienceCurve } from './resilience-curve.ts';
import { createSyntheticCode, createSyntheticDictionary } from './testing/synthetic-code.ts';

describe('resilienceCurve', () => {
  const code = createSyntheticCode();
  const dictionary = createSyntheticDictionary();

  it('prunes below each cut-off', () => {
    // Squared errors on the 16 pixels of the synthetic code (see createSyntheticCode), peak 1:
    //   c = 0:   only (3,3): 0.01                               → 10·log10(16 / 0.01)   = 32.04119982655925 dB
    //   c = 0.1: adds x₀(2,2) = 0.05 at (2,2): 0.0125            → 10·log10(16 / 0.0125) = 31.072099696478684 dB
    //   c = 0.5: adds x₁(1,1) = 0.3 on 4 pixels: 0.4025           → 15.993540979520375 dB
    //   c = 2:   every coefficient: the image itself, 1.4025      → 10.572171127277258 dB
    const curve = resilienceCurve(code, dictionary, [0, 0.1, 0.5, 2], reconstruct);
    expect(curve.map((point) => point.cutoff)).toEqual([0, 0.1, 0.5, 2]);
    expect(curve.map((point) => point.nonzeros)).toEqual([3, 2, 1, 0]);
    expect(curve.map((point) => point.sparseness)).toEqual([1 - 3 / 32, 1 - 2 / 32, 1 - 1 / 32, 1]);
    const expected = [32.04119982655925, 31.072099696478684, 15.993540979520375, 10.572171127277258];
    curve.forEach((point, i) => expect(point.psnr).toBeCloseTo(expected[i], 5));
  });

  it('keeps a coefficient equal to the cut-off', () => {
    const [point] = resilienceCurve(code, dictionary, [Math.fround(0.3)], reconstruct);
    expect(point.nonzeros).toBe(2);
  });

  it('accepts a fixed peak', () => {
    // 10·log10(255² · 16 / 0.01).
    const [point] = resilienceCurve(code, dictionary, [0], reconstruct, { peak: 255 });
    expect(point.psnr).toBeCloseTo(10 * Math.log10((255 * 255 * 16) / 0.01), 4);
  });

  it('rejects a negative cut-off', () => {
    expect(() => resilienceCurve(code, dictionary, [-0.1], reconstruct)).toThrow(/cut-off -0.1 is invalid/);
  });

  it('rejects another dictionary', () => {
    const other = { ...dictionary, atoms: 3, data: new Float32Array(12) };
    expect(() => resilienceCurve(code, other, [0.1], reconstruct)).toThrow(/has 3 atoms but the code/);
  });
});
