/** Sizes, margins and colours shared by the plot figures. */

/** Outer size of a figure and the margins around its plot area, in SVG user units (one PNG pixel each at `svgToPng` scale 1). */
export interface PlotLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

/** Pixel bounds of the plot area inside a layout. `y0` is the top edge. */
export interface PlotArea {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** Default layout: 680×400 with room for a title, tick labels and a legend of about 24 characters on the right. */
export const DEFAULT_LAYOUT: PlotLayout = {
  width: 680,
  height: 400,
  margin: { top: 40, right: 190, bottom: 56, left: 72 },
};

/** Returns the plot area of `layout`. */
export function plotArea(layout: PlotLayout): PlotArea {
  return {
    x0: layout.margin.left,
    x1: layout.width - layout.margin.right,
    y0: layout.margin.top,
    y1: layout.height - layout.margin.bottom,
  };
}

/**
 * Colours for data series, from the colour-blind-safe palette of Wong
 * (Nature Methods 8, 441, 2011): blue, vermilion, bluish green, orange,
 * reddish purple, sky blue, yellow.
 */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#F0E442'] as const;

/** Colour of series `index`, cycling through `SERIES_COLOURS`. */
export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length];
}
