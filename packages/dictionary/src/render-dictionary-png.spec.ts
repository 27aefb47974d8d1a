import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { InvalidInputError } from '@heterosparse/core';

import { layoutDictionary } from './dictionary-layout.ts';
import { createLogGaborBank } from './log-gabor-bank.ts';
import { PRESETS } from './presets.ts';
import { createRandomBank } from './random-bank.ts';
import { renderDictionaryPng } from './render-dictionary-png.ts';

describe('layoutDictionary', () => {
  it('puts orientations in columns, B_θ and phase in rows', () => {
    const bank = createLogGaborBank(PRESETS.heterogeneous);
    const layout = layoutDictionary(bank, 24);

    expect([layout.rows, layout.columns, layout.groupRows]).toEqual([12, 12, 1]);
    // Atom 13 is θ = π/12 (column 1), B_θ = π/36 (rows 0 and 1), phase π/2 (row 1).
    expect(layout.cells.find((cell) => cell.atom === 13)).toEqual({ atom: 13, row: 1, column: 1 });
  });

  it('wraps many orientations into bands', () => {
    const layout = layoutDictionary(createLogGaborBank(PRESETS.homogeneous), 24);

    expect([layout.rows, layout.columns, layout.groupRows]).toEqual([6, 24, 3]);
    // Atom 51 is θ index 25 (band 1, column 1) with phase π/2 (second group of rows).
    expect(layout.cells.find((cell) => cell.atom === 51)).toEqual({ atom: 51, row: 4, column: 1 });
  });

  it('falls back to index order without parameters', () => {
    const layout = layoutDictionary(createRandomBank({ name: 'r', size: 3, atoms: 10, seed: 1, normalise: 'l2' }), 24);

    expect([layout.rows, layout.columns]).toEqual([3, 4]);
    expect(layout.cells[5]).toEqual({ atom: 5, row: 1, column: 1 });
  });
});

describe('renderDictionaryPng', () => {
  it('encodes a grey PNG of the tiled size', async () => {
    const png = await renderDictionaryPng(createLogGaborBank(PRESETS.heterogeneous), { scale: 2, gap: 1 });
    const metadata = await sharp(png).metadata();

    // 12 tiles of 24 pixels plus 13 gaps of 1 pixel, in both directions.
    expect([metadata.format, metadata.width, metadata.height, metadata.channels]).toEqual(['png', 301, 301, 1]);
  });

  it('maps zero to mid-grey and the peak to white', async () => {
    const bank = { kind: 'dictionary', name: 'one', height: 1, width: 2, atoms: 1, data: new Float32Array([0, 2]), atomParams: [{ index: 0 }] } as const;
    const png = await renderDictionaryPng(bank, { scale: 1, gap: 0 });
    const data = await sharp(png).extractChannel(0).raw().toBuffer();

    expect([...data]).toEqual([128, 255]);
  });

  it('rejects a zero scale', async () => {
    await expect(renderDictionaryPng(createLogGaborBank(PRESETS.heterogeneous), { scale: 0 })).rejects.toThrow(InvalidInputError);
  });
});
