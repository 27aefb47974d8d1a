import { describe, expect, it } from 'vitest';

import { InvalidInputError, readNpy } from '@heterosparse/core';
import { golden64 } from '@heterosparse/test-fixtures';

import { createLogGaborBank } from './log-gabor-bank.ts';
import { PRESETS } from './presets.ts';

/** Largest absolute difference between two arrays of equal length. */
function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('createLogGaborBank', () => {
  // Reference banks: SPORCO test vectors in test-fixtures/reference/golden64, built with NumPy.
  for (const name of ['homogeneous', 'heterogeneous'] as const) {
    it(`matches the reference ${name} bank`, async () => {
      const reference = await readNpy(golden64(`dict_${name}.npy`));
      const bank = createLogGaborBank(PRESETS[name]);

      expect([bank.height, bank.width, bank.atoms]).toEqual(reference.shape);
      expect(maxAbsDifference(bank.data, reference.data)).toBeLessThan(1e-5);
    });
  }

  it('orders atoms by orientation, bandwidth, phase', () => {
    const bank = createLogGaborBank(PRESETS.heterogeneous);
    const [first, second, third] = bank.atomParams;

    expect(bank.atomParams).toHaveLength(144);
    expect(first).toMatchObject({ index: 0, theta: 0, bTheta: Math.PI / 36, phase: 0, sf0: 0.4, bSf: 0.4 });
    expect(second).toMatchObject({ index: 1, theta: 0, bTheta: Math.PI / 36, phase: Math.PI / 2 });
    expect(third).toMatchObject({ index: 2, theta: 0, bTheta: (2 * Math.PI) / 36, phase: 0 });
    expect(bank.atomParams[12]).toMatchObject({ theta: Math.PI / 12, bTheta: Math.PI / 36, phase: 0 });
  });

  it('scales atoms to unit max-abs', () => {
    const bank = createLogGaborBank(PRESETS.homogeneous);
    for (let k = 0; k < bank.atoms; k++) {
      let peak = 0;
      for (let pixel = 0; pixel < 144; pixel++) peak = Math.max(peak, Math.abs(bank.data[pixel * bank.atoms + k]));
      expect(peak).toBeCloseTo(1, 6);
    }
  });

  it('scales atoms to unit l2 norm', () => {
    const bank = createLogGaborBank({ ...PRESETS.heterogeneous, normalise: 'l2' });
    for (let k = 0; k < bank.atoms; k++) {
      let sum = 0;
      for (let pixel = 0; pixel < 144; pixel++) sum += bank.data[pixel * bank.atoms + k] ** 2;
      expect(Math.sqrt(sum)).toBeCloseTo(1, 5);
    }
  });

  it('takes explicit orientation lists', () => {
    const bank = createLogGaborBank({ ...PRESETS.homogeneous, thetas: [0, Math.PI / 2], bThetas: [0.1, 0.2], phases: [0] });

    expect(bank.atoms).toBe(4);
    expect(bank.atomParams.map((atom) => [atom.theta, atom.bTheta])).toEqual([
      [0, 0.1],
      [0, 0.2],
      [Math.PI / 2, 0.1],
      [Math.PI / 2, 0.2],
    ]);
  });

  it('builds other even sizes', () => {
    const bank = createLogGaborBank({ ...PRESETS.heterogeneous, size: 16 });

    expect([bank.height, bank.width, bank.atoms]).toEqual([16, 16, 144]);
    expect(bank.data.every(Number.isFinite)).toBe(true);
  });

  it('keeps narrow bandwidths finite', () => {
    const bank = createLogGaborBank({ ...PRESETS.homogeneous, thetas: 2, bThetas: 0.02 });

    expect(bank.data.every(Number.isFinite)).toBe(true);
  });

  it('draws seeded bandwidths reproducibly', () => {
    const options = {
      ...PRESETS.heterogeneous,
      bThetas: { distribution: 'uniform', min: 0.1, max: 0.5, count: 3, seed: 7, perOrientation: true },
    } as const;
    const first = createLogGaborBank(options);
    const second = createLogGaborBank(options);
    const bandwidths = first.atomParams.map((atom) => atom.bTheta ?? Number.NaN);

    expect(second.data).toEqual(first.data);
    expect(first.atoms).toBe(12 * 3 * 2);
    expect(bandwidths.every((value) => value >= 0.1 && value <= 0.5)).toBe(true);
    // Per-orientation draws differ between orientations.
    expect(bandwidths.slice(0, 6)).not.toEqual(bandwidths.slice(6, 12));
  });

  it.each([
    [{ size: 11 }, /size is 11/],
    [{ size: 2 }, /size is 2/],
    [{ thetas: 0 }, /thetas is 0/],
    [{ thetas: [] }, /thetas is an empty list/],
    [{ bThetas: -1 }, /bThetas is -1/],
    [{ bThetas: [0.1, 0] }, /bThetas\[1\] is 0/],
    [{ phases: [] }, /phases is an empty list/],
    [{ sf0: 0.6 }, /sf0 is 0.6/],
    [{ bSf: 0 }, /bSf is 0/],
    [{ bThetas: { distribution: 'uniform', min: 0.5, max: 0.1, count: 2, seed: 1 } }, /bThetas.max/],
  ])('rejects invalid option %o', (override, message) => {
    const options = { ...PRESETS.homogeneous, ...override } as Parameters<typeof createLogGaborBank>[0];

    expect(() => createLogGaborBank(options)).toThrow(InvalidInputError);
    expect(() => createLogGaborBank(options)).toThrow(message);
  });
});
