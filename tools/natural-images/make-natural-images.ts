/**
 * Regenerates `data/natural/` from the sample photographs of Debian's
 * python3-skimage package (0.19.3, `skimage/data/`). Each image is decoded
 * and converted to grey as 0.299 R + 0.587 G + 0.114 B. Area averaging then
 * shrinks it so that its longer side is at most 512 pixels, and the result is
 * rounded to 8 bits and saved as a grey PNG.
 *
 * Usage: npx tsx tools/natural-images/make-natural-images.ts [SKIMAGE_DATA_DIR] [OUT_DIR]
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

import { writeFileAtomic } from '@heterosparse/core';
import { decodeImage, resizeImage, toGrey } from '@heterosparse/datasets';

/** Photographs whose scikit-image documentation states CC0 or public domain (see data/natural/README.md). */
const SOURCES: Readonly<Record<string, string>> = {
  astronaut: 'astronaut.png',
  brick: 'brick.png',
  camera: 'camera.png',
  chelsea: 'chelsea.png',
  clock: 'clock_motion.png',
  coffee: 'coffee.png',
  grass: 'grass.png',
  gravel: 'gravel.png',
  rocket: 'rocket.jpg',
};

const MAX_SIDE = 512;

async function convert(sourcePath: string, outPath: string): Promise<string> {
  const decoded = await decodeImage(await readFile(sourcePath), sourcePath);
  let image = toGrey({ kind: 'image', id: outPath, ...decoded, steps: [] });
  const longer = Math.max(image.height, image.width);
  if (longer > MAX_SIDE) {
    const shorter = Math.min(image.height, image.width);
    // Rounding the shorter side down keeps the rounded longer side at most MAX_SIDE.
    image = resizeImage(image, Math.floor((shorter * MAX_SIDE) / longer));
  }
  if (Math.max(image.height, image.width) > MAX_SIDE) {
    throw new Error(`${sourcePath} became ${image.width}×${image.height}, larger than ${MAX_SIDE} pixels on a side`);
  }
  const pixels = Uint8Array.from(image.data, (value) => Math.min(255, Math.max(0, Math.round(value))));
  const png = await sharp(pixels, { raw: { width: image.width, height: image.height, channels: 1 } })
    .toColourspace('b-w')
    .png({ compressionLevel: 9 })
    .toBuffer();
  await writeFileAtomic(outPath, png);
  return `${outPath}: ${decoded.width}×${decoded.height}×${decoded.channels} → ${image.width}×${image.height} grey, ${png.byteLength} bytes`;
}

const sourceDir = resolve(process.argv[2] ?? '/usr/lib/python3/dist-packages/skimage/data');
const outDir = resolve(process.argv[3] ?? 'data/natural');
for (const [name, file] of Object.entries(SOURCES)) {
  process.stdout.write((await convert(join(sourceDir, file), join(outDir, `${name}.png`))) + '\n');
}
