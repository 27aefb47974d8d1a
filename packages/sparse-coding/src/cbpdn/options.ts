/**
 * Options of the CBPDN solver, as nested typed defaults.
 *
 * The defaults reproduce `sporco.admm.cbpdn.ConvBPDN` (SPORCO 0.2.x) with the
 * settings of this project's reference runs: λ = 0.01, relative stopping
 * tolerance 1e-4 and 200 iterations. Names keep the usual symbols: ρ the
 * ADMM penalty, α the relaxation, and μ, ξ, τ the residual-balancing settings.
 */
import { InvalidInputError } from '@heterosparse/core';

/** Settings of the adaptive penalty (residual balancing), SPORCO's `AutoRho`. */
export interface AutoRhoOptions {
  /** Adapt ρ from the residuals. Default true. */
  readonly enabled: boolean;
  /** Update ρ every `period` iterations (never at the first). Default 1. */
  readonly period: number;
  /**
   * τ: with `autoScaling`, the largest factor ρ may change by in one update;
   * without it, the fixed factor. Default 1000.
   */
  readonly scaling: number;
  /** μ: ρ changes only when one residual exceeds μ times the other (after scaling by ξ). Default 1.2. */
  readonly residualRatio: number;
  /** ξ: target ratio of primal to dual residual; `null` gives 1 + 18.3^(log10 λ + 1). Default null. */
  readonly residualTarget: number | null;
  /** Scale ρ by sqrt(r / (ξ s)) (capped at τ) instead of by τ. Default true. */
  readonly autoScaling: boolean;
  /** Use the absolute residuals of Boyd et al. (2010) instead of the relative ones. Default false. */
  readonly standardResiduals: boolean;
}

/**
 * Options of `min_x ½‖Σ_k d_k * x_k − s‖² + λ Σ_k w_k ‖x_k‖₁`, solved by ADMM
 * with the splitting x = y.
 */
export interface CbpdnOptions {
  /** λ, weight of the ℓ1 term; must be > 0. Default 0.01. */
  readonly lambda: number;
  /** Initial penalty ρ; `null` gives 50λ + 1. Default null. */
  readonly rho: number | null;
  /** Over-relaxation α in (0, 2); 1 disables relaxation. Default 1.8. */
  readonly relaxation: number;
  /** Largest number of ADMM iterations. Default 200. */
  readonly maxIterations: number;
  /** Relative stopping tolerance on both residuals (SPORCO's `RelStopTol`). Default 1e-4. */
  readonly tolerance: number;
  /** Absolute stopping tolerance (SPORCO's `AbsStopTol`). Default 0. */
  readonly absoluteTolerance: number;
  readonly autoRho: AutoRhoOptions;
  /** w_k, one ℓ1 weight per atom (length K, each ≥ 0); `null` weighs every atom 1. Default null. */
  readonly l1Weights: readonly number[] | null;
  /** Clamp negative coefficients to zero in the Y step. Default false. */
  readonly nonNegative: boolean;
  /**
   * Evaluate the per-iteration objective at the sparse Y iterate instead of
   * the X iterate (SPORCO's `AuxVarObj`). Default false, as in SPORCO.
   */
  readonly objectiveOnY: boolean;
  /** Record one `IterationStats` per iteration; false skips the objective (residuals are always computed). Default true. */
  readonly statistics: boolean;
}

/** A partial set of options: any subset of keys, at any depth. */
export type CbpdnOptionsInput = {
  readonly [K in keyof CbpdnOptions]?: CbpdnOptions[K] extends AutoRhoOptions ? Partial<AutoRhoOptions> : CbpdnOptions[K];
};

/** The defaults; see each field of `CbpdnOptions`. */
export const CBPDN_DEFAULTS: CbpdnOptions = Object.freeze({
  lambda: 0.01,
  rho: null,
  relaxation: 1.8,
  maxIterations: 200,
  tolerance: 1e-4,
  absoluteTolerance: 0,
  autoRho: Object.freeze({
    enabled: true,
    period: 1,
    scaling: 1000,
    residualRatio: 1.2,
    residualTarget: null,
    autoScaling: true,
    standardResiduals: false,
  }),
  l1Weights: null,
  nonNegative: false,
  objectiveOnY: false,
  statistics: true,
});

/**
 * Merges `input` over the defaults and validates the result.
 *
 * Throws `InvalidInputError` naming the dotted path of an unknown key
 * (`autoRho.scale`) or of an invalid value, with the expected range.
 */
