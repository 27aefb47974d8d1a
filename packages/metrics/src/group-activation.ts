import type { AtomParams } from '@heterosparse/core';
import { InvalidInputError } from '@heterosparse/core';

import { checkFiniteValues } from './check-values.ts';

/** Atom parameters that coefficients can be grouped by. */
export type GroupingParameter = 'theta' | 'bTheta';

/** Activation of the atoms that share one parameter value. */
export interface ActivationGroup {
  /** The shared value of the parameter (θ or B_θ, in radians). */
  readonly value: number;
  /** Number of atoms in the group. */
  readonly atoms: number;
  /** Σ|x| over the group's coefficient maps. */
  readonly l1: number;
  /** Number of nonzero coefficients in the group's maps. */
  readonly nonzeros: number;
  /** `nonzeros` divided by the nonzeros of all maps; 0 when no coefficient is nonzero. */
  readonly nonzeroFraction: number;
  /** `l1` divided by the ℓ1 norm of all maps; 0 when every coefficient is zero. */
  readonly l1Fraction: number;
  /** `nonzeros / atoms`, which compares groups of different sizes. */
  readonly nonzerosPerAtom: number;
}

/**
 * Groups the coefficient maps `[K, H, W]` by one atom parameter (orientation
 * θ or bandwidth B_θ) and sums their activation per group.
 *
 * `atomParams` has one entry per atom, in atom order, and each must carry the
 * parameter. Values equal to 12 significant digits form one group, so θ
 * computed as `i·π/72` in two places still matches. Groups are sorted by
 * value. Throws `InvalidInputError` when the lengths disagree, a value is
 * missing or coefficients are not finite.
 */
export function groupActivation(
  coefficients: ArrayLike<number>,
  atomParams: readonly AtomParams[],
  parameter: GroupingParameter,
): ActivationGroup[] {
  const atoms = atomParams.length;
  checkFiniteValues('groupActivation', 'coefficients', coefficients);
  if (atoms === 0 || coefficients.length % atoms !== 0) {
    throw new InvalidInputError(
      `groupActivation: ${coefficients.length} coefficients do not split into ${atoms} maps; ` +
        'pass coefficient maps [K, H, W] with one atom parameter entry per map',
    );
  }
  const mapSize = coefficients.length / atoms;

  const groups = new Map<string, { value: number; atoms: number; l1: number; nonzeros: number }>();
  let totalL1 = 0;
  let totalNonzeros = 0;
  for (let k = 0; k < atoms; k++) {
    const value = atomParams[k][parameter];
    if (value === undefined || !Number.isFinite(value)) {
      throw new InvalidInputError(
        `groupActivation: atom ${k} has ${parameter} = ${value}; group by ${parameter} only with dictionaries whose atoms all carry it (log-Gabor banks do)`,
      );
    }
    const key = value.toPrecision(12);
    const group = groups.get(key) ?? { value, atoms: 0, l1: 0, nonzeros: 0 };
    groups.set(key, group);

    let l1 = 0;
    let nonzeros = 0;
    for (let i = k * mapSize; i < (k + 1) * mapSize; i++) {
      const x = coefficients[i];
      l1 += Math.abs(x);
      if (x !== 0) nonzeros++;
    }
    group.atoms += 1;
    group.l1 += l1;
    group.nonzeros += nonzeros;
    totalL1 += l1;
    totalNonzeros += nonzeros;
  }

  return [...groups.values()]
    .sort((a, b) => a.value - b.value)
    .map((group) => ({
      ...group,
      nonzeroFraction: totalNonzeros === 0 ? 0 : group.nonzeros / totalNonzeros,
      l1Fraction: totalL1 === 0 ? 0 : group.l1 / totalL1,
      nonzerosPerAtom: group.nonzeros / group.atoms,
    }));
}
