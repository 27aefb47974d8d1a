import { px, svgDocument } from '../svg/svg-document.ts';
import { extent, linearScale, niceDomain } from '../svg/scale.ts';
import { renderAxes } from './axes.ts';
import { DEFAULT_LAYOUT, plotArea, seriesColour, type PlotLayout } from './layout.ts';
import { MARKER_SHAPES, renderLegend, renderMarker } from './legend.ts';
import type { PointSeries } from './scatter-plot.ts';

/** Options of `renderLinePlot`. */
export interface LinePlotOptions {
  /** Series to draw; each series' points are joined in the order given. */
  readonly series: readonly PointSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly title?: string;
  readonly layout?: PlotLayout;
  /** Fixed y domain; defaults to a rounded extent of the data. */
  readonly yDomain?: readonly [number, number];
}

/**
 * Renders lines with a marker at every point, one colour and marker shape per
 * series, and a legend, as a standalone SVG document. Non-finite points break
 * the line.
 */
export function renderLinePlot(options: LinePlotOptions): string {
  const { series, xLabel, yLabel, title, layout = DEFAULT_LAYOUT } = options;
  const area = plotArea(layout);
  const points = series.flatMap((s) => s.points);
  const x = linearScale(niceDomain(...extent(points.map((p) => p.x)), 6), [area.x0, area.x1]);
  const y = linearScale(options.yDomain ?? niceDomain(...extent(points.map((p) => p.y)), 5), [area.y1, area.y0]);

  const parts: string[] = [];
  series.forEach((s, index) => {
    const colour = s.colour ?? seriesColour(index);
    const shape = MARKER_SHAPES[index % MARKER_SHAPES.length];
    let path = '';
    let penDown = false;
    for (const point of s.points) {
      if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) {
        penDown = false;
        continue;
      }
      path += `${penDown ? 'L' : 'M'}${px(x(point.x))},${px(y(point.y))} `;
      penDown = true;
    }
    if (path !== '') parts.push(`<path d="${path.trim()}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const point of s.points) {
      if (Number.isFinite(point.x) && Number.isFinite(point.y)) parts.push(renderMarker(shape, x(point.x), y(point.y), 4, colour));
    }
  });

  const legend = renderLegend(
    series.map((s, index) => ({ label: s.label, colour: s.colour ?? seriesColour(index), marker: MARKER_SHAPES[index % MARKER_SHAPES.length] })),
    area.x1 + 16,
    area.y0 + 8,
  );
  return svgDocument(layout.width, layout.height, [renderAxes({ area, x, y, xLabel, yLabel, title }), parts.join('\n'), legend].join('\n'));
}
