/**
 * The steps of one ADMM iteration for CBPDN, on float32 buffers with float64
 * sums. Arrays in the spatial domain have shape `[atoms, height, width]`;
 * spectra are half spectra `[atoms, height, halfWidth]`, complex interleaved.
 *
 * Problem: min_x ½‖Σ_k d_k * x_k − s‖² + λ Σ_k w_k ‖x_k‖₁, split as x = y,
 * with the scaled dual variable u, in the order of SPORCO's `ADMM.solve`.
 */
import { NumericalError, type IterationStats, type Logger } from '@heterosparse/core';

import type { DictionarySpectra } from './spectra.ts';

/**
 * X step: solves (DᴴD + ρI) X = DᴴS + ρ·FFT(y − u) independently at each
 * frequency with the Sherman–Morrison formula, in place:
 *
 *   X_k = (b_k − conj(D_k) · a) / ρ,  a = Σ_j D_j b_j / (Σ_j |D_j|² + ρ).
 *
 * On entry `spectrum` contains FFT(y − u); on exit it contains X. `accumulator`
 * is float64 scratch of `2 · frequencies` values.
 */
export function solveXStep(
  dictionary: DictionarySpectra,
  dictionaryTimesImage: Float32Array,
  spectrum: Float32Array,
  rho: number,
  atoms: number,
  accumulator: Float64Array,
): void {
  const frequencies = dictionary.energy.length;
  const spectra = dictionary.spectra;
  accumulator.fill(0);

  // b_k = DᴴS_k + ρ·FFT(y − u)_k, and the sum Σ_k D_k b_k at each frequency.
  for (let k = 0; k < atoms; k++) {
    const offset = k * 2 * frequencies;
    for (let f = 0; f < frequencies; f++) {
      const i = offset + 2 * f;
      const br = Math.fround(dictionaryTimesImage[i] + rho * spectrum[i]);
      const bi = Math.fround(dictionaryTimesImage[i + 1] + rho * spectrum[i + 1]);
      spectrum[i] = br;
      spectrum[i + 1] = bi;
      const dr = spectra[i];
      const di = spectra[i + 1];
      accumulator[2 * f] += dr * br - di * bi;
      accumulator[2 * f + 1] += dr * bi + di * br;
    }
  }

  // a = Σ_k D_k b_k / (Σ_k |D_k|² + ρ).
  for (let f = 0; f < frequencies; f++) {
    const scale = 1 / (dictionary.energy[f] + rho);
    accumulator[2 * f] *= scale;
    accumulator[2 * f + 1] *= scale;
  }

  // X_k = (b_k − conj(D_k) a) / ρ.
  for (let k = 0; k < atoms; k++) {
    const offset = k * 2 * frequencies;
    for (let f = 0; f < frequencies; f++) {
      const i = offset + 2 * f;
      const dr = spectra[i];
      const di = spectra[i + 1];
      const ar = accumulator[2 * f];
      const ai = accumulator[2 * f + 1];
      spectrum[i] = (spectrum[i] - (dr * ar + di * ai)) / rho;
      spectrum[i + 1] = (spectrum[i + 1] - (dr * ai - di * ar)) / rho;
    }
  }
}

/** Squared norms and weighted ℓ1 norms gathered while the Y and U steps run (float64). */
export interface StepSums {
  /** ‖x‖². */
  xSquared: number;
  /** ‖y‖² of the new y. */
  ySquared: number;
  /** ‖u‖² of the new u. */
  uSquared: number;
  /** ‖x − y‖², the primal residual before normalisation. */
  primalSquared: number;
  /** ‖y − y_prev‖², the dual residual before the factor ρ and normalisation. */
  changeSquared: number;
  /** Σ_k w_k ‖x_k‖₁. */
  l1OfX: number;
  /** Σ_k w_k ‖y_k‖₁. */
  l1OfY: number;
}

