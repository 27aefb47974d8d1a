import { InvalidInputError } from '@heterosparse/core';
import { describe, expect, it } from 'vitest';

import { CBPDN_DEFAULTS, initialRho, residualTarget, resolveCbpdnOptions, type CbpdnOptionsInput } from './options.ts';

describe('resolveCbpdnOptions', () => {
  it('returns the defaults for no input', () => {
    expect(resolveCbpdnOptions()).toEqual(CBPDN_DEFAULTS);
  });

  it('keeps SPORCO ConvBPDN defaults', () => {
    // Values from sporco/admm/cbpdn.py (ConvBPDN.Options) and the reference README settings.
    const options = resolveCbpdnOptions();
    expect(options.relaxation).toBe(1.8);
    expect(options.autoRho).toEqual({
      enabled: true,
      period: 1,
      scaling: 1000,
      residualRatio: 1.2,
      residualTarget: null,
      autoScaling: true,
      standardResiduals: false,
    });
    expect(options.lambda).toBe(0.01);
    expect(options.tolerance).toBe(1e-4);
  });

  it('merges nested keys over the defaults', () => {
    const options = resolveCbpdnOptions({ lambda: 0.05, autoRho: { period: 10 } });
    expect(options.lambda).toBe(0.05);
    expect(options.autoRho.period).toBe(10);
    expect(options.autoRho.scaling).toBe(1000);
  });

  it('rejects an unknown key by dotted path', () => {
    const input = { autoRho: { scale: 2 } } as unknown as CbpdnOptionsInput;
    expect(() => resolveCbpdnOptions(input)).toThrow(InvalidInputError);
    expect(() => resolveCbpdnOptions(input)).toThrow(/unknown CBPDN option "autoRho.scale"/);
  });

  it('rejects an unknown top-level key', () => {
    expect(() => resolveCbpdnOptions({ lamda: 1 } as unknown as CbpdnOptionsInput)).toThrow(/"lamda"/);
  });

  it.each([
    [{ lambda: 0 }, /lambda must be a number > 0/],
    [{ lambda: -1 }, /lambda must be a number > 0/],
    [{ lambda: Number.NaN }, /lambda must be a number > 0/],
    [{ relaxation: 2 }, /relaxation must be a number in \(0, 2\)/],
    [{ maxIterations: 1.5 }, /maxIterations must be an integer ≥ 1/],
    [{ tolerance: -1 }, /tolerance must be a number ≥ 0/],
    [{ rho: 0 }, /rho must be a number > 0 or null/],
    [{ autoRho: { scaling: 1 } }, /autoRho.scaling must be a number > 1/],
    [{ l1Weights: [1, -1] }, /l1Weights\[1\] must be a number ≥ 0/],
    [{ nonNegative: 'yes' }, /nonNegative must be true or false/],
  ])('rejects %j', (input, message) => {
    expect(() => resolveCbpdnOptions(input as CbpdnOptionsInput)).toThrow(message);
  });
});

describe('derived penalty settings', () => {
  it('starts ρ at 50λ + 1', () => {
    expect(initialRho(resolveCbpdnOptions({ lambda: 0.01 }))).toBeCloseTo(1.5, 12);
    expect(initialRho(resolveCbpdnOptions({ rho: 3 }))).toBe(3);
  });

  it('targets ξ = 1 + 18.3^(log10 λ + 1)', () => {
    // For λ = 0.01: 1 + 18.3^(−1) = 1.0546448087...
    expect(residualTarget(resolveCbpdnOptions({ lambda: 0.01 }))).toBeCloseTo(1 + 1 / 18.3, 12);
    expect(residualTarget(resolveCbpdnOptions({ autoRho: { residualTarget: 2 } }))).toBe(2);
  });
});
