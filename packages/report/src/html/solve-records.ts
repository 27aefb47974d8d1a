import type { MetricsItem } from '@heterosparse/core';

import { solveKey } from './report-data.ts';

/** End state of one solve, read from the code-metrics values of one image and dictionary. */
export interface SolveRecord {
  readonly imageId: string;
  readonly dictionaryName: string;
  readonly converged: boolean;
  /** Iterations run; `undefined` when the solver kept no per-iteration statistics. */
  readonly iterations: number | undefined;
  /** Final relative primal residual, when recorded. */
  readonly primalResidual: number | undefined;
  /** Final relative dual residual, when recorded. */
  readonly dualResidual: number | undefined;
  readonly seconds: number | undefined;
  /** Solver backend, known only when the codes input is connected. */
  readonly backend: string | undefined;
}

/**
 * Returns one record per metrics item that has a `converged` value (the
 * code-metrics stage writes 1 or 0), with iterations, final residuals and
 * seconds when present, and the backend from `backends` when known.
 */
export function solveRecords(metrics: readonly MetricsItem[], backends: ReadonlyMap<string, string>): SolveRecord[] {
  const number = (item: MetricsItem, key: string): number | undefined => {
    const value = item.values[key];
    return typeof value === 'number' ? value : undefined;
  };
  return metrics.flatMap((item) => {
    const converged = number(item, 'converged');
    if (converged === undefined) return [];
    return [
      {
        imageId: item.imageId,
        dictionaryName: item.dictionaryName,
        converged: converged === 1,
        iterations: number(item, 'iterations'),
        primalResidual: number(item, 'primalResidual'),
        dualResidual: number(item, 'dualResidual'),
        seconds: number(item, 'seconds'),
        backend: backends.get(solveKey(item.imageId, item.dictionaryName)),
      },
    ];
  });
}
