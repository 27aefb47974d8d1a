import { describe, expect, it } from 'vitest';

import { inspectPng } from '../testing/inspect-png.ts';
import { svgToPng } from '../svg/rasterise.ts';
import { renderGroupedBarChart } from './grouped-bar-chart.ts';
import { SERIES_COLOURS } from './layout.ts';

describe('renderGroupedBarChart', () => {
  const categories = ['5°', '10°', '15°', '20°', '25°', '30°'];

  it('draws one bar per finite value', async () => {
    const svg = renderGroupedBarChart({
      categories,
      series: [
        { label: 'homogeneous', values: [0.1, 0.2, 0.3, 0.2, 0.1, Number.NaN] },
        { label: 'heterogeneous', values: [0.3, 0.25, 0.2, 0.15, 0.1, 0.05] },
      ],
      xLabel: 'B_θ',
      yLabel: 'share of ℓ1',
      title: 'Activation by bandwidth',
    });
    // 11 bars plus 2 legend swatches plus the background.
    expect(svg.match(/<rect /g)?.length).toBe(14);
    for (const label of categories) expect(svg).toContain(`>${label}<`);
    const png = await svgToPng(svg);
    const facts = await inspectPng(png, SERIES_COLOURS[0]);
    expect(facts.hasSignature).toBe(true);
    expect(facts.colourPixels).toBeGreaterThan(1000);
  });

  it('labels every n-th category when there are many', () => {
    const many = Array.from({ length: 72 }, (_, i) => `${i * 2.5}`);
    const svg = renderGroupedBarChart({ categories: many, series: [{ label: 'a', values: many.map(() => 1) }], xLabel: 'θ', yLabel: 'y' });
    expect(svg).toContain('>0<');
    expect(svg).not.toContain('>2.5<');
  });

  it('rejects a series of the wrong length', () => {
    expect(() =>
      renderGroupedBarChart({ categories: ['a', 'b'], series: [{ label: 's', values: [1] }], xLabel: 'x', yLabel: 'y' }),
    ).toThrow(/has 1 values for 2 categories/);
  });
});
