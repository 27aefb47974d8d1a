/** Helpers that build SVG text: escaping, number formatting and the document wrapper. */

/** Font stack used by every figure. DejaVu Sans comes first because librsvg (used by sharp) finds it on Debian. */
export const FONT_FAMILY = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/** Escapes the five XML special characters so that `text` can go into element content or an attribute. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Formats a coordinate with at most two decimals, which is finer than a pixel and keeps files small. */
export function px(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

/**
 * Formats a tick or table value compactly: up to `digits` significant digits,
 * exponent notation below 1e-3 and at or above 1e5, and no trailing zeros.
 */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e5) {
    return value.toExponential(Math.max(0, digits - 2)).replace(/\.?0+e/, 'e');
  }
  return Number(value.toPrecision(digits)).toString();
}

/** Wraps SVG elements in a standalone document of `width`×`height` user units with a white background. */
export function svgDocument(width: number, height: number, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<rect x="0" y="0" width="${px(width)}" height="${px(height)}" fill="#ffffff"/>`,
    body,
    '</svg>',
  ].join('\n');
}

/** Text anchored at (x, y); `anchor` is SVG's `text-anchor`. */
export function svgText(
  x: number,
  y: number,
  text: string,
  options: { anchor?: 'start' | 'middle' | 'end'; size?: number; weight?: 'normal' | 'bold'; rotate?: number; fill?: string } = {},
): string {
  const { anchor = 'start', size = 12, weight = 'normal', rotate, fill = '#222222' } = options;
  const transform = rotate === undefined ? '' : ` transform="rotate(${rotate} ${px(x)} ${px(y)})"`;
  return `<text x="${px(x)}" y="${px(y)}" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}" fill="${fill}"${transform}>${escapeXml(text)}</text>`;
}
