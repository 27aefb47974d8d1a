import type { DictionaryItem, MetricsItem } from '@heterosparse/core';

import { valueRange } from '../figures/colour-map.ts';
import { renderImageGrid, type GridImage } from '../figures/image-grid.ts';
import { formatNumber } from '../svg/svg-document.ts';
import { fileStem } from './file-stem.ts';
import type { ReportFigure } from './report-figure.ts';
import type { ReconstructionSample } from './report-data.ts';
import { metricValues } from './metric-samples.ts';

/** Atoms per row in the dictionary figures: 12 puts one orientation of the 12×6×2 heterogeneous bank on each row. */
const ATOMS_PER_ROW = 12;

/**
 * Draws every atom of a dictionary as a tile, in atom order, 12 per row, with
 * the diverging colour map on each atom's own symmetric range.
 */
export async function dictionaryFigure(dictionary: DictionaryItem): Promise<ReportFigure> {
  const { height, width, atoms } = dictionary;
  const images: GridImage[] = [];
  for (let k = 0; k < atoms; k++) {
    // The item stores kernels as [height, width, atoms]; gather atom k into a [height, width] tile.
    const tile = new Float32Array(height * width);
    for (let i = 0; i < height * width; i++) tile[i] = dictionary.data[i * atoms + k];
    images.push({ data: tile, height, width });
  }
  const svg = await renderImageGrid({
    images,
    columns: Math.min(ATOMS_PER_ROW, atoms),
    tileSize: 40,
    gap: 4,
    colourMap: 'diverging',
    range: 'symmetric',
    title: `${dictionary.name}: ${atoms} atoms of ${height}×${width}`,
  });
  return {
    name: `dictionary-${fileStem(dictionary.name)}`,
    title: `Dictionary "${dictionary.name}"`,
    caption: `${atoms} kernels in atom order, ${Math.min(ATOMS_PER_ROW, atoms)} per row; red is positive, blue negative, white zero (each kernel on its own symmetric range). ${describeBank(dictionary)}`,
    svg,
  };
}

/**
 * Draws each sampled image next to its reconstruction with every dictionary,
 * all on the input image's grey range, with the PSNR in the caption.
 * Returns `undefined` when there is no sample.
 */
export async function reconstructionFigure(
  samples: readonly ReconstructionSample[],
  conditions: readonly string[],
  metrics: readonly MetricsItem[],
): Promise<ReportFigure | undefined> {
  const imageIds = [...new Set(samples.map((sample) => sample.imageId))];
  if (imageIds.length === 0) return undefined;
  const images: GridImage[] = [];
  for (const imageId of imageIds) {
    const first = samples.find((sample) => sample.imageId === imageId) as ReconstructionSample;
    const range = valueRange(first.image);
    images.push({ data: first.image, height: first.height, width: first.width, caption: `${imageId}: input`, range });
    for (const condition of conditions) {
      const sample = samples.find((s) => s.imageId === imageId && s.dictionaryName === condition);
      if (sample === undefined) continue;
      const psnr = metricValues(
        metrics.filter((item) => item.imageId === imageId),
        condition,
        'psnr',
      )[0];
      const caption = psnr === undefined ? condition : `${condition}: ${formatNumber(psnr, 3)} dB`;
      images.push({ data: sample.reconstruction, height: sample.height, width: sample.width, caption, range });
    }
  }
  const columns = 1 + conditions.filter((condition) => samples.some((s) => s.dictionaryName === condition)).length;
  return {
    name: 'reconstructions',
    title: 'Images and reconstructions',
    caption:
      'Each row: the coded image (after preprocessing) and its reconstruction Σ_k d_k * x_k with each dictionary, all on the input’s grey range. ' +
      'Captions give the reconstruction PSNR.',
    svg: await renderImageGrid({ images, columns, tileSize: 200, colourMap: 'grey' }),
  };
}

/** Describes the orientations and bandwidths of a bank when its atoms carry them. */
function describeBank(dictionary: DictionaryItem): string {
  const thetas = new Set(dictionary.atomParams.flatMap((p) => (p.theta === undefined ? [] : [p.theta.toPrecision(9)])));
  const bThetas = new Set(dictionary.atomParams.flatMap((p) => (p.bTheta === undefined ? [] : [p.bTheta.toPrecision(9)])));
  if (thetas.size === 0) return '';
  return `${thetas.size} orientations θ and ${bThetas.size} orientation bandwidth${bThetas.size === 1 ? '' : 's'} B_θ.`;
}
