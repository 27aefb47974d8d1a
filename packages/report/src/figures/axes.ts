import { formatNumber, px, svgText } from '../svg/svg-document.ts';
import type { LinearScale } from '../svg/scale.ts';
import { niceTicks } from '../svg/scale.ts';
import type { PlotArea } from './layout.ts';

/** One labelled tick at a data value. */
export interface Tick {
  readonly value: number;
  readonly label: string;
}

/** Options of `renderAxes`. */
export interface AxesOptions {
  readonly area: PlotArea;
  readonly x: LinearScale;
  readonly y: LinearScale;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Title drawn centred above the plot area; omitted when empty. */
  readonly title?: string;
  /** Ticks on the x axis; defaults to about 6 round values of the scale's domain. */
  readonly xTicks?: readonly Tick[];
  /** Ticks on the y axis; defaults to about 5 round values of the scale's domain. */
  readonly yTicks?: readonly Tick[];
  /** Draws light horizontal grid lines at the y ticks (default true). */
  readonly grid?: boolean;
}

/** Returns about `count` round ticks of a scale's domain, labelled with `formatNumber`. */
export function defaultTicks(scale: LinearScale, count: number): Tick[] {
  const [min, max] = scale.domain;
  return niceTicks(Math.min(min, max), Math.max(min, max), count).map((value) => ({ value, label: formatNumber(value) }));
}

/**
 * Renders a left y axis and a bottom x axis with ticks, tick labels, axis
 * labels, an optional title and optional horizontal grid lines, as SVG elements.
 */
export function renderAxes(options: AxesOptions): string {
  const { area, x, y, xLabel, yLabel, title, grid = true } = options;
  const xTicks = options.xTicks ?? defaultTicks(x, 6);
  const yTicks = options.yTicks ?? defaultTicks(y, 5);
  const parts: string[] = [];

  if (grid) {
    for (const tick of yTicks) {
      const ty = px(y(tick.value));
      parts.push(`<line x1="${px(area.x0)}" y1="${ty}" x2="${px(area.x1)}" y2="${ty}" stroke="#e5e5e5" stroke-width="1"/>`);
    }
  }

  // Axis lines: the x axis along the bottom edge, the y axis along the left edge.
  parts.push(`<line x1="${px(area.x0)}" y1="${px(area.y1)}" x2="${px(area.x1)}" y2="${px(area.y1)}" stroke="#333333" stroke-width="1"/>`);
  parts.push(`<line x1="${px(area.x0)}" y1="${px(area.y0)}" x2="${px(area.x0)}" y2="${px(area.y1)}" stroke="#333333" stroke-width="1"/>`);

  for (const tick of xTicks) {
    const tx = x(tick.value);
    parts.push(`<line x1="${px(tx)}" y1="${px(area.y1)}" x2="${px(tx)}" y2="${px(area.y1 + 5)}" stroke="#333333"/>`);
    parts.push(svgText(tx, area.y1 + 18, tick.label, { anchor: 'middle', size: 11 }));
  }
  for (const tick of yTicks) {
    const ty = y(tick.value);
    parts.push(`<line x1="${px(area.x0 - 5)}" y1="${px(ty)}" x2="${px(area.x0)}" y2="${px(ty)}" stroke="#333333"/>`);
    parts.push(svgText(area.x0 - 8, ty + 4, tick.label, { anchor: 'end', size: 11 }));
  }

  parts.push(svgText((area.x0 + area.x1) / 2, area.y1 + 40, xLabel, { anchor: 'middle', size: 13 }));
  const yLabelX = area.x0 - 56;
  const yLabelY = (area.y0 + area.y1) / 2;
  parts.push(svgText(yLabelX, yLabelY, yLabel, { anchor: 'middle', size: 13, rotate: -90 }));
  if (title !== undefined && title !== '') {
    parts.push(svgText((area.x0 + area.x1) / 2, area.y0 - 16, title, { anchor: 'middle', size: 15, weight: 'bold' }));
  }
  return parts.join('\n');
}
