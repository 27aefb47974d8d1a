import { describe, expect, it } from 'vitest';

import { createRandom } from '@heterosparse/core';

import { inspectPng } from '../testing/inspect-png.ts';
import { svgToPng } from '../svg/rasterise.ts';
import { binCounts, renderHistogram } from './histogram.ts';
import { SERIES_COLOURS } from './layout.ts';

describe('binCounts', () => {
  it('counts values into equal-width bins', () => {
    expect(binCounts([0, 0.1, 0.5, 0.99, 1], 0, 1, 2)).toEqual([2, 3]);
  });

  it('skips values outside the range and non-finite values', () => {
    expect(binCounts([-1, 2, Number.NaN, 0.5], 0, 1, 4)).toEqual([0, 0, 1, 0]);
  });
});

describe('renderHistogram', () => {
  const random = createRandom(7);
  const homogeneous = Array.from({ length: 40 }, () => 0.985 + 0.004 * random.uniform());
  const heterogeneous = Array.from({ length: 40 }, () => 0.992 + 0.003 * random.uniform());

  it('draws both conditions in their colours', async () => {
    const svg = renderHistogram({
      series: [
        { label: 'homogeneous', values: homogeneous },
        { label: 'heterogeneous', values: heterogeneous },
      ],
      xLabel: 'sparseness',
      title: 'Sparseness',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('homogeneous (n = 40)');
    const png = await svgToPng(svg);
    const blue = await inspectPng(png, SERIES_COLOURS[0]);
    const vermilion = await inspectPng(png, SERIES_COLOURS[1]);
    expect(blue.hasSignature).toBe(true);
    expect([blue.width, blue.height]).toEqual([680, 400]);
    expect(blue.colourPixels).toBeGreaterThan(500);
    expect(vermilion.colourPixels).toBeGreaterThan(500);
    expect(blue.darkPixels).toBeGreaterThan(200);
  });

  it('renders one value and no value without error', async () => {
    const single = await inspectPng(await svgToPng(renderHistogram({ series: [{ label: 'a', values: [3] }], xLabel: 'x' })));
    const empty = await inspectPng(await svgToPng(renderHistogram({ series: [{ label: 'a', values: [] }], xLabel: 'x' })));
    expect(single.nonWhitePixels).toBeGreaterThan(0);
    expect(empty.nonWhitePixels).toBeGreaterThan(0);
  });

  it('rejects a bin count of zero', () => {
    expect(() => renderHistogram({ series: [], bins: 0, xLabel: 'x' })).toThrow(/bins must be a positive integer/);
  });
});
