import { describe, expect, it } from 'vitest';

import { createRandom } from '@heterosparse/core';

import { inspectPng } from '../testing/inspect-png.ts';
import { svgToPng } from '../svg/rasterise.ts';
import { SERIES_COLOURS } from './layout.ts';
import { renderScatterPlot } from './scatter-plot.ts';

describe('renderScatterPlot', () => {
  const random = createRandom(11);
  const cloud = (sparseness: number, psnr: number) =>
    Array.from({ length: 30 }, () => ({ x: sparseness + 0.003 * random.normal(), y: psnr + random.normal() }));

  it('draws each series and a legend', async () => {
    const svg = renderScatterPlot({
      series: [
        { label: 'homogeneous', points: cloud(0.986, 33) },
        { label: 'heterogeneous', points: cloud(0.993, 31) },
      ],
      xLabel: 'sparseness',
      yLabel: 'PSNR (dB)',
      title: 'PSNR against sparseness',
    });
    expect(svg).toContain('>heterogeneous<');
    expect(svg.match(/<circle /g)?.length).toBe(31);
    expect(svg.match(/<rect [^>]*fill="#D55E00"/g)?.length).toBe(31);
    const png = await svgToPng(svg);
    const blue = await inspectPng(png, SERIES_COLOURS[0]);
    const vermilion = await inspectPng(png, SERIES_COLOURS[1]);
    expect(blue.hasSignature).toBe(true);
    expect(blue.colourPixels).toBeGreaterThan(200);
    expect(vermilion.colourPixels).toBeGreaterThan(200);
  });

  it('skips non-finite points', () => {
    const svg = renderScatterPlot({
      series: [{ label: 'a', points: [{ x: 1, y: 2 }, { x: Number.NaN, y: 1 }] }],
      xLabel: 'x',
      yLabel: 'y',
    });
    // One marker for the finite point and one in the legend.
    expect(svg.match(/<circle /g)?.length).toBe(2);
  });
});
