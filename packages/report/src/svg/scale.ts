/** Linear scales and tick placement for the figure primitives. */

/** A linear map from a data interval (`domain`) to a pixel interval (`range`). */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** Creates a linear scale. A zero-width domain maps every value to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number): number => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
  return Object.assign(scale, { domain, range });
}

/**
 * Returns the minimum and maximum of the finite values, widened so that the
 * interval is never empty: equal values get ±0.5 (or ±5 % of their magnitude),
 * and no finite value gives [0, 1].
 */
export function extent(values: Iterable<number>): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return [0, 1];
  if (min === max) {
    const pad = min === 0 ? 0.5 : Math.abs(min) * 0.05;
    return [min - pad, max + pad];
  }
  return [min, max];
}

/**
 * Returns about `count` round tick values (steps of 1, 2 or 5 times a power of
 * ten) that lie inside [min, max], the rule most plotting libraries use.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min) || count < 1) return [min];
  const rawStep = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rawStep));
  const fraction = rawStep / power;
  // Round the raw step to the nearest of 1, 2, 5, 10 times `power` (thresholds at about their geometric
  // means), so that widening a domain to its ticks and ticking it again keeps the same step.
  let multiplier = 10;
  if (fraction < 1.5) multiplier = 1;
  else if (fraction < 3) multiplier = 2;
  else if (fraction < 7) multiplier = 5;
  const step = multiplier * power;
  const ticks: number[] = [];
  // Index-based steps avoid accumulating floating-point error over the loop.
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Widens [min, max] outwards to the nearest multiples of the tick step, so that the axis starts and ends on a tick. */
export function niceDomain(min: number, max: number, count = 5): [number, number] {
  const ticks = niceTicks(min, max, count);
  if (ticks.length < 2) return [min, max];
  const step = ticks[1] - ticks[0];
  const round = (value: number): number => Number(value.toPrecision(12));
  return [round(Math.floor(min / step + 1e-9) * step), round(Math.ceil(max / step - 1e-9) * step)];
}
