import { InvalidInputError } from '@heterosparse/core';

import { px, svgDocument } from '../svg/svg-document.ts';
import { extent, linearScale, niceDomain } from '../svg/scale.ts';
import { renderAxes } from './axes.ts';
import { DEFAULT_LAYOUT, plotArea, seriesColour, type PlotLayout } from './layout.ts';
import { renderLegend } from './legend.ts';

/** One condition of a histogram: a label and its sample values. */
export interface HistogramSeries {
  readonly label: string;
  readonly values: readonly number[];
  /** Fill colour; defaults to the series colour of its position. */
  readonly colour?: string;
}

/** Options of `renderHistogram`. */
export interface HistogramOptions {
  readonly series: readonly HistogramSeries[];
  /** Number of equal-width bins shared by all series (default 20). */
  readonly bins?: number;
  readonly xLabel: string;
  /** Label of the count axis (default "images"). */
  readonly yLabel?: string;
  readonly title?: string;
  readonly layout?: PlotLayout;
}

/**
 * Counts `values` into `bins` equal-width bins over [min, max]. A value equal
 * to `max` falls into the last bin; values outside the interval and
 * non-finite values are not counted.
 */
export function binCounts(values: readonly number[], min: number, max: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (const value of values) {
    if (!Number.isFinite(value) || value < min || value > max) continue;
    const index = width === 0 ? 0 : Math.min(bins - 1, Math.floor((value - min) / width));
    counts[index] += 1;
  }
  return counts;
}

/**
 * Renders overlaid histograms of several conditions on shared bins, as a
 * standalone SVG document. Bars are half transparent so that overlaps show.
 */
export function renderHistogram(options: HistogramOptions): string {
  const { series, bins = 20, xLabel, yLabel = 'images', title, layout = DEFAULT_LAYOUT } = options;
  if (!Number.isInteger(bins) || bins < 1) {
    throw new InvalidInputError(`renderHistogram: bins must be a positive integer, received ${bins}`);
  }
  const area = plotArea(layout);
  const [min, max] = niceDomain(...extent(series.flatMap((s) => s.values)), 6);
  const counts = series.map((s) => binCounts(s.values, min, max, bins));
  const maxCount = Math.max(1, ...counts.flat());
  const x = linearScale([min, max], [area.x0, area.x1]);
  const y = linearScale(niceDomain(0, maxCount, 5), [area.y1, area.y0]);
  const binWidth = (max - min) / bins;

  const bars: string[] = [];
  series.forEach((s, index) => {
    const colour = s.colour ?? seriesColour(index);
    counts[index].forEach((count, bin) => {
      if (count === 0) return;
      const left = x(min + bin * binWidth);
      const right = x(min + (bin + 1) * binWidth);
      const top = y(count);
      bars.push(
        `<rect x="${px(left)}" y="${px(top)}" width="${px(right - left)}" height="${px(area.y1 - top)}" fill="${colour}" fill-opacity="0.45" stroke="${colour}" stroke-width="1"/>`,
      );
    });
  });

  const yTicks = integerTicks(y.domain[1]);
  const legend = renderLegend(
    series.map((s, index) => ({ label: `${s.label} (n = ${s.values.length})`, colour: s.colour ?? seriesColour(index) })),
    area.x1 + 16,
    area.y0 + 8,
  );
  return svgDocument(
    layout.width,
    layout.height,
    [renderAxes({ area, x, y, xLabel, yLabel, title, yTicks }), bars.join('\n'), legend].join('\n'),
  );
}

/** Whole-number ticks from 0 to `max`, about five of them, because counts have no fractions. */
function integerTicks(max: number): { value: number; label: string }[] {
  const step = Math.max(1, Math.ceil(max / 5));
  const ticks: { value: number; label: string }[] = [];
  for (let value = 0; value <= max; value += step) ticks.push({ value, label: String(value) });
  return ticks;
}
