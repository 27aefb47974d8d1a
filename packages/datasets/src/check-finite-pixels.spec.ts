import { describe, expect, it } from 'vitest';

import { InvalidInputError } from '@heterosparse/core';

import { checkFinitePixels } from './check-finite-pixels.ts';

describe('checkFinitePixels', () => {
  it('accepts finite values', () => {
    expect(() => checkFinitePixels(new Float32Array([0, -1, 3.5, 1e30]), 2, 2, 1, 'a.npy')).not.toThrow();
  });

  it('names the row and column of a NaN', () => {
    const data = new Float32Array(12);
    data[7] = Number.NaN;
    expect(() => checkFinitePixels(data, 3, 4, 1, 'a.npy')).toThrow(InvalidInputError);
    expect(() => checkFinitePixels(data, 3, 4, 1, 'a.npy')).toThrow(/a.npy contains NaN at row 1, column 3 of its 3×4 pixels/);
  });

  it('names the channel of an infinity', () => {
    const data = new Float32Array(2 * 2 * 3);
    data[5] = Number.NEGATIVE_INFINITY;
    expect(() => checkFinitePixels(data, 2, 2, 3, 'rgb')).toThrow(/rgb contains -Infinity at row 0, column 1, channel 2/);
  });
});
