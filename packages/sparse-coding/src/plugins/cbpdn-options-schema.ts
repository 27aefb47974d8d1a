import type { JsonSchema } from '@heterosparse/core';

import { CBPDN_DEFAULTS } from '../cbpdn/options.ts';

const AUTO_RHO = CBPDN_DEFAULTS.autoRho;

/**
 * JSON Schema of the solver options as a pipeline stage gives them; the
 * defaults are those of `CBPDN_DEFAULTS`. `resolveCbpdnOptions` checks the
 * same constraints again, so a caller outside a pipeline gets the same errors.
 */
export const CBPDN_OPTIONS_PROPERTIES: Readonly<Record<string, JsonSchema>> = {
  lambda: {
    type: 'number',
    exclusiveMinimum: 0,
    default: CBPDN_DEFAULTS.lambda,
    description: 'λ, weight of the ℓ1 term of ½‖Σ d_k * x_k − s‖² + λ Σ w_k ‖x_k‖₁; larger values give sparser codes.',
  },
  maxIterations: {
    type: 'integer',
    minimum: 1,
    default: CBPDN_DEFAULTS.maxIterations,
    description: 'Largest number of ADMM iterations.',
  },
  tolerance: {
    type: 'number',
    minimum: 0,
    default: CBPDN_DEFAULTS.tolerance,
    description: 'Relative stopping tolerance: the solve stops when both relative residuals fall below it.',
  },
  absoluteTolerance: {
    type: 'number',
    minimum: 0,
    default: CBPDN_DEFAULTS.absoluteTolerance,
    description: 'Absolute stopping tolerance, scaled by the square root of the coefficient count.',
  },
  rho: {
    anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }],
    default: CBPDN_DEFAULTS.rho,
    description: 'Initial ADMM penalty ρ; null uses 50λ + 1.',
  },
  relaxation: {
    type: 'number',
    exclusiveMinimum: 0,
    exclusiveMaximum: 2,
    default: CBPDN_DEFAULTS.relaxation,
    description: 'Over-relaxation α; 1 disables relaxation.',
  },
  autoRho: {
    type: 'object',
    additionalProperties: false,
    default: {},
    description: 'Adaptive penalty by residual balancing.',
    properties: {
      enabled: { type: 'boolean', default: AUTO_RHO.enabled, description: 'Adapt ρ from the residuals.' },
      period: { type: 'integer', minimum: 1, default: AUTO_RHO.period, description: 'Iterations between two updates of ρ.' },
      scaling: {
        type: 'number',
        exclusiveMinimum: 1,
        default: AUTO_RHO.scaling,
        description: 'τ: largest factor ρ changes by in one update (the fixed factor when autoScaling is false).',
      },
      residualRatio: {
        type: 'number',
        minimum: 1,
        default: AUTO_RHO.residualRatio,
        description: 'μ: ρ changes only when one residual exceeds μ times the other, after scaling by ξ.',
      },
      residualTarget: {
        anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }],
        default: AUTO_RHO.residualTarget,
        description: 'ξ: target ratio of primal to dual residual; null uses 1 + 18.3^(log10 λ + 1).',
      },
      autoScaling: {
        type: 'boolean',
        default: AUTO_RHO.autoScaling,
        description: 'Scale ρ by sqrt(r / (ξ s)), capped at τ, instead of by τ.',
      },
      standardResiduals: {
        type: 'boolean',
        default: AUTO_RHO.standardResiduals,
        description: 'Use absolute residuals instead of residuals relative to the iterate norms.',
      },
    },
  },
  l1Weights: {
    anyOf: [{ type: 'array', items: { type: 'number', minimum: 0 } }, { type: 'null' }],
    default: CBPDN_DEFAULTS.l1Weights,
    description: 'One ℓ1 weight w_k per atom, in atom order; null weighs every atom 1.',
  },
  nonNegative: {
    type: 'boolean',
    default: CBPDN_DEFAULTS.nonNegative,
    description: 'Constrain the coefficients to be non-negative.',
  },
  objectiveOnY: {
    type: 'boolean',
    default: CBPDN_DEFAULTS.objectiveOnY,
    description: 'Evaluate the per-iteration objective at the sparse iterate y instead of x (costs one more batch of FFTs per iteration).',
  },
};
