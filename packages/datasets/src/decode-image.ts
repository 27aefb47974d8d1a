import sharp from 'sharp';

import { FileReadError } from '@heterosparse/core';

/** Pixels of a decoded image, shape `[height, width, channels]`, values 0..255. */
export interface DecodedImage {
  readonly height: number;
  readonly width: number;
  /** 1 for grey sources, 3 for colour sources; alpha is dropped. */
  readonly channels: 1 | 3;
  readonly data: Float32Array;
}

/**
 * Decodes PNG, JPEG, TIFF or WebP bytes with sharp (libvips), applying the
 * EXIF orientation. Grey images keep one channel, colour images become sRGB,
 * 16-bit images are scaled to 0..255, and alpha is dropped.
 *
 * @param name file name used in errors
 * @throws FileReadError when the bytes are not a complete image in a supported format
 */
export async function decodeImage(bytes: Uint8Array, name: string): Promise<DecodedImage> {
  try {
    const metadata = await sharp(bytes).metadata();
    // One channel is grey, two are grey with alpha.
    const grey = (metadata.channels ?? 3) <= 2;
    const { data, info } = await sharp(bytes)
      .autoOrient()
      .removeAlpha()
      .toColourspace(grey ? 'b-w' : 'srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const channels = info.channels === 1 ? 1 : 3;
    return { height: info.height, width: info.width, channels, data: Float32Array.from(data) };
  } catch (error) {
    throw new FileReadError(name, `cannot decode the image ${name}: ${(error as Error).message.trim()}`, { cause: error });
  }
}
