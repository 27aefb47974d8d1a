import sharp from 'sharp';

/** The eight bytes every PNG file starts with (PNG specification, section 5.2). */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Facts about a PNG that figure tests check. */
export interface PngFacts {
  readonly hasSignature: boolean;
  readonly width: number;
  readonly height: number;
  /** Pixels whose RGB differs from white by more than 16 in some channel. */
  readonly nonWhitePixels: number;
  /** Pixels close to a given colour, when `colour` was passed. */
  readonly colourPixels: number;
  /** Dark pixels (every channel below 100), which in these figures are text and axes. */
  readonly darkPixels: number;
}

/** Decodes `png` and counts non-white, dark and `colour`-like pixels, optionally only inside `region`. */
export async function inspectPng(
  png: Uint8Array,
  colour?: string,
  region?: { left: number; top: number; width: number; height: number },
): Promise<PngFacts> {
  const hasSignature = PNG_SIGNATURE.every((byte, i) => png[i] === byte);
  let pipeline = sharp(png).removeAlpha();
  if (region !== undefined) pipeline = pipeline.extract(region);
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const metadata = await sharp(png).metadata();
  const target = colour === undefined ? undefined : [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  let nonWhitePixels = 0;
  let colourPixels = 0;
  let darkPixels = 0;
  for (let i = 0; i < info.width * info.height; i++) {
    const [r, g, b] = [data[3 * i], data[3 * i + 1], data[3 * i + 2]];
    if (Math.max(255 - r, 255 - g, 255 - b) > 16) nonWhitePixels++;
    if (r < 100 && g < 100 && b < 100) darkPixels++;
    if (target !== undefined && Math.abs(r - target[0]) + Math.abs(g - target[1]) + Math.abs(b - target[2]) < 60) colourPixels++;
  }
  return { hasSignature, width: metadata.width ?? 0, height: metadata.height ?? 0, nonWhitePixels, colourPixels, darkPixels };
}
