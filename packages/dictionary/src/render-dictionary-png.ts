import sharp from 'sharp';

import type { DictionaryItem } from '@heterosparse/core';
import { InvalidInputError } from '@heterosparse/core';

import { layoutDictionary } from './dictionary-layout.ts';

/** Appearance of a tiled dictionary picture. All sizes in output pixels. */
export interface RenderDictionaryOptions {
  /** Output pixels per kernel pixel (nearest-neighbour enlargement). Default 4. */
  readonly scale?: number;
  /** Width of the white gap between tiles. Default 2. */
  readonly gap?: number;
  /** Orientations per row before wrapping. Default 24. */
  readonly maxColumns?: number;
}

const GREY = 128;
const WHITE = 255;

/**
 * Renders a dictionary as a grey 8-bit PNG, one tile per atom, laid out by
 * `layoutDictionary`: orientations θ along the columns and one row (or group
 * of rows, separated by a double gap) per B_θ and phase. Each atom is scaled
 * on its own so that 0 is mid-grey and its largest |value| maps to 1 (negative) or 255 (positive).
 *
 * @returns the PNG file bytes
 */
export async function renderDictionaryPng(dictionary: DictionaryItem, options: RenderDictionaryOptions = {}): Promise<Uint8Array> {
  const scale = checkInteger('scale', options.scale ?? 4, 1);
  const gap = checkInteger('gap', options.gap ?? 2, 0);
  const maxColumns = checkInteger('maxColumns', options.maxColumns ?? 24, 1);
  const layout = layoutDictionary(dictionary, maxColumns);

  const tileHeight = dictionary.height * scale;
  const tileWidth = dictionary.width * scale;
  const groupGap = layout.groupRows > 1 ? gap : 0;
  const groups = Math.ceil(layout.rows / layout.groupRows);
  const width = layout.columns * (tileWidth + gap) + gap;
  const height = layout.rows * (tileHeight + gap) + gap + (groups - 1) * groupGap;
  const pixels = new Uint8Array(width * height).fill(WHITE);

  for (const { atom, row, column } of layout.cells) {
    const top = gap + row * (tileHeight + gap) + Math.floor(row / layout.groupRows) * groupGap;
    const left = gap + column * (tileWidth + gap);
    drawAtom(dictionary, atom, scale, pixels, width, top, left);
  }
  // Without an explicit colour space, sharp would write the grey pixels as RGB.
  const png = await sharp(pixels, { raw: { width, height, channels: 1 } }).toColourspace('b-w').png().toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

function drawAtom(dictionary: DictionaryItem, atom: number, scale: number, pixels: Uint8Array, width: number, top: number, left: number): void {
  const { height: h, width: w, atoms, data } = dictionary;
  let peak = 0;
  for (let pixel = 0; pixel < h * w; pixel++) peak = Math.max(peak, Math.abs(data[pixel * atoms + atom]));
  const gain = peak > 0 ? (WHITE - GREY) / peak : 0;

  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const value = Math.round(GREY + gain * data[(r * w + c) * atoms + atom]);
      for (let dy = 0; dy < scale; dy++) {
        const offset = (top + r * scale + dy) * width + left + c * scale;
        pixels.fill(value, offset, offset + scale);
      }
    }
  }
}

function checkInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidInputError(`renderDictionaryPng: ${name} is ${value}; expected an integer of at least ${min}`);
  }
  return value;
}
