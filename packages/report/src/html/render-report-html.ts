import { escapeXml as escapeHtml } from '../svg/svg-document.ts';

/** A figure ready for the page: its PNG bytes and its words. */
export interface RenderedFigure {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly png: Uint8Array;
  /** Displayed width in CSS pixels (the PNG may have more pixels for sharpness). */
  readonly width: number;
}

/** One section of the report: an anchor id, a heading, and HTML content (figures are added after the content). */
export interface ReportSection {
  readonly id: string;
  readonly heading: string;
  /** HTML, already escaped where needed. */
  readonly html: string;
  readonly figures: readonly RenderedFigure[];
}

/** Everything the page shows. */
export interface ReportPage {
  readonly title: string;
  /** One paragraph of HTML under the title. */
  readonly introduction: string;
  readonly sections: readonly ReportSection[];
}

const STYLE = `
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; margin: 0 auto; max-width: 1200px; padding: 16px 32px; color: #222; line-height: 1.45; }
h1 { margin-bottom: 4px; }
nav ul { columns: 2; padding-left: 20px; }
section { border-top: 1px solid #ddd; margin-top: 24px; }
figure { display: inline-block; margin: 12px 16px 12px 0; vertical-align: top; max-width: 100%; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 0.9em; color: #444; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.significant td { background: #eef7ee; }
.warning { background: #fff4e5; border: 2px solid #e69f00; padding: 4px 16px; margin: 12px 0; }
.warning-text { color: #b35900; }
.ok { background: #eef7ee; border: 1px solid #009e73; padding: 8px 16px; }
.missing { color: #b35900; font-style: italic; }
pre { background: #f6f6f6; padding: 12px; overflow-x: auto; font-size: 0.85em; }
`;

/**
 * Renders the report as one self-contained HTML document: the style is
 * inline and every figure is a base64 PNG data URI, so the file opens
 * offline and references no other file or URL.
 */
export function renderReportHtml(page: ReportPage): string {
  const navigation = page.sections.map((section) => `<li><a href="#${section.id}">${escapeHtml(section.heading)}</a></li>`).join('\n');
  const sections = page.sections.map(renderSection).join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<p>${page.introduction}</p>`,
    `<nav><ul>\n${navigation}\n</ul></nav>`,
    sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderSection(section: ReportSection): string {
  const figures = section.figures.map(renderFigure).join('\n');
  return `<section id="${section.id}">\n<h2>${escapeHtml(section.heading)}</h2>\n${section.html}\n${figures}\n</section>`;
}

function renderFigure(figure: RenderedFigure): string {
  const source = `data:image/png;base64,${Buffer.from(figure.png).toString('base64')}`;
  return [
    `<figure id="figure-${figure.name}" style="max-width: ${figure.width}px">`,
    `<img src="${source}" alt="${escapeHtml(figure.title)}" width="${figure.width}">`,
    `<figcaption><strong>${escapeHtml(figure.title)}.</strong> ${escapeHtml(figure.caption)} <em>(figures/${escapeHtml(figure.name)}.png)</em></figcaption>`,
    '</figure>',
  ].join('\n');
}
