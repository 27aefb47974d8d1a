import type { MetricsItem } from '@heterosparse/core';

import { seriesColour } from '../figures/layout.ts';
import { renderLinePlot } from '../figures/line-plot.ts';
import { median } from './metric-samples.ts';
import type { ReportFigure } from './report-figure.ts';

/** The fields of one resilience point that the report reads (the resilience stage's `ResiliencePoint`). */
interface ResiliencePointRecord {
  readonly cutoff: number;
  readonly psnr: number;
  readonly sparseness: number;
}

function isResiliencePoint(value: unknown): value is ResiliencePointRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['cutoff', 'psnr', 'sparseness'].every((key) => typeof record[key] === 'number');
}

/** Median over images of PSNR and sparseness at each cut-off, for one dictionary. */
export interface ResilienceCurve {
  readonly dictionaryName: string;
  /** Cut-offs, ascending. */
  readonly cutoffs: readonly number[];
  readonly psnr: readonly number[];
  readonly sparseness: readonly number[];
  /** Images that contributed. */
  readonly images: number;
}

/**
 * Collects `details.resilience` of every metrics item of `dictionaryName` and
 * returns the median curve, or `undefined` when no item carries one.
 */
export function resilienceCurve(metrics: readonly MetricsItem[], dictionaryName: string): ResilienceCurve | undefined {
  const byCutoff = new Map<number, { psnr: number[]; sparseness: number[] }>();
  let images = 0;
  for (const item of metrics) {
    const points = item.details?.resilience;
    if (item.dictionaryName !== dictionaryName || !Array.isArray(points)) continue;
    images += 1;
    for (const point of points.filter(isResiliencePoint)) {
      const entry = byCutoff.get(point.cutoff) ?? { psnr: [], sparseness: [] };
      byCutoff.set(point.cutoff, entry);
      entry.psnr.push(point.psnr);
      entry.sparseness.push(point.sparseness);
    }
  }
  if (images === 0) return undefined;
  const cutoffs = [...byCutoff.keys()].sort((a, b) => a - b);
  const entry = (cutoff: number) => byCutoff.get(cutoff) as { psnr: number[]; sparseness: number[] };
  return {
    dictionaryName,
    cutoffs,
    psnr: cutoffs.map((cutoff) => median(entry(cutoff).psnr)),
    sparseness: cutoffs.map((cutoff) => median(entry(cutoff).sparseness)),
    images,
  };
}

/**
 * Median PSNR and median sparseness against the pruning cut-off, one line per
 * dictionary. Returns no figure when no metrics item carries a resilience curve.
 */
export function resilienceFigures(metrics: readonly MetricsItem[], conditions: readonly string[]): ReportFigure[] {
  const curves = conditions.flatMap((condition, index) => {
    const curve = resilienceCurve(metrics, condition);
    return curve === undefined ? [] : [{ curve, colour: seriesColour(index) }];
  });
  if (curves.length === 0) return [];
  const series = (key: 'psnr' | 'sparseness') =>
    curves.map(({ curve, colour }) => ({
      label: `${curve.dictionaryName} (n = ${curve.images})`,
      colour,
      points: curve.cutoffs.map((cutoff, i) => ({ x: cutoff, y: curve[key][i] })),
    }));
  return [
    {
      name: 'resilience-psnr',
      title: 'Resilience: PSNR after pruning',
      caption:
        'Median over images of the reconstruction PSNR after every coefficient with |x| below the cut-off is set to zero. ' +
        'A flatter curve means the code keeps its quality when small coefficients are dropped.',
      svg: renderLinePlot({ series: series('psnr'), xLabel: 'cut-off on |x|', yLabel: 'median PSNR (dB)', title: 'PSNR after pruning' }),
    },
    {
      name: 'resilience-sparseness',
      title: 'Resilience: sparseness after pruning',
      caption: 'Median over images of the sparseness after pruning at each cut-off.',
      svg: renderLinePlot({
        series: series('sparseness'),
        xLabel: 'cut-off on |x|',
        yLabel: 'median sparseness',
        title: 'Sparseness after pruning',
      }),
    },
  ];
}
