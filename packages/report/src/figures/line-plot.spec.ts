import { describe, expect, it } from 'vitest';

import { inspectPng } from '../testing/inspect-png.ts';
import { svgToPng } from '../svg/rasterise.ts';
import { SERIES_COLOURS } from './layout.ts';
import { renderLinePlot } from './line-plot.ts';

const CUTOFFS = [0.001, 0.1, 0.2, 0.3, 0.5];

describe('renderLinePlot', () => {
  it('draws one path per series with markers', async () => {
    const svg = renderLinePlot({
      series: [
        { label: 'homogeneous', points: CUTOFFS.map((c) => ({ x: c, y: 33 - 20 * c })) },
        { label: 'heterogeneous', points: CUTOFFS.map((c) => ({ x: c, y: 31 - 10 * c })) },
      ],
      xLabel: 'cut-off',
      yLabel: 'PSNR (dB)',
      title: 'Resilience',
    });
    expect(svg.match(/<path /g)?.length).toBe(2);
    expect(svg.match(/<circle /g)?.length).toBe(CUTOFFS.length + 1);
    const png = await svgToPng(svg);
    const facts = await inspectPng(png, SERIES_COLOURS[1]);
    expect(facts.hasSignature).toBe(true);
    expect(facts.colourPixels).toBeGreaterThan(300);
  });

  it('breaks the line at a non-finite point', () => {
    const svg = renderLinePlot({
      series: [{ label: 'a', points: [{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 2, y: Number.NaN }, { x: 3, y: 1 }, { x: 4, y: 0 }] }],
      xLabel: 'x',
      yLabel: 'y',
    });
    const path = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(path.match(/M/g)?.length).toBe(2);
  });

  it('uses a fixed y domain when given', () => {
    const svg = renderLinePlot({ series: [{ label: 'a', points: [{ x: 0, y: 0.5 }] }], xLabel: 'x', yLabel: 'y', yDomain: [0, 1] });
    expect(svg).toContain('>0.2<');
    expect(svg).toContain('>1<');
  });
});
