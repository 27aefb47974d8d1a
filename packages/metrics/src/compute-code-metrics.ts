import type { Logger, MetricsItem, SparseCodeItem } from '@heterosparse/core';
import { InvalidInputError, silentLogger } from '@heterosparse/core';

import { checkFiniteValues } from './check-values.ts';
import { countNonzeros } from './count-nonzeros.ts';
import { dataFidelity } from './data-fidelity.ts';
import { groupActivation, type ActivationGroup, type GroupingParameter } from './group-activation.ts';
import { l1Norm } from './l1-norm.ts';
import { psnr } from './psnr.ts';

export interface CodeMetricsOptions {
  /** Fixed PSNR peak; by default max − min of the coded image. */
  readonly peak?: number;
  /** Receives a debug line when activation cannot be grouped by a parameter. */
  readonly logger?: Logger;
}

const GROUPINGS: readonly GroupingParameter[] = ['theta', 'bTheta'];

/**
 * Computes the metrics of one sparse code: quality, sparseness, objective,
 * solver state and coefficient activation grouped by atom parameter.
 *
 * `values` contains `psnr` (dB, Infinity for a perfect reconstruction),
 * `sparseness`, `nonzeros`, `l1`, `dataFidelity`, `objective`
 * (`dataFidelity + λ·l1`, unweighted ℓ1), `seconds` and `converged` (1 or 0).
 * When the solver recorded iteration statistics (one record per iteration),
 * `values` also contains `iterations` (the record count) and the final
 * `primalResidual` and `dualResidual`. Without statistics those keys are
 * absent. `details.activation.theta` and `details.activation.bTheta` list
 * `ActivationGroup`s, present only when every atom carries that parameter.
 * `details.backend` is the name of the backend that ran the solve.
 *
 * Throws `InvalidInputError` when the arrays do not match the code's shape or
 * hold non-finite values.
 */
export function computeCodeMetrics(code: SparseCodeItem, options: CodeMetricsOptions = {}): MetricsItem {
  checkShapes(code);
  const logger = options.logger ?? silentLogger;

  const nonzeros = countNonzeros(code.coefficients);
  const l1 = l1Norm(code.coefficients);
  const fidelity = dataFidelity(code.image, code.reconstruction);
  const values: Record<string, number> = {
    psnr: psnr(code.image, code.reconstruction, { peak: options.peak }),
    sparseness: 1 - nonzeros / code.coefficients.length,
    nonzeros,
    l1,
    dataFidelity: fidelity,
    objective: fidelity + code.lambda * l1,
    seconds: code.seconds,
    converged: code.converged ? 1 : 0,
  };

  const last = code.iterations.at(-1);
  if (last !== undefined) {
    values.iterations = code.iterations.length;
    values.primalResidual = last.primalResidual;
    values.dualResidual = last.dualResidual;
  }

  const activation: Partial<Record<GroupingParameter, ActivationGroup[]>> = {};
  for (const parameter of GROUPINGS) {
    if (code.atomParams.every((atom) => atom[parameter] !== undefined)) {
      activation[parameter] = groupActivation(code.coefficients, code.atomParams, parameter);
    } else {
      logger.debug(`dictionary "${code.dictionaryName}" has atoms without ${parameter}; activation is not grouped by it`);
    }
  }

  return { kind: 'metrics', imageId: code.imageId, dictionaryName: code.dictionaryName, values, details: { activation, backend: code.backend } };
}

function checkShapes(code: SparseCodeItem): void {
  const pixels = code.height * code.width;
  const expected: [string, number, number][] = [
    ['image', code.image.length, pixels],
    ['reconstruction', code.reconstruction.length, pixels],
    ['coefficients', code.coefficients.length, code.atoms * pixels],
    ['atomParams', code.atomParams.length, code.atoms],
  ];
  for (const [name, found, wanted] of expected) {
    if (found !== wanted) {
      throw new InvalidInputError(
        `code metrics: ${name} of image "${code.imageId}" with dictionary "${code.dictionaryName}" has ${found} entries, ` +
          `expected ${wanted} for ${code.atoms} atoms of ${code.height}×${code.width}; check the coder that produced it`,
      );
    }
  }
  const operation = `code metrics of image "${code.imageId}" with dictionary "${code.dictionaryName}"`;
  checkFiniteValues(operation, 'image', code.image);
  checkFiniteValues(operation, 'reconstruction', code.reconstruction);
  checkFiniteValues(operation, 'coefficients', code.coefficients);
}
