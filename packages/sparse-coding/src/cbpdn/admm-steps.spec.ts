import { describe, expect, it } from 'vitest';

import { computeResiduals, penaltyFactor, relaxShrinkAndUpdateDual, type PenaltySchedule, type StepSums } from './admm-steps.ts';

const SCHEDULE: PenaltySchedule = { enabled: true, period: 1, scaling: 1000, residualRatio: 1.2, residualTarget: 2, autoScaling: true };

describe('penaltyFactor', () => {
  it('leaves ρ alone at the first iteration', () => {
    expect(penaltyFactor(SCHEDULE, 0, 10, 1)).toBe(1);
  });

  it('raises ρ when the primal residual dominates', () => {
    // r = 8, s = 1, ξ = 2: r > ξμs = 2.4, factor sqrt(r / (ξ s)) = 2.
    expect(penaltyFactor(SCHEDULE, 1, 8, 1)).toBeCloseTo(2, 12);
  });

  it('lowers ρ when the dual residual dominates', () => {
    // r = 1, s = 8, ξ = 2: s > (μ/ξ) r = 0.6, factor 1 / sqrt(ξ s / r) = 1/4.
    expect(penaltyFactor(SCHEDULE, 1, 1, 8)).toBeCloseTo(0.25, 12);
  });

  it('keeps ρ between the two bounds', () => {
    // r = 2, s = 1: neither r > 2.4 nor s > 1.2.
    expect(penaltyFactor(SCHEDULE, 1, 2, 1)).toBe(1);
  });

  it('caps the factor at τ', () => {
    expect(penaltyFactor(SCHEDULE, 1, 1e12, 1)).toBe(1000);
  });

  it('uses τ when a residual is zero', () => {
    expect(penaltyFactor(SCHEDULE, 1, 1, 0)).toBe(1000);
  });

  it('updates only every period iterations', () => {
    const every3 = { ...SCHEDULE, period: 3 };
    expect(penaltyFactor(every3, 1, 8, 1)).toBe(1);
    expect(penaltyFactor(every3, 2, 8, 1)).toBeCloseTo(2, 12);
  });

  it('does nothing when disabled', () => {
    expect(penaltyFactor({ ...SCHEDULE, enabled: false }, 5, 8, 1)).toBe(1);
  });
});

describe('computeResiduals', () => {
  const sums: StepSums = { xSquared: 16, ySquared: 9, uSquared: 4, primalSquared: 1, changeSquared: 0.25, l1OfX: 0, l1OfY: 0 };

  it('normalises by the iterate norms', () => {
    // r = 1 / max(4, 3), s = ρ·0.5 / (ρ·2) with ρ = 3.
    const residuals = computeResiduals(sums, 3, 100, 1e-4, 0, false);
    expect(residuals.primal).toBeCloseTo(0.25, 12);
    expect(residuals.dual).toBeCloseTo(0.25, 12);
    expect(residuals.primalThreshold).toBe(1e-4);
    expect(residuals.dualThreshold).toBe(1e-4);
  });

  it('gives standard residuals on request', () => {
    // ε_abs √n = 0.1 · 10; primal threshold 1 + 4 · 0.01, dual 1 + 6 · 0.01.
    const residuals = computeResiduals(sums, 3, 100, 0.01, 0.1, true);
    expect(residuals.primal).toBeCloseTo(1, 12);
    expect(residuals.dual).toBeCloseTo(1.5, 12);
    expect(residuals.primalThreshold).toBeCloseTo(1.04, 12);
    expect(residuals.dualThreshold).toBeCloseTo(1.06, 12);
  });

  it('replaces zero norms by one', () => {
    const zero: StepSums = { xSquared: 0, ySquared: 0, uSquared: 0, primalSquared: 0, changeSquared: 0, l1OfX: 0, l1OfY: 0 };
    const residuals = computeResiduals(zero, 1, 4, 1e-4, 0, false);
    expect(residuals.primal).toBe(0);
    expect(residuals.dual).toBe(0);
  });
});

describe('relaxShrinkAndUpdateDual', () => {
  it('relaxes, thresholds and updates u', () => {
    // One atom, α = 1.5, λ/ρ = 0.5: x_r = 1.5x − 0.5y_prev, y = shrink(x_r + u, 0.5), u += x_r − y.
    const x = new Float32Array([2, -1, 0.25]);
    const y = new Float32Array([1, 0, 0]);
    const u = new Float32Array([0, -0.5, 0]);
    const sums = relaxShrinkAndUpdateDual(x, y, u, new Float64Array([1]), 1, 2, 1.5, false);
    // x_r = [2.5, −1.5, 0.375]; x_r + u = [2.5, −2, 0.375]; y = [2, −1.5, 0]; u = [0.5, −0.5, 0.375].
    expect(Array.from(y)).toEqual([2, -1.5, 0]);
    expect(Array.from(u)).toEqual([0.5, -0.5, 0.375]);
    expect(sums.ySquared).toBeCloseTo(6.25, 12);
    expect(sums.primalSquared).toBeCloseTo(0 + 0.25 + 0.0625, 12);
    expect(sums.changeSquared).toBeCloseTo(1 + 2.25, 12);
    expect(sums.l1OfX).toBeCloseTo(3.25, 12);
    expect(sums.l1OfY).toBeCloseTo(3.5, 12);
  });

  it('clamps negative values when non-negative', () => {
    const y = new Float32Array([0, 0]);
    relaxShrinkAndUpdateDual(new Float32Array([-3, 3]), y, new Float32Array(2), new Float64Array([1]), 1, 1, 1, true);
    expect(Array.from(y)).toEqual([0, 2]);
  });

  it('scales the threshold by the atom weight', () => {
    // Two atoms of one coefficient each: thresholds 0.5 · [0, 4].
    const y = new Float32Array(2);
    relaxShrinkAndUpdateDual(new Float32Array([1, 1]), y, new Float32Array(2), new Float64Array([0, 4]), 1, 2, 1, false);
    expect(Array.from(y)).toEqual([1, 0]);
  });
});