/**
 * Relaxation, Y step and U step, fused in one pass over every coefficient:
 *
 *   x_r = α x + (1 − α) y_prev                       (over-relaxation)
 *   y   = sign(x_r + u) · max(|x_r + u| − λ w_k / ρ, 0) (soft thresholding;
 *         then negative values set to 0 when `nonNegative`)
 *   u   = u + x_r − y                                  (scaled dual update)
 *
 * Updates `y` and `u` in place and returns the sums the residuals and the
 * statistics need.
 */
export function relaxShrinkAndUpdateDual(
  x: Float32Array,
  y: Float32Array,
  u: Float32Array,
  weights: Float64Array,
  lambda: number,
  rho: number,
  alpha: number,
  nonNegative: boolean,
): StepSums {
  // Plain local accumulators: V8 keeps them unboxed, unlike fields of an object.
  let xSquared = 0;
  let ySquared = 0;
  let uSquared = 0;
  let primalSquared = 0;
  let changeSquared = 0;
  let l1OfX = 0;
  let l1OfY = 0;
  const atoms = weights.length;
  const planeSize = x.length / atoms;
  for (let k = 0; k < atoms; k++) {
    const threshold = (lambda / rho) * weights[k];
    let planeL1OfX = 0;
    let planeL1OfY = 0;
    for (let i = k * planeSize, end = i + planeSize; i < end; i++) {
      const xValue = x[i];
      const yPrevious = y[i];
      const relaxed = alpha * xValue + (1 - alpha) * yPrevious;
      const v = relaxed + u[i];
      const magnitude = Math.abs(v) - threshold;
      let yValue = magnitude > 0 ? Math.fround(v > 0 ? magnitude : -magnitude) : 0;
      if (nonNegative && yValue < 0) yValue = 0;
      const uValue = Math.fround(u[i] + relaxed - yValue);
      y[i] = yValue;
      u[i] = uValue;

      xSquared += xValue * xValue;
      ySquared += yValue * yValue;
      uSquared += uValue * uValue;
      primalSquared += (xValue - yValue) * (xValue - yValue);
      changeSquared += (yValue - yPrevious) * (yValue - yPrevious);
      planeL1OfX += Math.abs(xValue);
      planeL1OfY += Math.abs(yValue);
    }
    l1OfX += weights[k] * planeL1OfX;
    l1OfY += weights[k] * planeL1OfY;
  }
  const sums: StepSums = { xSquared, ySquared, uSquared, primalSquared, changeSquared, l1OfX, l1OfY };
  return sums;
}

/** Primal and dual residuals and their stopping thresholds. */
export interface Residuals {
  readonly primal: number;
  readonly dual: number;
  readonly primalThreshold: number;
  readonly dualThreshold: number;
}

/**
 * Computes the residuals as SPORCO's `ADMM.compute_residuals` does. Relative
 * (default): r = ‖x − y‖ / max(‖x‖, ‖y‖), s = ρ‖y − y_prev‖ / (ρ‖u‖), with a
 * zero denominator replaced by 1, and thresholds ε_abs·√n / denominator + ε_rel.
 * Standard (the residuals of Boyd et al. 2010 that SPORCO offers as `StdResiduals`): r = ‖x − y‖, s = ρ‖y − y_prev‖,
 * thresholds ε_abs·√n + ε_rel · (max(‖x‖, ‖y‖) or ρ‖u‖).
 */
export function computeResiduals(
  sums: StepSums,
  rho: number,
  count: number,
  relativeTolerance: number,
  absoluteTolerance: number,
  standard: boolean,
): Residuals {
  const primalNorm = Math.max(Math.sqrt(sums.xSquared), Math.sqrt(sums.ySquared));
  const dualNorm = rho * Math.sqrt(sums.uSquared);
  const primal = Math.sqrt(sums.primalSquared);
  const dual = rho * Math.sqrt(sums.changeSquared);
  const absolute = Math.sqrt(count) * absoluteTolerance;
  if (standard) {
    return {
      primal,
      dual,
      primalThreshold: absolute + primalNorm * relativeTolerance,
      dualThreshold: absolute + dualNorm * relativeTolerance,
    };
  }
  const primalScale = primalNorm === 0 ? 1 : primalNorm;
  const dualScale = dualNorm === 0 ? 1 : dualNorm;
  return {
    primal: primal / primalScale,
    dual: dual / dualScale,
    primalThreshold: absolute / primalScale + relativeTolerance,
    dualThreshold: absolute / dualScale + relativeTolerance,
  };
}

