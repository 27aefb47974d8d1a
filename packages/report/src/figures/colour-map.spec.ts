import { describe, expect, it } from 'vitest';

import { applyColourMap, valueRange } from './colour-map.ts';

describe('applyColourMap', () => {
  it('maps grey from black to white', () => {
    expect([...applyColourMap([0, 0.5, 1], 'grey', { min: 0, max: 1 })]).toEqual([0, 0, 0, 128, 128, 128, 255, 255, 255]);
  });

  it('maps the diverging middle to white', () => {
    const rgb = applyColourMap([-1, 0, 1], 'diverging', { min: -1, max: 1 });
    expect([...rgb.slice(0, 3)]).toEqual([33, 102, 172]);
    expect([...rgb.slice(3, 6)]).toEqual([255, 255, 255]);
    expect([...rgb.slice(6, 9)]).toEqual([178, 24, 43]);
  });

  it('clips out-of-range values and marks NaN in magenta', () => {
    expect([...applyColourMap([-5, 5, Number.NaN], 'grey', { min: 0, max: 1 })]).toEqual([0, 0, 0, 255, 255, 255, 255, 0, 255]);
  });

  it('rejects an empty range', () => {
    expect(() => applyColourMap([1], 'grey', { min: 1, max: 1 })).toThrow(/must be greater than min/);
  });
});

describe('valueRange', () => {
  it('returns the finite minimum and maximum', () => {
    expect(valueRange([2, -1, Number.NaN, 4])).toEqual({ min: -1, max: 4 });
  });

  it('makes a symmetric range from the largest magnitude', () => {
    expect(valueRange([2, -1, 4], true)).toEqual({ min: -4, max: 4 });
  });

  it('widens a constant image', () => {
    expect(valueRange([3, 3])).toEqual({ min: 2.5, max: 3.5 });
  });
});
