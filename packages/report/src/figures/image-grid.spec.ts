import { describe, expect, it } from 'vitest';

import { inspectPng } from '../testing/inspect-png.ts';
import { svgToPng } from '../svg/rasterise.ts';
import { imageToPng, renderImageGrid } from './image-grid.ts';

/** Returns a 16×16 ramp along the columns, from 0 to 15. */
function ramp(): Float32Array {
  return Float32Array.from({ length: 256 }, (_, i) => i % 16);
}

describe('imageToPng', () => {
  it('upscales with nearest-neighbour sampling', async () => {
    const png = await imageToPng({ data: ramp(), height: 16, width: 16 }, 'grey', { min: 0, max: 15 }, 64, 64);
    const facts = await inspectPng(png, '#000000', { left: 0, top: 0, width: 4, height: 64 });
    expect(facts.width).toBe(64);
    // The first source column is black and fills the first 4 output columns exactly.
    expect(facts.colourPixels).toBe(256);
  });

  it('rejects data of the wrong length', async () => {
    await expect(imageToPng({ data: new Float32Array(10), height: 4, width: 4 }, 'grey', { min: 0, max: 1 })).rejects.toThrow(
      /has 10 values for a 4×4 image/,
    );
  });
});

describe('renderImageGrid', () => {
  it('lays out tiles in rows with captions', async () => {
    const images = Array.from({ length: 5 }, (_, i) => ({ data: ramp(), height: 16, width: 16, caption: `image ${i}` }));
    const svg = await renderImageGrid({ images, columns: 3, tileSize: 64, gap: 8, title: 'Ramps' });
    expect(svg.match(/<image /g)?.length).toBe(5);
    expect(svg).toContain('href="data:image/png;base64,');
    expect(svg).toContain('>image 4<');
    const png = await svgToPng(svg);
    const facts = await inspectPng(png);
    // Width: 8 + 3 × (64 + 8); height: title 28 + 8 + 2 rows × (64 + caption 20 + 8).
    expect([facts.width, facts.height]).toEqual([224, 220]);
    // Each ramp is half dark or darker; five tiles of 64×64 give well over 5 × 1000 dark pixels.
    expect(facts.darkPixels).toBeGreaterThan(5000);
  });

  it('colours signed data with the diverging map', async () => {
    const data = Float32Array.from({ length: 64 }, (_, i) => (i < 32 ? -1 : 1));
    const svg = await renderImageGrid({ images: [{ data, height: 8, width: 8 }], tileSize: 32, colourMap: 'diverging', range: 'symmetric' });
    const facts = await inspectPng(await svgToPng(svg), '#B2182B');
    expect(facts.colourPixels).toBe(32 * 16);
  });
});
