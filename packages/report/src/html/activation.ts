import type { MetricsItem } from '@heterosparse/core';

/** Atom parameter that the code-metrics stage groups activation by (`details.activation.theta` or `.bTheta`). */
export type ActivationParameter = 'theta' | 'bTheta';

/** Activation of one dictionary summed over images and grouped into bins of one atom parameter. */
export interface ActivationBins {
  readonly dictionaryName: string;
  /** Bin centres in radians, ascending. */
  readonly centres: readonly number[];
  /** Σ|x| of each bin divided by Σ|x| of all atoms (0 when every coefficient is zero). */
  readonly l1Share: readonly number[];
  /** Nonzeros of each bin divided by all nonzeros (0 when there are none). */
  readonly nonzeroShare: readonly number[];
  /** Atoms in each bin. */
  readonly atoms: readonly number[];
}

/** The fields of one activation group that the report reads (the code-metrics stage's `ActivationGroup`). */
interface ActivationGroupRecord {
  readonly value: number;
  readonly atoms: number;
  readonly l1: number;
  readonly nonzeros: number;
}

function isActivationGroup(value: unknown): value is ActivationGroupRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['value', 'atoms', 'l1', 'nonzeros'].every((key) => typeof record[key] === 'number');
}

/** Reads `details.activation[parameter]` of a metrics item; `undefined` when the item has none. */
function activationGroups(item: MetricsItem, parameter: ActivationParameter): ActivationGroupRecord[] | undefined {
  const activation = item.details?.activation;
  if (typeof activation !== 'object' || activation === null) return undefined;
  const groups = (activation as Record<string, unknown>)[parameter];
  return Array.isArray(groups) && groups.every(isActivationGroup) ? groups : undefined;
}

/**
 * Sums the activation groups by `parameter` of every metrics item of
 * `dictionaryName` and merges groups whose value `binOf` maps to the same bin
 * centre. Atom counts come from one image, because every image uses the same
 * atoms. Returns `undefined` when no item of the dictionary carries the groups.
 */
export function activationBins(
  metrics: readonly MetricsItem[],
  dictionaryName: string,
  parameter: ActivationParameter,
  binOf: (value: number) => number = (value) => value,
): ActivationBins | undefined {
  const bins = new Map<number, { l1: number; nonzeros: number; atoms: number }>();
  let totalL1 = 0;
  let totalNonzeros = 0;
  let images = 0;
  for (const item of metrics) {
    if (item.dictionaryName !== dictionaryName) continue;
    const groups = activationGroups(item, parameter);
    if (groups === undefined) continue;
    images += 1;
    for (const group of groups) {
      const centre = binOf(group.value);
      const bin = bins.get(centre) ?? { l1: 0, nonzeros: 0, atoms: 0 };
      bins.set(centre, bin);
      bin.l1 += group.l1;
      bin.nonzeros += group.nonzeros;
      if (images === 1) bin.atoms += group.atoms;
      totalL1 += group.l1;
      totalNonzeros += group.nonzeros;
    }
  }
  if (images === 0) return undefined;

  const centres = [...bins.keys()].sort((a, b) => a - b);
  const pick = (centre: number) => bins.get(centre) as { l1: number; nonzeros: number; atoms: number };
  return {
    dictionaryName,
    centres,
    l1Share: centres.map((centre) => (totalL1 === 0 ? 0 : pick(centre).l1 / totalL1)),
    nonzeroShare: centres.map((centre) => (totalNonzeros === 0 ? 0 : pick(centre).nonzeros / totalNonzeros)),
    atoms: centres.map((centre) => pick(centre).atoms),
  };
}

/**
 * Returns a bin function that maps an orientation θ in radians to the centre
 * iπ/sectors of the nearest of `sectors` equal sectors of [0, π), wrapping at
 * π, so that banks with 72 and with 12 orientations share one axis.
 */
export function thetaSector(sectors: number): (theta: number) => number {
  const width = Math.PI / sectors;
  return (theta) => (Math.round(theta / width) % sectors) * width;
}

/** Formats an angle in radians as whole or one-decimal degrees (`15°`, `7.5°`). */
export function formatDegrees(radians: number): string {
  const degrees = (radians * 180) / Math.PI;
  return `${Number(degrees.toFixed(1))}°`;
}
