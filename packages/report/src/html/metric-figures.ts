import type { MetricsItem } from '@heterosparse/core';

import { renderHistogram } from '../figures/histogram.ts';
import { seriesColour } from '../figures/layout.ts';
import { renderScatterPlot } from '../figures/scatter-plot.ts';
import type { ReportFigure } from './report-figure.ts';
import { metricPairs, metricValues } from './metric-samples.ts';

/** Histograms of PSNR and of sparseness, one overlaid series per condition. */
export function histogramFigures(metrics: readonly MetricsItem[], conditions: readonly string[], bins: number): ReportFigure[] {
  const series = (key: string) =>
    conditions.map((condition, index) => ({ label: condition, values: metricValues(metrics, condition, key), colour: seriesColour(index) }));
  return [
    {
      name: 'psnr-histogram',
      title: 'PSNR per dictionary',
      caption: 'Reconstruction PSNR of each image (dB, peak = max − min of the coded image). Higher is a more faithful reconstruction.',
      svg: renderHistogram({ series: series('psnr'), bins, xLabel: 'PSNR (dB)', title: 'Reconstruction PSNR' }),
    },
    {
      name: 'sparseness-histogram',
      title: 'Sparseness per dictionary',
      caption: 'Sparseness of each image’s code: 1 − nonzero coefficients / all coefficients. Higher is sparser.',
      svg: renderHistogram({ series: series('sparseness'), bins, xLabel: 'sparseness', title: 'Sparseness of the codes' }),
    },
  ];
}

/** PSNR against sparseness, one point per image and condition. */
export function scatterFigure(metrics: readonly MetricsItem[], conditions: readonly string[]): ReportFigure {
  return {
    name: 'psnr-vs-sparseness',
    title: 'PSNR against sparseness',
    caption:
      'One point per image and dictionary. A dictionary that is better on both counts sits up and to the right; ' +
      'at a fixed λ the two banks trade reconstruction quality for sparseness differently.',
    svg: renderScatterPlot({
      series: conditions.map((condition, index) => ({
        label: condition,
        points: metricPairs(metrics, condition, 'sparseness', 'psnr'),
        colour: seriesColour(index),
      })),
      xLabel: 'sparseness',
      yLabel: 'PSNR (dB)',
      title: 'PSNR against sparseness',
    }),
  };
}
