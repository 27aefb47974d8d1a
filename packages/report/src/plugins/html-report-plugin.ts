import { concatWith, defer, EMPTY, ignoreElements, merge, tap, type Observable } from 'rxjs';

import { definePlugin, ofKind, type ReportItem } from '@heterosparse/core';

import { buildReport } from '../html/build-report.ts';
import { addSparseCode, emptyReportData } from '../html/report-data.ts';

/** Options of `report/html`. */
export interface HtmlReportOptions {
  readonly title: string;
  readonly path: string;
  readonly reconstructionImages: number;
  readonly histogramBins: number;
  readonly pixelRatio: number;
}

export const HTML_REPORT_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, default: 'Kernel heterogeneity and sparseness', description: 'Heading of the report page.' },
    path: {
      type: 'string',
      pattern: '^[A-Za-z0-9_.-]+\\.html$',
      default: 'report.html',
      description: 'File name of the report in the run directory (letters, digits, "-", "_", "." and the .html extension).',
    },
    reconstructionImages: {
      type: 'integer',
      minimum: 0,
      maximum: 20,
      default: 3,
      description: 'Images shown with their reconstructions; only these keep their pixels in memory, other codes are reduced as they arrive.',
    },
    histogramBins: { type: 'integer', minimum: 2, maximum: 200, default: 15, description: 'Bins of the PSNR and sparseness histograms.' },
    pixelRatio: {
      type: 'number',
      minimum: 0.5,
      maximum: 4,
      default: 2,
      description: 'PNG pixels per figure unit; 2 keeps figures sharp on high-density screens, 1 halves the file sizes.',
    },
  },
} as const;

/**
 * Sink stage that writes a self-contained HTML report (`report.html` by
 * default) and each figure as `figures/<name>.png`, then emits one
 * `ReportItem`.
 *
 * It subscribes to every input at once and gathers them until all complete:
 * dictionaries and metrics are kept whole, codes are reduced to the first
 * `reconstructionImages` images' pixels and each solve's backend name, and
 * the last summary is kept. Fails when an input fails or an item has the
 * wrong kind; stops with `CancelledError` between figures once the run is cancelled.
 */
export const htmlReportPlugin = definePlugin<HtmlReportOptions>({
  id: 'report/html',
  description:
    'Writes an offline HTML report with the dictionaries, reconstructions, PSNR and sparseness histograms, scatter plot, resilience curves, activation by θ and B_θ, summary tests, convergence and the resolved pipeline.',
  optionsSchema: HTML_REPORT_OPTIONS_SCHEMA,
  inputs: {
    dictionaries: { kinds: ['dictionary'], many: true, description: 'The dictionaries compared, drawn as tiled atoms.' },
    codes: {
      kinds: ['sparse-code'],
      many: true,
      optional: true,
      description: 'Sparse codes, for the reconstruction figure and the solver backend; coefficient arrays are not kept.',
    },
    metrics: { kinds: ['metrics'], many: true, description: 'Per-image metrics (code metrics and resilience curves).' },
    summary: { kinds: ['summary'], optional: true, description: 'Statistics per dictionary and the tests between them.' },
  },
  output: 'report',
  create(options, context) {
    return (inputs) => {
      const data = emptyReportData();
      const input = (port: string): Observable<unknown> => inputs[port] ?? EMPTY;
      let summaries = 0;
      const gather = merge(
        input('dictionaries').pipe(
          ofKind('dictionary', context.stageId),
          tap((dictionary) => data.dictionaries.push(dictionary)),
        ),
        input('codes').pipe(
          ofKind('sparse-code', context.stageId),
          tap((code) => addSparseCode(data, code, options.reconstructionImages)),
        ),
        input('metrics').pipe(
          ofKind('metrics', context.stageId),
          tap((item) => data.metrics.push(item)),
        ),
        input('summary').pipe(
          ofKind('summary', context.stageId),
          tap((summary) => {
            summaries += 1;
            data.summary = summary;
          }),
        ),
      );

      return gather.pipe(
        ignoreElements(),
        concatWith(
          defer(async (): Promise<ReportItem> => {
            if (summaries > 1) context.logger.warn(`received ${summaries} summaries; the report shows the last one`);
            const report = await buildReport(data, options, context.pipeline, context.signal);
            for (const figure of report.figures) {
              await context.writeFile(`figures/${figure.name}.png`, figure.png);
            }
            await context.writeFile(options.path, report.html);
            context.logger.info(`wrote ${options.path} with ${report.figures.length} figures`);
            return { kind: 'report', path: options.path };
          }),
        ),
      );
    };
  },
});
