import { CancelledError } from '@heterosparse/core';

import { svgToPng } from '../svg/rasterise.ts';
import { escapeXml as escapeHtml } from '../svg/svg-document.ts';
import { activationByBandwidthFigures, activationByThetaFigure } from './activation-figures.ts';
import { conditionNames } from './condition-names.ts';
import { renderConvergenceSection } from './convergence-section.ts';
import { dictionaryFigure, reconstructionFigure } from './dictionary-figures.ts';
import { histogramFigures, scatterFigure } from './metric-figures.ts';
import type { ReportData } from './report-data.ts';
import type { ReportFigure } from './report-figure.ts';
import { renderReportHtml, type RenderedFigure, type ReportSection } from './render-report-html.ts';
import { resilienceFigures } from './resilience-figures.ts';
import { solveRecords } from './solve-records.ts';
import { renderPerImageTable, renderStatisticsTable, renderTestsTable } from './summary-tables.ts';

/** Largest displayed figure width in CSS pixels, so that two figures fit side by side on the 1200-pixel page. */
const MAX_DISPLAY_WIDTH = 560;

/** Settings of one report. */
export interface ReportSettings {
  readonly title: string;
  /** Bins of the PSNR and sparseness histograms. */
  readonly histogramBins: number;
  /** PNG pixels per SVG unit; 2 keeps figures sharp on high-density screens. */
  readonly pixelRatio: number;
}

/** A built report: the HTML page and every figure as PNG, named by file stem. */
export interface BuiltReport {
  readonly html: string;
  readonly figures: readonly { readonly name: string; readonly png: Uint8Array }[];
}

/**
 * Builds every figure and table from `data` and renders the self-contained
 * HTML page, with the resolved `pipeline` at the end. Checks `signal`
 * between figures and throws `CancelledError` once it is aborted.
 */
export async function buildReport(
  data: ReportData,
  settings: ReportSettings,
  pipeline: Readonly<Record<string, unknown>>,
  signal?: AbortSignal,
): Promise<BuiltReport> {
  const conditions = conditionNames(data);
  const rendered: RenderedFigure[] = [];
  const render = async (figures: readonly (ReportFigure | undefined)[]): Promise<RenderedFigure[]> => {
    const out: RenderedFigure[] = [];
    for (const figure of figures) {
      if (figure === undefined) continue;
      if (signal?.aborted) throw new CancelledError();
      const png = await svgToPng(figure.svg, settings.pixelRatio);
      const width = Math.min(svgWidth(figure.svg), MAX_DISPLAY_WIDTH);
      const result = { name: figure.name, title: figure.title, caption: figure.caption, png, width };
      out.push(result);
      rendered.push(result);
    }
    return out;
  };

  const dictionaryFigures: ReportFigure[] = [];
  const dictionaries = [...data.dictionaries].sort((a, b) => conditions.indexOf(a.name) - conditions.indexOf(b.name));
  for (const dictionary of dictionaries) dictionaryFigures.push(await dictionaryFigure(dictionary));

  const sections: ReportSection[] = [
    {
      id: 'summary',
      heading: 'Summary and tests',
      html:
        '<p>Statistics over images of each dictionary’s codes, and one-sided Mann–Whitney U tests between the dictionaries. ' +
        'Sparseness is 1 − nonzero coefficients / all coefficients; PSNR is in dB with the peak taken as max − min of the coded image.</p>\n' +
        renderStatisticsTable(data.summary, conditions) +
        '\n' +
        renderTestsTable(data.summary),
      figures: [],
    },
    { id: 'convergence', heading: 'Solver convergence', html: renderConvergenceSection(solveRecords(data.metrics, data.backends), conditions), figures: [] },
    { id: 'dictionaries', heading: 'Dictionaries', html: '', figures: await render(dictionaryFigures) },
    {
      id: 'reconstructions',
      heading: 'Reconstructions',
      html: data.samples.length === 0 ? '<p class="missing">No reconstructions: connect the sparse-coding stage to the report’s <code>codes</code> input.</p>' : '',
      figures: await render([await reconstructionFigure(data.samples, conditions, data.metrics)]),
    },
    {
      id: 'quality-and-sparseness',
      heading: 'Reconstruction quality and sparseness',
      html: `<details><summary>Metrics of every image</summary>\n${renderPerImageTable(
        data.metrics.filter((item) => Object.keys(item.values).length > 0),
        conditions,
      )}\n</details>`,
      figures: await render([...histogramFigures(data.metrics, conditions, settings.histogramBins), scatterFigure(data.metrics, conditions)]),
    },
  ];

  const resilience = await render(resilienceFigures(data.metrics, conditions));
  sections.push({
    id: 'resilience',
    heading: 'Resilience to pruning',
    html: resilience.length === 0 ? '<p class="missing">No resilience curves: connect a metrics/resilience stage to the report’s <code>metrics</code> input.</p>' : '',
    figures: resilience,
  });

  const activation = await render([activationByThetaFigure(data.metrics, conditions), ...activationByBandwidthFigures(data.metrics, conditions)]);
  sections.push({
    id: 'activation',
    heading: 'Activation by orientation and bandwidth',
    html: activation.length === 0 ? '<p class="missing">No activation groups in the metrics (the code-metrics stage adds them for log-Gabor dictionaries).</p>' : '',
    figures: activation,
  });

  sections.push({
    id: 'pipeline',
    heading: 'Resolved pipeline',
    html:
      '<p>The pipeline exactly as it ran, after <code>--set</code> overrides and option defaults. Save it as a file to run the same experiment again.</p>\n' +
      `<pre>${escapeHtml(JSON.stringify(pipeline, null, 2))}</pre>`,
    figures: [],
  });

  const images = new Set(data.metrics.map((item) => item.imageId)).size;
  const introduction =
    `Sparse codes of ${images} image${images === 1 ? '' : 's'} with ${conditions.length} dictionar${conditions.length === 1 ? 'y' : 'ies'}: ` +
    `${conditions.map((name) => `<strong>${escapeHtml(name)}</strong>`).join(', ')}. Figures are also saved as PNG files under <code>figures/</code>.`;
  const html = renderReportHtml({ title: settings.title, introduction, sections });
  return { html, figures: rendered.map(({ name, png }) => ({ name, png })) };
}

/** Reads the `width` attribute of the root `<svg>` element, which `svgDocument` always writes. */
function svgWidth(svg: string): number {
  const match = /<svg[^>]*\swidth="([0-9.]+)"/.exec(svg);
  if (match === null) throw new Error('buildReport: a figure has no width attribute on its <svg> element; build figures with svgDocument');
  return Math.round(Number(match[1]));
}
