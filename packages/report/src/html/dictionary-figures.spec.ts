import { describe, expect, it } from 'vitest';

import type { DictionaryItem } from '@heterosparse/core';

import { svgToPng } from '../svg/rasterise.ts';
import { inspectPng } from '../testing/inspect-png.ts';
import { dictionaryFigure } from './dictionary-figures.ts';

/** Two 2×2 atoms in the `[height, width, atoms]` layout: atom 0 is +1 everywhere, atom 1 is −1 everywhere. */
const DICTIONARY: DictionaryItem = {
  kind: 'dictionary',
  name: 'signs',
  height: 2,
  width: 2,
  atoms: 2,
  data: Float32Array.from([1, -1, 1, -1, 1, -1, 1, -1]),
  atomParams: [{ index: 0 }, { index: 1 }],
};

describe('dictionaryFigure', () => {
  it('draws atom k from the last axis', async () => {
    const figure = await dictionaryFigure(DICTIONARY);
    expect(figure.name).toBe('dictionary-signs');
    const png = await svgToPng(figure.svg);
    // Tiles are 40 pixels with 4-pixel gaps below a 28-pixel title: tile 0 at x = 4, tile 1 at x = 48, both at y = 32.
    const first = await inspectPng(png, '#B2182B', { left: 4, top: 32, width: 40, height: 40 });
    const second = await inspectPng(png, '#2166AC', { left: 48, top: 32, width: 40, height: 40 });
    expect(first.colourPixels).toBe(1600);
    expect(second.colourPixels).toBe(1600);
  });
});
