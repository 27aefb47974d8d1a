import { describe, expect, it } from 'vitest';

import { computeCodeMetrics } from './compute-code-metrics.ts';
import { createSyntheticCode } from './testing/synthetic-code.ts';

describe('computeCodeMetrics', () => {
  it('measures the synthetic code', () => {
    // Expected values follow from the construction in createSyntheticCode:
    // 3 nonzeros of 32, ℓ1 = 1 + 0.05 + 0.3, data fidelity ½·0.1², λ = 0.1.
    const { values } = computeCodeMetrics(createSyntheticCode());
    expect(values.psnr).toBeCloseTo(32.04119982655925, 5);
    expect(values.sparseness).toBe(1 - 3 / 32);
    expect(values.nonzeros).toBe(3);
    expect(values.l1).toBeCloseTo(1.35, 6);
    expect(values.dataFidelity).toBeCloseTo(0.005, 8);
    expect(values.objective).toBeCloseTo(0.005 + 0.1 * 1.35, 6);
    expect(values.seconds).toBe(0.25);
    expect(values.converged).toBe(0);
  });

  it('reports the final solver state', () => {
    const { values } = computeCodeMetrics(createSyntheticCode({ converged: true }));
    expect(values.iterations).toBe(2);
    expect(values.primalResidual).toBe(0.01);
    expect(values.dualResidual).toBe(0.02);
    expect(values.converged).toBe(1);
  });

  it('omits solver state without statistics', () => {
    const { values } = computeCodeMetrics(createSyntheticCode({ iterations: [] }));
    expect(values).not.toHaveProperty('iterations');
    expect(values).not.toHaveProperty('primalResidual');
    expect(values).not.toHaveProperty('dualResidual');
  });

  it('uses a fixed peak', () => {
    const { values } = computeCodeMetrics(createSyntheticCode(), { peak: 255 });
    expect(values.psnr).toBeCloseTo(10 * Math.log10((255 * 255 * 16) / 0.01), 4);
  });

  it('groups activation by θ and B_θ', () => {
    const { details } = computeCodeMetrics(createSyntheticCode());
    const activation = details?.activation as Record<string, { value: number; nonzeros: number }[]>;
    expect(activation.theta.map((group) => [group.value, group.nonzeros])).toEqual([
      [0, 2],
      [Math.PI / 2, 1],
    ]);
    expect(activation.bTheta.map((group) => [group.value, group.nonzeros])).toEqual([
      [Math.PI / 36, 2],
      [Math.PI / 18, 1],
    ]);
  });

  it('records the backend of the solve', () => {
    const { details } = computeCodeMetrics({ ...createSyntheticCode(), backend: 'cpu-fast' });
    expect(details?.backend).toBe('cpu-fast');
  });

  it('skips grouping without atom parameters', () => {
    const code = { ...createSyntheticCode(), atomParams: [{ index: 0 }, { index: 1, theta: 1 }] };
    const { details } = computeCodeMetrics(code);
    expect(details?.activation).toEqual({});
  });

  it('names the image of a bad shape', () => {
    const code = { ...createSyntheticCode({ imageId: 'coffee' }), coefficients: new Float32Array(31) };
    expect(() => computeCodeMetrics(code)).toThrow(/coefficients of image "coffee" .* has 31 entries, expected 32/);
  });

  it('names a NaN coefficient', () => {
    const code = createSyntheticCode();
    code.coefficients[7] = Number.NaN;
    expect(() => computeCodeMetrics(code)).toThrow(/image "tiny" with dictionary "synthetic": coefficients\[7\] is NaN/);
  });
});
