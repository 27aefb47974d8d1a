import { InvalidInputError } from '@heterosparse/core';

/**
 * Colour maps from float values to 8-bit RGB:
 * - `grey`: black at the low end to white at the high end;
 * - `diverging`: blue (low) through white (middle) to red (high), for signed
 *   data such as dictionary atoms or coefficients, with the middle at 0 when
 *   the range is symmetric.
 */
export type ColourMapName = 'grey' | 'diverging';

/** Value interval that a colour map spans; values outside it are clipped. */
export interface ColourRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Returns the range of the finite values of `data`: [min, max], or
 * [−m, m] with m the largest magnitude when `symmetric` is set.
 * No finite value, or all values equal, gives a range of width 1 around them.
 */
export function valueRange(data: ArrayLike<number>, symmetric = false): ColourRange {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return { min: -0.5, max: 0.5 };
  if (symmetric) {
    const magnitude = Math.max(Math.abs(min), Math.abs(max));
    return magnitude === 0 ? { min: -0.5, max: 0.5 } : { min: -magnitude, max: magnitude };
  }
  return min === max ? { min: min - 0.5, max: max + 0.5 } : { min, max };
}

/**
 * Maps `data` (any length) to interleaved RGB bytes, three per value. Values
 * outside the range are clipped; non-finite values become magenta so that
 * they stay visible instead of passing for a colour of the map.
 */
export function applyColourMap(data: ArrayLike<number>, map: ColourMapName, range: ColourRange): Uint8Array {
  if (!(range.max > range.min)) {
    throw new InvalidInputError(`applyColourMap: range max ${range.max} must be greater than min ${range.min}`);
  }
  const rgb = new Uint8Array(data.length * 3);
  const span = range.max - range.min;
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    let r: number;
    let g: number;
    let b: number;
    if (!Number.isFinite(value)) {
      [r, g, b] = [255, 0, 255];
    } else {
      const t = Math.min(1, Math.max(0, (value - range.min) / span));
      [r, g, b] = map === 'grey' ? greyColour(t) : divergingColour(t);
    }
    rgb[3 * i] = r;
    rgb[3 * i + 1] = g;
    rgb[3 * i + 2] = b;
  }
  return rgb;
}

function greyColour(t: number): [number, number, number] {
  const level = Math.round(255 * t);
  return [level, level, level];
}

/** Linear blend from blue (t = 0) to white (t = 0.5) to red (t = 1), endpoints from ColorBrewer's RdBu. */
function divergingColour(t: number): [number, number, number] {
  const low = [33, 102, 172];
  const high = [178, 24, 43];
  const end = t < 0.5 ? low : high;
  const weight = t < 0.5 ? 1 - 2 * t : 2 * t - 1;
  return [0, 1, 2].map((c) => Math.round(255 + (end[c] - 255) * weight)) as [number, number, number];
}