/** Settings of residual balancing, resolved to numbers. */
export interface PenaltySchedule {
  readonly enabled: boolean;
  readonly period: number;
  /** τ. */
  readonly scaling: number;
  /** μ. */
  readonly residualRatio: number;
  /** ξ. */
  readonly residualTarget: number;
  readonly autoScaling: boolean;
}

/**
 * Returns the factor ρ is multiplied by after iteration `iteration` (0-based),
 * as SPORCO's `ADMM.update_rho`: never at iteration 0, then every `period`
 * iterations. With m = sqrt(r / (ξ s)) when r > ξ s, else sqrt(ξ s / r),
 * capped at τ (m = τ when a residual is 0 or without auto scaling):
 * ρ·m when r > ξ μ s, ρ/m when s > (μ / ξ) r, else unchanged (factor 1).
 * The caller divides u by the same factor.
 */
export function penaltyFactor(schedule: PenaltySchedule, iteration: number, primal: number, dual: number): number {
  if (!schedule.enabled || iteration === 0 || (iteration + 1) % schedule.period !== 0) return 1;
  const { scaling: tau, residualRatio: mu, residualTarget: xi } = schedule;
  let multiplier = tau;
  if (schedule.autoScaling && primal !== 0 && dual !== 0) {
    multiplier = Math.sqrt(primal > dual * xi ? primal / (dual * xi) : (dual * xi) / primal);
    if (multiplier > tau) multiplier = tau;
  }
  if (primal > xi * mu * dual) return multiplier;
  if (dual > (mu / xi) * primal) return 1 / multiplier;
  return 1;
}

/** Creates the error for an iterate or ρ that stopped being finite, naming the iteration and the norms. */
export function divergenceError(sums: Pick<StepSums, 'xSquared' | 'ySquared' | 'uSquared'>, rho: number, iteration: number): NumericalError {
  return new NumericalError(
    `CBPDN diverged at iteration ${iteration}: ‖x‖² = ${sums.xSquared}, ‖y‖² = ${sums.ySquared}, ` +
      `‖u‖² = ${sums.uSquared}, ρ = ${rho}. Check the inputs for extreme values, or lower the relaxation α or the initial ρ.`,
  );
}

/** Quantities of one iteration from which its statistics record is built. */
export interface IterationMeasures {
  readonly iteration: number;
  readonly dataFidelity: number;
  /** Weighted ℓ1 norm, without λ. */
  readonly l1: number;
  readonly lambda: number;
  readonly residuals: Residuals;
  /** Penalty ρ used in the iteration. */
  readonly rho: number;
  /** `performance.now()` at the start of the solve. */
  readonly start: number;
}

/** Builds the fixed statistics record of one iteration and logs it at debug level. */
export function recordIteration(measures: IterationMeasures, logger: Logger | undefined): IterationStats {
  const { residuals, rho } = measures;
  const record: IterationStats = {
    iteration: measures.iteration,
    objective: measures.dataFidelity + measures.lambda * measures.l1,
    dataFidelity: measures.dataFidelity,
    l1: measures.l1,
    primalResidual: residuals.primal,
    dualResidual: residuals.dual,
    primalThreshold: residuals.primalThreshold,
    dualThreshold: residuals.dualThreshold,
    rho,
    time: (performance.now() - measures.start) / 1000,
  };
  logger?.debug(
    `iteration ${record.iteration}: objective ${record.objective.toPrecision(6)}, ` +
      `r ${record.primalResidual.toExponential(2)}, s ${record.dualResidual.toExponential(2)}, ρ ${rho.toPrecision(4)}`,
  );
  return record;
}