export function resolveCbpdnOptions(input: CbpdnOptionsInput = {}): CbpdnOptions {
  const merged = mergeDefaults(CBPDN_DEFAULTS, input, '') as CbpdnOptions;
  validateCbpdnOptions(merged);
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDefaults(defaults: object, input: unknown, path: string): unknown {
  if (!isPlainObject(input)) {
    throw new InvalidInputError(`CBPDN option ${path || 'set'} must be an object, received ${JSON.stringify(input)}`);
  }
  const known = defaults as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(key in known)) {
      const dotted = path === '' ? key : `${path}.${key}`;
      throw new InvalidInputError(
        `unknown CBPDN option "${dotted}"; known options here: ${Object.keys(known).join(', ')}`,
      );
    }
  }
  const result: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(known)) {
    const dotted = path === '' ? key : `${path}.${key}`;
    const value = input[key];
    if (isPlainObject(fallback)) {
      result[key] = mergeDefaults(fallback, value ?? {}, dotted);
    } else {
      result[key] = value === undefined ? fallback : value;
    }
  }
  return result;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new InvalidInputError(`CBPDN option ${path} must be ${expected}, received ${JSON.stringify(value)}`);
}

function requireNumber(path: string, value: unknown, expected: string, accept: (v: number) => boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !accept(value)) fail(path, expected, value);
}

function requireBoolean(path: string, value: unknown): void {
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
}

/** Checks every value of a complete option set; throws `InvalidInputError` naming the first invalid one. */
export function validateCbpdnOptions(options: CbpdnOptions): void {
  requireNumber('lambda', options.lambda, 'a number > 0 (λ, weight of the ℓ1 term)', (v) => v > 0);
  if (options.rho !== null) {
    requireNumber('rho', options.rho, 'a number > 0 or null (50λ + 1)', (v) => v > 0);
  }
  requireNumber('relaxation', options.relaxation, 'a number in (0, 2) (α; 1 disables relaxation)', (v) => v > 0 && v < 2);
  requireNumber('maxIterations', options.maxIterations, 'an integer ≥ 1', (v) => Number.isInteger(v) && v >= 1);
  requireNumber('tolerance', options.tolerance, 'a number ≥ 0', (v) => v >= 0);
  requireNumber('absoluteTolerance', options.absoluteTolerance, 'a number ≥ 0', (v) => v >= 0);

  const auto = options.autoRho;
  requireBoolean('autoRho.enabled', auto.enabled);
  requireNumber('autoRho.period', auto.period, 'an integer ≥ 1', (v) => Number.isInteger(v) && v >= 1);
  requireNumber('autoRho.scaling', auto.scaling, 'a number > 1 (τ)', (v) => v > 1);
  requireNumber('autoRho.residualRatio', auto.residualRatio, 'a number ≥ 1 (μ)', (v) => v >= 1);
  if (auto.residualTarget !== null) {
    requireNumber('autoRho.residualTarget', auto.residualTarget, 'a number > 0 or null (ξ)', (v) => v > 0);
  }
  requireBoolean('autoRho.autoScaling', auto.autoScaling);
  requireBoolean('autoRho.standardResiduals', auto.standardResiduals);

  if (options.l1Weights !== null) {
    if (!Array.isArray(options.l1Weights)) fail('l1Weights', 'an array of numbers ≥ 0 (one per atom) or null', options.l1Weights);
    options.l1Weights.forEach((w, k) => requireNumber(`l1Weights[${k}]`, w, 'a number ≥ 0', (v) => v >= 0));
  }
  requireBoolean('nonNegative', options.nonNegative);
  requireBoolean('objectiveOnY', options.objectiveOnY);
  requireBoolean('statistics', options.statistics);
}

/** ρ at the first iteration: the option, or 50λ + 1 (SPORCO's default for ConvBPDN). */
export function initialRho(options: CbpdnOptions): number {
  return options.rho ?? 50 * options.lambda + 1;
}

/**
 * ξ, the residual ratio targeted by residual balancing: the option, or
 * 1 + 18.3^(log10 λ + 1), the default of SPORCO's ConvBPDN for a given λ.
 */
export function residualTarget(options: CbpdnOptions): number {
  return options.autoRho.residualTarget ?? 1 + Math.pow(18.3, Math.log10(options.lambda) + 1);
}
