import { svgDocument } from '../svg/svg-document.ts';
import { extent, linearScale, niceDomain } from '../svg/scale.ts';
import { renderAxes } from './axes.ts';
import { DEFAULT_LAYOUT, plotArea, seriesColour, type PlotLayout } from './layout.ts';
import { MARKER_SHAPES, renderLegend, renderMarker } from './legend.ts';

/** A point of a scatter or line plot. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One labelled series of points. */
export interface PointSeries {
  readonly label: string;
  readonly points: readonly Point[];
  readonly colour?: string;
}

/** Options of `renderScatterPlot`. */
export interface ScatterPlotOptions {
  readonly series: readonly PointSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly title?: string;
  readonly layout?: PlotLayout;
}

/** Renders a scatter plot with one colour and marker shape per series and a legend, as a standalone SVG document. */
export function renderScatterPlot(options: ScatterPlotOptions): string {
  const { series, xLabel, yLabel, title, layout = DEFAULT_LAYOUT } = options;
  const area = plotArea(layout);
  const points = series.flatMap((s) => s.points);
  const x = linearScale(niceDomain(...extent(points.map((p) => p.x)), 6), [area.x0, area.x1]);
  const y = linearScale(niceDomain(...extent(points.map((p) => p.y)), 5), [area.y1, area.y0]);

  const markers: string[] = [];
  series.forEach((s, index) => {
    const colour = s.colour ?? seriesColour(index);
    const shape = MARKER_SHAPES[index % MARKER_SHAPES.length];
    for (const point of s.points) {
      if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) continue;
      markers.push(renderMarker(shape, x(point.x), y(point.y), 4.5, colour, 0.7));
    }
  });

  const legend = renderLegend(
    series.map((s, index) => ({ label: s.label, colour: s.colour ?? seriesColour(index), marker: MARKER_SHAPES[index % MARKER_SHAPES.length] })),
    area.x1 + 16,
    area.y0 + 8,
  );
  return svgDocument(layout.width, layout.height, [renderAxes({ area, x, y, xLabel, yLabel, title }), markers.join('\n'), legend].join('\n'));
}
