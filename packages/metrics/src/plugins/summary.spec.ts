import { describe, expect, it } from 'vitest';
import { EMPTY, Subject, lastValueFrom, of, throwError, toArray } from 'rxjs';
import type { MetricsItem, SummaryItem } from '@heterosparse/core';

import { computeCodeMetrics } from '../compute-code-metrics.ts';
import type { SampleStatistics } from '../describe-sample.ts';
import type { ComparisonResult } from '../compare-dictionaries.ts';
import type { ResilienceSummaryPoint } from '../summarize-resilience.ts';
import { createRecordingContext } from '@heterosparse/test-fixtures';
import { createSyntheticCode } from '../testing/synthetic-code.ts';
import { summaryPlugin, type SummaryPluginOptions } from './summary.ts';

const TESTS: SummaryPluginOptions['tests'] = [
  { name: 'heterogeneous sparser than homogeneous', metric: 'sparseness', greater: 'heterogeneous', less: 'homogeneous' },
  { name: 'homogeneous higher PSNR than heterogeneous', metric: 'psnr', greater: 'homogeneous', less: 'heterogeneous' },
];

function options(overrides: Partial<SummaryPluginOptions> = {}): SummaryPluginOptions {
  return { tests: TESTS, sharedImagesOnly: true, csvFile: 'results.csv', ...overrides };
}

function item(imageId: string, dictionaryName: string, psnr: number, sparseness: number): MetricsItem {
  return { kind: 'metrics', imageId, dictionaryName, values: { psnr, sparseness, converged: 0 } };
}

// Four images; the heterogeneous bank is sparser and has lower PSNR on every one.
const ITEMS = [
  item('a', 'homogeneous', 33, 0.985),
  item('b', 'homogeneous', 34, 0.986),
  item('c', 'homogeneous', 32, 0.984),
  item('d', 'homogeneous', 35, 0.987),
  item('a', 'heterogeneous', 31, 0.993),
  item('b', 'heterogeneous', 30, 0.994),
  item('c', 'heterogeneous', 29, 0.992),
  item('d', 'heterogeneous', 31.5, 0.995),
];

describe('metrics/summary', () => {
  it('summarises, tests and writes results', async () => {
    const context = createRecordingContext();
    const output = summaryPlugin.create(options(), context)({ metrics: of(...ITEMS) });
    const emitted = (await lastValueFrom(output.pipe(toArray<unknown>()))) as SummaryItem[];
    expect(emitted).toHaveLength(1);
    expect(emitted[0].kind).toBe('summary');

    const summary = context.results.get('summary') as Record<string, Record<string, SampleStatistics>>;
    expect(summary.homogeneous.psnr.median).toBe(33.5);
    expect(summary.heterogeneous.sparseness.median).toBeCloseTo(0.9935, 15);
    expect(summary.heterogeneous.psnr.count).toBe(4);

    // Every heterogeneous value exceeds every homogeneous one: U = 4·4 = 16 and
    // the exact one-sided p-value is 1 / C(8, 4) = 1/70.
    const tests = context.results.get('tests') as ComparisonResult[];
    expect(tests.map((test) => test.name)).toEqual(TESTS.map((test) => test.name));
    for (const test of tests) {
      expect(test.statistic).toBe(16);
      expect(test.p).toBeCloseTo(1 / 70, 15);
      expect(test.method).toBe('exact');
      expect(test.alternative).toBe('greater');
      expect([test.n1, test.n2]).toEqual([4, 4]);
    }

    const images = context.results.get('images') as { image: string; dictionary: string }[];
    expect(images).toHaveLength(8);
    expect(images[0]).toEqual({ image: 'a', dictionary: 'heterogeneous', psnr: 31, sparseness: 0.993, converged: 0 });

    const csv = context.files.get('results.csv') as string;
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(10);
    expect(lines[0].startsWith('image,dictionary,backend,psnr,sparseness,nonzeros,')).toBe(true);
    expect(lines[1]).toBe('a,heterogeneous,,31,0.993,,,,,,,,,0');

    expect(emitted[0].content.summary).toBe(summary);
    expect(emitted[0].content.tests).toBe(tests);
  });

  it('emits only when the input completes', async () => {
    const metrics = new Subject<unknown>();
    const seen: unknown[] = [];
    let completed = false;
    summaryPlugin
      .create(options({ tests: [] }), createRecordingContext())({ metrics })
      .subscribe({ next: (value) => seen.push(value), complete: () => (completed = true) });
    for (const value of ITEMS) metrics.next(value);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([]);

    metrics.complete();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(1);
    expect(completed).toBe(true);
  });

  it('merges code metrics and resilience', async () => {
    const code = computeCodeMetrics(createSyntheticCode({ imageId: 'a' }));
    const resilience: MetricsItem = {
      kind: 'metrics',
      imageId: 'a',
      dictionaryName: 'synthetic',
      values: {},
      details: { resilience: [{ cutoff: 0.1, psnr: 31, sparseness: 0.9375, nonzeros: 2 }] },
    };
    const context = createRecordingContext();
    await lastValueFrom(summaryPlugin.create(options({ tests: [] }), context)({ metrics: of(code, resilience) }));
    const curves = context.results.get('resilience') as Record<string, ResilienceSummaryPoint[]>;
    expect(curves.synthetic[0].psnr.median).toBe(31);
    const activation = context.results.get('activation') as Record<string, Record<string, { nonzeros: number }[]>>;
    expect(activation.synthetic.theta.map((group) => group.nonzeros)).toEqual([2, 1]);
    const csv = context.files.get('results.csv') as string;
    expect(csv.split('\r\n')[1]).toMatch(/^a,synthetic,synthetic,32\.04\d*,0\.90625,3,/);
    const images = context.results.get('images') as Record<string, unknown>[];
    expect(images[0]).toMatchObject({ image: 'a', dictionary: 'synthetic', backend: 'synthetic' });
  });

  it('writes empty tables for empty input', async () => {
    const context = createRecordingContext();
    const [summary] = (await lastValueFrom(
      summaryPlugin.create(options({ tests: [] }), context)({ metrics: EMPTY }).pipe(toArray<unknown>()),
    )) as SummaryItem[];
    expect(summary.content).toEqual({ summary: {}, tests: [], images: [], resilience: {}, activation: {} });
    expect((context.files.get('results.csv') as string).split('\r\n')).toHaveLength(2);
  });

  it('fails declared tests on empty input', async () => {
    const context = createRecordingContext();
    await expect(lastValueFrom(summaryPlugin.create(options(), context)({ metrics: EMPTY }))).rejects.toThrow(
      /test "heterogeneous sparser than homogeneous": no sparseness values for dictionary "heterogeneous"/,
    );
    expect(context.files.size).toBe(0);
    expect(context.results.size).toBe(0);
  });

  it('passes input errors on without writing', async () => {
    const context = createRecordingContext();
    const metrics = throwError(() => new Error('metrics failed'));
    await expect(lastValueFrom(summaryPlugin.create(options(), context)({ metrics }))).rejects.toThrow('metrics failed');
    expect(context.files.size).toBe(0);
    expect(context.results.size).toBe(0);
  });

  it('writes to the configured file', async () => {
    const context = createRecordingContext();
    await lastValueFrom(summaryPlugin.create(options({ csvFile: 'tables/codes.csv' }), context)({ metrics: of(...ITEMS) }));
    expect([...context.files.keys()]).toEqual(['tables/codes.csv']);
  });
});
