import sharp from 'sharp';

import { InvalidInputError } from '@heterosparse/core';

import { px, svgDocument, svgText } from '../svg/svg-document.ts';
import { applyColourMap, valueRange, type ColourMapName, type ColourRange } from './colour-map.ts';

/** One image of a grid: a float array of shape `[height, width]` in C order, and a caption. */
export interface GridImage {
  readonly data: ArrayLike<number>;
  readonly height: number;
  readonly width: number;
  /** Text under the image; empty or omitted for none. */
  readonly caption?: string;
  /** Colour range of this image; defaults to the grid's `range` rule. */
  readonly range?: ColourRange;
}

/** Options of `renderImageGrid`. */
export interface ImageGridOptions {
  readonly images: readonly GridImage[];
  /** Images per row (default: all in one row). */
  readonly columns?: number;
  /** Displayed size of each image's longer side, in pixels (default 192). */
  readonly tileSize?: number;
  /** Colour map (default `grey`). */
  readonly colourMap?: ColourMapName;
  /** Range rule for images without their own `range`: each image's own [min, max], or [−m, m] (`symmetric`). Default `own`. */
  readonly range?: 'own' | 'symmetric';
  readonly title?: string;
  /** Gap between tiles in pixels (default 8). */
  readonly gap?: number;
}

/**
 * Renders images in rows with captions, as a standalone SVG document. Each
 * image is colour-mapped, upscaled with nearest-neighbour sampling to the
 * tile size (so that small kernels stay crisp), encoded as PNG and embedded as
 * a data URI, so the document needs no other file.
 */
export async function renderImageGrid(options: ImageGridOptions): Promise<string> {
  const { images, tileSize = 192, colourMap = 'grey', range = 'own', title, gap = 8 } = options;
  const columns = options.columns ?? Math.max(1, images.length);
  if (!Number.isInteger(columns) || columns < 1) {
    throw new InvalidInputError(`renderImageGrid: columns must be a positive integer, received ${columns}`);
  }
  const hasCaptions = images.some((image) => (image.caption ?? '') !== '');
  const titleHeight = title === undefined || title === '' ? 0 : 28;
  const captionHeight = hasCaptions ? 20 : 0;
  const rows = Math.ceil(images.length / columns);
  const width = gap + columns * (tileSize + gap);
  const height = titleHeight + gap + rows * (tileSize + captionHeight + gap);

  const parts: string[] = [];
  if (titleHeight > 0 && title !== undefined) parts.push(svgText(width / 2, 20, title, { anchor: 'middle', size: 15, weight: 'bold' }));
  for (const [index, image] of images.entries()) {
    const scale = tileSize / Math.max(image.height, image.width);
    const displayWidth = Math.max(1, Math.round(image.width * scale));
    const displayHeight = Math.max(1, Math.round(image.height * scale));
    const png = await imageToPng(image, colourMap, image.range ?? valueRange(image.data, range === 'symmetric'), displayWidth, displayHeight);
    const left = gap + (index % columns) * (tileSize + gap) + (tileSize - displayWidth) / 2;
    const top = titleHeight + gap + Math.floor(index / columns) * (tileSize + captionHeight + gap);
    parts.push(
      `<image x="${px(left)}" y="${px(top)}" width="${displayWidth}" height="${displayHeight}" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/>`,
    );
    if (image.caption !== undefined && image.caption !== '') {
      parts.push(svgText(left + displayWidth / 2, top + tileSize + 15, image.caption, { anchor: 'middle', size: 12 }));
    }
  }
  return svgDocument(width, height, parts.join('\n'));
}

/** Colour-maps one image and encodes it as a PNG of `width`×`height` pixels (nearest-neighbour resize). */
export async function imageToPng(
  image: GridImage,
  colourMap: ColourMapName,
  range: ColourRange,
  width = image.width,
  height = image.height,
): Promise<Uint8Array> {
  if (image.data.length !== image.height * image.width) {
    throw new InvalidInputError(
      `imageToPng: data has ${image.data.length} values for a ${image.height}×${image.width} image; expected ${image.height * image.width}`,
    );
  }
  const rgb = applyColourMap(image.data, colourMap, range);
  return sharp(rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(width, height, { kernel: 'nearest' })
    .png()
    .toBuffer();
}
