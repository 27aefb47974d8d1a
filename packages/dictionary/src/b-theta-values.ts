import { InvalidInputError, createRandom } from '@heterosparse/core';

/**
 * Orientation bandwidths B_θ drawn from a distribution with a fixed seed.
 * `count` values are drawn and sorted ascending; with `perOrientation` each
 * orientation gets its own draw, otherwise all orientations share one draw.
 */
export type BThetaDistribution =
  | {
      readonly distribution: 'uniform';
      /** Smallest B_θ in radians. */
      readonly min: number;
      /** Largest B_θ in radians. */
      readonly max: number;
      readonly count: number;
      readonly seed: number;
      readonly perOrientation?: boolean;
    }
  | {
      readonly distribution: 'log-normal';
      /** Median of B_θ in radians (exp of the mean of ln B_θ). */
      readonly median: number;
      /** Standard deviation of ln B_θ. */
      readonly sigma: number;
      readonly count: number;
      readonly seed: number;
      readonly perOrientation?: boolean;
    };

/** B_θ: one value for every atom, an explicit list shared by every orientation, or a seeded distribution. */
export type BThetaSpec = number | readonly number[] | BThetaDistribution;

/**
 * Resolves a B_θ specification into one list of bandwidths per
 * orientation. `orientationCount` is the number of orientations θ.
 */
export function resolveBThetas(spec: BThetaSpec, orientationCount: number): number[][] {
  if (typeof spec === 'number') {
    return Array.from({ length: orientationCount }, () => [checkBTheta(spec, 'bThetas')]);
  }
  if (isList(spec)) {
    if (spec.length === 0) {
      throw new InvalidInputError('bThetas is an empty list; give at least one orientation bandwidth in radians');
    }
    const values = spec.map((value, index) => checkBTheta(value, `bThetas[${index}]`));
    return Array.from({ length: orientationCount }, () => [...values]);
  }
  checkDistribution(spec);
  const random = createRandom(spec.seed);
  const draw = (): number[] => Array.from({ length: spec.count }, () => sample(spec, random.uniform, random.normal)).sort((a, b) => a - b);
  if (spec.perOrientation === true) {
    return Array.from({ length: orientationCount }, draw);
  }
  const shared = draw();
  return Array.from({ length: orientationCount }, () => [...shared]);
}

function isList(spec: BThetaSpec): spec is readonly number[] {
  return Array.isArray(spec);
}

function sample(spec: BThetaDistribution, uniform: () => number, normal: () => number): number {
  if (spec.distribution === 'uniform') {
    return spec.min + (spec.max - spec.min) * uniform();
  }
  return spec.median * Math.exp(spec.sigma * normal());
}

function checkBTheta(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidInputError(`${name} is ${value}; an orientation bandwidth must be a positive number of radians (the homogeneous preset uses π/15 ≈ 0.2094)`);
  }
  return value;
}

function checkDistribution(spec: BThetaDistribution): void {
  if (!Number.isInteger(spec.count) || spec.count < 1) {
    throw new InvalidInputError(`bThetas.count is ${spec.count}; expected a positive integer number of bandwidths`);
  }
  if (!Number.isInteger(spec.seed)) {
    throw new InvalidInputError(`bThetas.seed is ${spec.seed}; expected an integer seed`);
  }
  if (spec.distribution === 'uniform') {
    checkBTheta(spec.min, 'bThetas.min');
    checkBTheta(spec.max, 'bThetas.max');
    if (spec.max < spec.min) {
      throw new InvalidInputError(`bThetas.max (${spec.max}) is below bThetas.min (${spec.min}); swap them`);
    }
  } else if (spec.distribution === 'log-normal') {
    checkBTheta(spec.median, 'bThetas.median');
    if (!Number.isFinite(spec.sigma) || spec.sigma < 0) {
      throw new InvalidInputError(`bThetas.sigma is ${spec.sigma}; expected a non-negative standard deviation of ln B_θ`);
    }
  } else {
    const found = (spec as { distribution?: unknown }).distribution;
    throw new InvalidInputError(`bThetas.distribution is ${JSON.stringify(found)}; expected "uniform" or "log-normal"`);
  }
}
