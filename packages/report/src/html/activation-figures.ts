import type { MetricsItem } from '@heterosparse/core';

import { renderGroupedBarChart } from '../figures/grouped-bar-chart.ts';
import { seriesColour } from '../figures/layout.ts';
import { activationBins, formatDegrees, thetaSector } from './activation.ts';
import { fileStem } from './file-stem.ts';
import type { ReportFigure } from './report-figure.ts';

/** Orientation sectors of the θ figure: 12 sectors of 15°, the orientations of the heterogeneous preset. */
const THETA_SECTORS = 12;

/**
 * Share of ℓ1 activation per orientation sector for every condition whose
 * metrics carry activation by θ. Returns `undefined` when none does.
 */
export function activationByThetaFigure(metrics: readonly MetricsItem[], conditions: readonly string[]): ReportFigure | undefined {
  const series = conditions.flatMap((condition, index) => {
    const bins = activationBins(metrics, condition, 'theta', thetaSector(THETA_SECTORS));
    return bins === undefined ? [] : [{ label: condition, bins, colour: seriesColour(index) }];
  });
  if (series.length === 0) return undefined;
  const centres = Array.from({ length: THETA_SECTORS }, (_, i) => (i * Math.PI) / THETA_SECTORS);
  return {
    name: 'activation-by-theta',
    title: 'Activation by orientation θ',
    caption:
      `Share of the code’s ℓ1 norm Σ|x| carried by atoms of each orientation, summed over all images, in ${THETA_SECTORS} sectors of ` +
      `${180 / THETA_SECTORS}° centred on the labelled angle (the homogeneous bank’s 72 orientations fall 6 to a sector). ` +
      'Natural images often hold more horizontal and vertical structure, which shows as peaks at 0° and 90° when present.',
    svg: renderGroupedBarChart({
      categories: centres.map(formatDegrees),
      series: series.map(({ label, bins, colour }) => ({
        label,
        colour,
        values: centres.map((centre) => {
          const index = bins.centres.findIndex((c) => Math.abs(c - centre) < 1e-9);
          return index < 0 ? Number.NaN : bins.l1Share[index];
        }),
      })),
      xLabel: 'orientation θ',
      yLabel: 'share of ℓ1',
      title: 'Activation by orientation',
    }),
  };
}

/**
 * Share of ℓ1 and of nonzero coefficients per bandwidth B_θ, one figure per
 * condition with more than one bandwidth (the heterogeneous bank).
 */
export function activationByBandwidthFigures(metrics: readonly MetricsItem[], conditions: readonly string[]): ReportFigure[] {
  return conditions.flatMap((condition) => {
    const bins = activationBins(metrics, condition, 'bTheta');
    if (bins === undefined || bins.centres.length < 2) return [];
    return [
      {
        name: `activation-by-bandwidth-${fileStem(condition)}`,
        title: `Activation by bandwidth B_θ (${condition})`,
        caption:
          `Share of the ℓ1 norm and of the nonzero coefficients carried by the atoms of each orientation bandwidth B_θ of "${condition}", summed over all images ` +
          `(${bins.atoms.join(', ')} atoms per bandwidth). A bar above ${formatShare(1 / bins.centres.length)} means the coder uses that bandwidth more than an equal share.`,
        svg: renderGroupedBarChart({
          categories: bins.centres.map(formatDegrees),
          series: [
            { label: 'share of ℓ1', values: bins.l1Share, colour: seriesColour(2) },
            { label: 'share of nonzeros', values: bins.nonzeroShare, colour: seriesColour(3) },
          ],
          xLabel: 'orientation bandwidth B_θ',
          yLabel: 'share',
          title: `Activation by bandwidth (${condition})`,
        }),
      },
    ];
  });
}

function formatShare(share: number): string {
  return share.toFixed(3);
}
