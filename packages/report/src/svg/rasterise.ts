import sharp from 'sharp';

import { InvalidInputError } from '@heterosparse/core';

/**
 * Renders an SVG document to PNG with sharp (librsvg underneath). `scale`
 * multiplies the document's pixel size: 1 gives one PNG pixel per SVG user
 * unit, because sharp's density of 72 dpi maps one user unit to one pixel. Text needs a font that fontconfig finds; on Debian the
 * `fonts-dejavu-core` package provides one.
 */
export async function svgToPng(svg: string, scale = 1): Promise<Uint8Array> {
  if (!(scale > 0)) throw new InvalidInputError(`svgToPng: scale must be positive, received ${scale}`);
  try {
    return await sharp(Buffer.from(svg), { density: 72 * scale }).png().toBuffer();
  } catch (error) {
    throw new InvalidInputError(`svgToPng: could not render the SVG document (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
}
