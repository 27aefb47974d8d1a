import { px, svgText } from '../svg/svg-document.ts';

/** Marker shapes for series in scatter and line plots. */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

/** Marker shapes in the order series use them. */
export const MARKER_SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];

/** One legend row: a swatch (a filled square, or a marker when `marker` is set) and a label. */
export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  readonly marker?: MarkerShape;
}

/** Renders a marker of `shape` centred at (x, y) with half-size `radius`. */
export function renderMarker(shape: MarkerShape, x: number, y: number, radius: number, colour: string, opacity = 1): string {
  const fill = `fill="${colour}" fill-opacity="${opacity}" stroke="${colour}" stroke-width="1"`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${px(x)}" cy="${px(y)}" r="${px(radius)}" ${fill}/>`;
    case 'square':
      return `<rect x="${px(x - radius)}" y="${px(y - radius)}" width="${px(2 * radius)}" height="${px(2 * radius)}" ${fill}/>`;
    case 'triangle':
      return `<polygon points="${px(x)},${px(y - radius)} ${px(x + radius)},${px(y + radius)} ${px(x - radius)},${px(y + radius)}" ${fill}/>`;
    case 'diamond':
      return `<polygon points="${px(x)},${px(y - radius)} ${px(x + radius)},${px(y)} ${px(x)},${px(y + radius)} ${px(x - radius)},${px(y)}" ${fill}/>`;
  }
}

/** Renders a vertical legend whose first row starts at (x, y). */
export function renderLegend(entries: readonly LegendEntry[], x: number, y: number): string {
  const parts: string[] = [];
  entries.forEach((entry, row) => {
    const rowY = y + row * 20;
    if (entry.marker === undefined) {
      parts.push(`<rect x="${px(x)}" y="${px(rowY - 6)}" width="12" height="12" fill="${entry.colour}" fill-opacity="0.6" stroke="${entry.colour}"/>`);
    } else {
      parts.push(renderMarker(entry.marker, x + 6, rowY, 5, entry.colour));
    }
    parts.push(svgText(x + 18, rowY + 4, entry.label, { size: 12 }));
  });
  return parts.join('\n');
}
