import { firstValueFrom, of, Subject, toArray, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';

import { CancelledError, createRandom, type DictionaryItem, type Item } from '@heterosparse/core';

import { inspectPng } from '../testing/inspect-png.ts';
import { createRecordingContext, type RecordingContext } from '@heterosparse/test-fixtures';
import {
  syntheticCode,
  syntheticCodeMetrics,
  syntheticDictionary,
  syntheticResilience,
  syntheticSummary,
} from '../testing/synthetic-items.ts';
import { HTML_REPORT_OPTIONS_SCHEMA, htmlReportPlugin, type HtmlReportOptions } from './html-report-plugin.ts';

const OPTIONS: HtmlReportOptions = { title: 'Test report', path: 'report.html', reconstructionImages: 2, histogramBins: 10, pixelRatio: 1 };
const IMAGES = ['alpha', 'beta', 'gamma'];

interface Fixture {
  readonly dictionaries: DictionaryItem[];
  readonly codes: Item[];
  readonly metrics: Item[];
}

/** Two banks (one bandwidth against three) and codes and metrics of three images; the heterogeneous solves did not converge. */
function fixture(): Fixture {
  const random = createRandom(3);
  const homogeneous = syntheticDictionary('homogeneous', 6, [Math.PI / 15], random);
  const heterogeneous = syntheticDictionary('heterogeneous', 2, [Math.PI / 36, Math.PI / 18, Math.PI / 12], random);
  const dictionaries = [heterogeneous, homogeneous];
  const codes: Item[] = [];
  const metrics: Item[] = [];
  IMAGES.forEach((imageId, i) => {
    for (const dictionary of dictionaries) {
      const converged = dictionary === homogeneous;
      const [psnr, sparseness] = dictionary === homogeneous ? [33 + i, 0.986 + 0.001 * i] : [31 + i, 0.993 + 0.001 * i];
      codes.push(syntheticCode(imageId, dictionary, random, converged));
      metrics.push(syntheticCodeMetrics(imageId, dictionary, psnr, sparseness, converged));
      metrics.push(syntheticResilience(imageId, dictionary.name, psnr, sparseness));
    }
  });
  return { dictionaries, codes, metrics };
}

async function runReport(context: RecordingContext, inputs: Record<string, Observable<unknown>>): Promise<unknown[]> {
  const stage = htmlReportPlugin.create(OPTIONS, context);
  return firstValueFrom(stage(inputs).pipe(toArray()));
}

function htmlOf(context: RecordingContext): string {
  const html = context.files.get('report.html');
  if (typeof html !== 'string') throw new Error('report.html was not written as text');
  return html;
}

describe('report/html', () => {
  it('writes a self-contained report and its figures', async () => {
    const { dictionaries, codes, metrics } = fixture();
    const pipeline = { name: 'heterogeneity-test', stages: { code: { plugin: 'sparse-coding/cbpdn', options: { lambda: 0.01 } } } };
    const context = createRecordingContext({ pipeline });
    const emitted = await runReport(context, {
      dictionaries: of(...dictionaries),
      codes: of(...codes),
      metrics: of(...metrics),
      summary: of(syntheticSummary()),
    });

    expect(emitted).toEqual([{ kind: 'report', path: 'report.html' }]);
    const figureNames = [...context.files.keys()].filter((path) => path.startsWith('figures/')).sort();
    expect(figureNames).toEqual([
      'figures/activation-by-bandwidth-heterogeneous.png',
      'figures/activation-by-theta.png',
      'figures/dictionary-heterogeneous.png',
      'figures/dictionary-homogeneous.png',
      'figures/psnr-histogram.png',
      'figures/psnr-vs-sparseness.png',
      'figures/reconstructions.png',
      'figures/resilience-psnr.png',
      'figures/resilience-sparseness.png',
      'figures/sparseness-histogram.png',
    ]);
    for (const name of figureNames) {
      const facts = await inspectPng(context.files.get(name) as Uint8Array);
      expect(facts.hasSignature, name).toBe(true);
      expect(facts.nonWhitePixels, name).toBeGreaterThan(1000);
    }

    const html = htmlOf(context);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<img src="data:image\/png;base64,/g)?.length).toBe(figureNames.length);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('heterogeneous sparser than homogeneous');
    expect(html).toContain('<strong>0.0123</strong>');
    expect(html).toContain('&quot;heterogeneity-test&quot;');
    expect(html).toContain('&quot;lambda&quot;: 0.01');
  });

  it('warns about solves stopped at the iteration limit', async () => {
    const { dictionaries, codes, metrics } = fixture();
    const context = createRecordingContext();
    await runReport(context, { dictionaries: of(...dictionaries), codes: of(...codes), metrics: of(...metrics), summary: of(syntheticSummary()) });
    const html = htmlOf(context);
    expect(html).toContain('Warning: 3 of 6 solves stopped at the iteration limit (100 iterations)');
    expect(html).toContain('role="alert"');
    expect(html).toContain('test-backend');
  });

  it('keeps pixels of the first images only', async () => {
    const { dictionaries, codes, metrics } = fixture();
    const context = createRecordingContext();
    await runReport(context, { dictionaries: of(...dictionaries), codes: of(...codes), metrics: of(...metrics), summary: of(syntheticSummary()) });
    const html = htmlOf(context);
    expect(html).toContain('figures/reconstructions.png');
    const reconstructions = await inspectPng(context.files.get('figures/reconstructions.png') as Uint8Array);
    // Three columns of 200-pixel tiles with 8-pixel gaps: 8 + 3 × 208.
    expect(reconstructions.width).toBe(632);
    // Two rows: 8 + 2 × (200 + 20 caption + 8).
    expect(reconstructions.height).toBe(464);
  });

  it('subscribes to every input before any emits', async () => {
    const { dictionaries, metrics } = fixture();
    const inputs = { dictionaries: new Subject<unknown>(), metrics: new Subject<unknown>(), summary: new Subject<unknown>() };
    const context = createRecordingContext();
    const result = runReport(context, inputs);
    // Subjects do not replay, so items sent now reach the stage only if it subscribed to every input at once.
    for (const item of metrics) inputs.metrics.next(item);
    inputs.metrics.complete();
    inputs.summary.next(syntheticSummary());
    inputs.summary.complete();
    for (const item of dictionaries) inputs.dictionaries.next(item);
    inputs.dictionaries.complete();
    await result;
    const html = htmlOf(context);
    expect(html).toContain('figures/dictionary-homogeneous.png');
    expect(html).toContain('figures/psnr-histogram.png');
    expect(html).toContain('No reconstructions');
  });

  it('reports missing inputs in the page', async () => {
    const context = createRecordingContext();
    await runReport(context, { dictionaries: of(), metrics: of() });
    const html = htmlOf(context);
    expect(html).toContain('No summary statistics');
    expect(html).toContain('No solve records');
    expect(html).toContain('No resilience curves');
  });

  it('rejects items of the wrong kind', async () => {
    const context = createRecordingContext();
    await expect(runReport(context, { dictionaries: of({ kind: 'metrics' }), metrics: of() })).rejects.toThrow(/expected items of kind "dictionary"/);
  });

  it('stops when the run is cancelled', async () => {
    const { dictionaries, metrics } = fixture();
    const controller = new AbortController();
    controller.abort();
    const context = createRecordingContext({ signal: controller.signal });
    await expect(runReport(context, { dictionaries: of(...dictionaries), metrics: of(...metrics) })).rejects.toBeInstanceOf(CancelledError);
    expect(context.files.has('report.html')).toBe(false);
  });

  it('declares defaults for every option', () => {
    for (const [key, property] of Object.entries(HTML_REPORT_OPTIONS_SCHEMA.properties)) {
      expect(property, key).toHaveProperty('default');
      expect(property, key).toHaveProperty('description');
    }
  });
});
