import { InvalidInputError } from '@heterosparse/core';

import type { ActivationGroup, GroupingParameter } from './group-activation.ts';
import type { MergedMetrics } from './merge-metrics.ts';

/** Activation totals of one group, summed over images. */
export interface ActivationTotal {
  readonly value: number;
  readonly atoms: number;
  /** Number of images summed. */
  readonly images: number;
  readonly l1: number;
  readonly nonzeros: number;
  /** Share of all nonzeros of the dictionary's codes; 0 when there are none. */
  readonly nonzeroFraction: number;
  /** Share of the total ℓ1 norm; 0 when it is 0. */
  readonly l1Fraction: number;
  /** `nonzeros / (atoms · images)`. */
  readonly nonzerosPerAtom: number;
}

/**
 * Sums the grouped activation (`details.activation`, from
 * `metrics/code-metrics`) of each dictionary over all its images, per θ and
 * per B_θ group, and recomputes the fractions from the totals.
 * Throws `InvalidInputError` when the details are malformed.
 */
export function summarizeActivation(
  rows: readonly MergedMetrics[],
): Record<string, Partial<Record<GroupingParameter, ActivationTotal[]>>> {
  const totals = new Map<string, Map<GroupingParameter, Map<number, { atoms: number; images: number; l1: number; nonzeros: number }>>>();
  for (const row of rows) {
    const activation = row.details.activation;
    if (activation === undefined) continue;
    if (typeof activation !== 'object' || activation === null) throw malformed(row);
    const byParameter = totals.get(row.dictionaryName) ?? new Map();
    totals.set(row.dictionaryName, byParameter);

    for (const [parameter, groups] of Object.entries(activation) as [GroupingParameter, unknown][]) {
      if (!isGroupList(groups)) throw malformed(row);
      const byValue = byParameter.get(parameter) ?? new Map();
      byParameter.set(parameter, byValue);
      for (const group of groups) {
        const total = byValue.get(group.value) ?? { atoms: group.atoms, images: 0, l1: 0, nonzeros: 0 };
        byValue.set(group.value, total);
        total.images += 1;
        total.l1 += group.l1;
        total.nonzeros += group.nonzeros;
      }
    }
  }

  const result: Record<string, Partial<Record<GroupingParameter, ActivationTotal[]>>> = {};
  for (const [dictionaryName, byParameter] of totals) {
    result[dictionaryName] = {};
    for (const [parameter, byValue] of byParameter) {
      const groups = [...byValue].sort(([a], [b]) => a - b);
      const allL1 = groups.reduce((sum, [, total]) => sum + total.l1, 0);
      const allNonzeros = groups.reduce((sum, [, total]) => sum + total.nonzeros, 0);
      result[dictionaryName][parameter] = groups.map(([value, total]) => ({
        value,
        ...total,
        nonzeroFraction: allNonzeros === 0 ? 0 : total.nonzeros / allNonzeros,
        l1Fraction: allL1 === 0 ? 0 : total.l1 / allL1,
        nonzerosPerAtom: total.nonzeros / (total.atoms * total.images),
      }));
    }
  }
  return result;
}

function malformed(row: MergedMetrics): InvalidInputError {
  return new InvalidInputError(
    `summary: details.activation of image "${row.imageId}" with dictionary "${row.dictionaryName}" is not ` +
      '{theta?, bTheta?} lists of activation groups; produce it with metrics/code-metrics',
  );
}

function isGroupList(value: unknown): value is ActivationGroup[] {
  return (
    Array.isArray(value) &&
    value.every(
      (group: unknown) =>
        typeof group === 'object' &&
        group !== null &&
        ['value', 'atoms', 'l1', 'nonzeros'].every((key) => typeof (group as Record<string, unknown>)[key] === 'number'),
    )
  );
}
