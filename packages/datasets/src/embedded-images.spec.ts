import { fileURLToPath } from 'node:url';
import { lastValueFrom, toArray } from 'rxjs';
import { beforeAll, describe, expect, it } from 'vitest';

import type { ImageItem } from '@heterosparse/core';
import { readNpy, silentLogger } from '@heterosparse/core';
import { GOLDEN64_IMAGES, golden64 } from '@heterosparse/test-fixtures';

import { IMAGE_EXTENSIONS, readImageFolder } from './image-folder-source.ts';
import { preprocessImage } from './preprocess.ts';

const NATURAL_DIR = fileURLToPath(new URL('../../../data/natural/', import.meta.url));

describe('embedded natural images', () => {
  let images: ImageItem[] = [];

  beforeAll(async () => {
    images = await lastValueFrom(readImageFolder({ path: NATURAL_DIR, onCorrupt: 'fail', extensions: [...IMAGE_EXTENSIONS] }, silentLogger).pipe(toArray()));
  });

  it('lists the nine photographs', () => {
    expect(images.map((image) => image.id)).toEqual(['astronaut', 'brick', 'camera', 'chelsea', 'clock', 'coffee', 'grass', 'gravel', 'rocket']);
  });

  it('stores grey images of at most 512 pixels', () => {
    for (const image of images) {
      expect(image.channels).toBe(1);
      expect(Math.max(image.height, image.width)).toBeLessThanOrEqual(512);
    }
  });

  // The reference grey images were resized by scikit-image (Gaussian antialiasing, then
  // bilinear) from the full-size originals, so only a close match is expected: about 1.6
  // to 5.1 grey levels of mean absolute difference, measured with this package's resize.
  it.each(GOLDEN64_IMAGES)('preprocesses %s close to the reference', async (name) => {
    const reference = await readNpy(golden64(`gray_${name}.npy`));
    const image = images.find((candidate) => candidate.id === name) as ImageItem;
    const result = preprocessImage(image, { size: 64, lcn: false });
    let total = 0;
    for (let i = 0; i < reference.data.length; i++) total += Math.abs(result.data[i] - reference.data[i]);

    expect([result.height, result.width]).toEqual([64, 64]);
    expect(total / reference.data.length).toBeLessThan(6);
  });
});
