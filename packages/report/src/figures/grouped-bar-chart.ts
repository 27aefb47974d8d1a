import { InvalidInputError } from '@heterosparse/core';

import { px, svgDocument } from '../svg/svg-document.ts';
import { extent, linearScale, niceDomain } from '../svg/scale.ts';
import { renderAxes } from './axes.ts';
import { DEFAULT_LAYOUT, plotArea, seriesColour, type PlotLayout } from './layout.ts';
import { renderLegend } from './legend.ts';

/** One series of a grouped bar chart: one value per category, `NaN` for a missing bar. */
export interface BarSeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly colour?: string;
}

/** Options of `renderGroupedBarChart`. */
export interface GroupedBarChartOptions {
  /** Category labels along the x axis, one group of bars each. */
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly title?: string;
  readonly layout?: PlotLayout;
}

/**
 * Renders a bar chart with one group per category and one bar per series in
 * each group, as a standalone SVG document. The y axis always includes 0.
 * Throws `InvalidInputError` when a series has a different number of values than there are categories.
 */
export function renderGroupedBarChart(options: GroupedBarChartOptions): string {
  const { categories, series, xLabel, yLabel, title, layout = DEFAULT_LAYOUT } = options;
  for (const s of series) {
    if (s.values.length !== categories.length) {
      throw new InvalidInputError(
        `renderGroupedBarChart: series "${s.label}" has ${s.values.length} values for ${categories.length} categories; give one value per category`,
      );
    }
  }
  const area = plotArea(layout);
  const x = linearScale([-0.5, categories.length - 0.5], [area.x0, area.x1]);
  const [low, high] = extent([0, ...series.flatMap((s) => s.values)]);
  const y = linearScale(niceDomain(Math.min(0, low), Math.max(0, high), 5), [area.y1, area.y0]);

  const groupWidth = categories.length === 0 ? 0 : ((area.x1 - area.x0) / categories.length) * 0.8;
  const barWidth = series.length === 0 ? 0 : groupWidth / series.length;
  const bars: string[] = [];
  series.forEach((s, seriesIndex) => {
    const colour = s.colour ?? seriesColour(seriesIndex);
    s.values.forEach((value, category) => {
      if (!Number.isFinite(value)) return;
      const left = x(category) - groupWidth / 2 + seriesIndex * barWidth;
      const top = Math.min(y(value), y(0));
      const height = Math.abs(y(value) - y(0));
      bars.push(`<rect x="${px(left)}" y="${px(top)}" width="${px(barWidth)}" height="${px(height)}" fill="${colour}" fill-opacity="0.8" stroke="${colour}"/>`);
    });
  });

  // With many categories only every n-th label fits under the axis.
  const labelEvery = Math.max(1, Math.ceil(categories.length / 18));
  const xTicks = categories.flatMap((label, index) => (index % labelEvery === 0 ? [{ value: index, label }] : []));
  const legend = renderLegend(
    series.map((s, index) => ({ label: s.label, colour: s.colour ?? seriesColour(index) })),
    area.x1 + 16,
    area.y0 + 8,
  );
  return svgDocument(layout.width, layout.height, [renderAxes({ area, x, y, xLabel, yLabel, title, xTicks }), bars.join('\n'), legend].join('\n'));
}
