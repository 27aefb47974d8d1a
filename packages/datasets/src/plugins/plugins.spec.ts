import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { lastValueFrom, of, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ImageItem } from '@heterosparse/core';
import { CancelledError, InvalidInputError, PluginRegistry } from '@heterosparse/core';

import { centerCrop } from '../center-crop.ts';
import { NOTE_EXTENSIONS } from '../list-folder.ts';
import { registerDatasetsPlugins } from '../plugins.ts';
import { resizeImage } from '../resize.ts';
import { applySchema } from '@heterosparse/test-fixtures';
import { createRecordingContext } from '@heterosparse/test-fixtures';
import { toGrey } from '../to-grey.ts';
import { centerCropPlugin } from './center-crop-plugin.ts';
import { greyPlugin } from './grey-plugin.ts';
import { imageFolderPlugin } from './image-folder-plugin.ts';
import { lcnPlugin } from './lcn-plugin.ts';
import { npyFolderPlugin } from './npy-folder-plugin.ts';
import { resizePlugin } from './resize-plugin.ts';
import { toArrayPlugin } from './to-array-plugin.ts';

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function rgb(id: string, height: number, width: number): ImageItem {
  const data = Float32Array.from({ length: height * width * 3 }, (_, i) => (i * 53) % 256);
  return { kind: 'image', id, height, width, channels: 3, data, steps: [] };
}

const a = rgb('a', 4, 6);
const b = rgb('b', 6, 4);

describe('registerDatasetsPlugins', () => {
  it('registers seven plugins', () => {
    const ids = registerDatasetsPlugins(new PluginRegistry()).list().map((plugin) => plugin.id);

    expect(ids).toEqual([
      'datasets/center-crop',
      'datasets/grey',
      'datasets/image-folder',
      'datasets/lcn',
      'datasets/npy-folder',
      'datasets/resize',
      'datasets/to-array',
    ]);
  });

  it('compiles every options schema', () => {
    const plugins = registerDatasetsPlugins(new PluginRegistry()).list();
    const required: Record<string, Record<string, unknown>> = { 'datasets/npy-folder': { path: 'x' } };

    for (const plugin of plugins) expect(() => applySchema(plugin.optionsSchema, required[plugin.id] ?? {})).not.toThrow();
  });
});

describe('image transform stages', () => {
  const cases = [
    ['datasets/grey', greyPlugin.create({}, createRecordingContext()), toGrey],
    ['datasets/center-crop', centerCropPlugin.create({}, createRecordingContext()), centerCrop],
    ['datasets/resize', resizePlugin.create({ size: 2 }, createRecordingContext()), (image: ImageItem) => resizeImage(image, 2)],
  ] as const;

  it.each(cases)('%s maps each image, then completes', (_id, stage, transform) => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const images = cold('-a--b-|', { a, b });
      expectObservable(stage({ images })).toBe('-x--y-|', { x: transform(a), y: transform(b) });
      expectSubscriptions(images.subscriptions).toBe('^-----!');
    });
  });

  it.each(cases)('%s passes an upstream error on', (_id, stage) => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(stage({ images: cold('-#', {}, new Error('upstream')) })).toBe('-#', {}, new Error('upstream'));
    });
  });

  it.each(cases)('%s rejects items of another kind', (_id, stage) => {
    scheduler().run(({ cold, expectObservable }) => {
      const error = new TypeError('stage "test-stage" expected items of kind "image", received "dictionary"');
      expectObservable(stage({ images: cold('-d-|', { d: { kind: 'dictionary' } }) })).toBe('-#', {}, error);
    });
  });

  it('resize option defaults to 256', () => {
    expect(applySchema(resizePlugin.optionsSchema, {})).toEqual({ size: 256 });
  });

  it('stops once the run is cancelled', () => {
    const controller = new AbortController();
    const stage = greyPlugin.create({}, createRecordingContext({ signal: controller.signal }));
    controller.abort();

    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(stage({ images: cold('-a-|', { a }) })).toBe('-#', {}, new CancelledError('stage "test-stage" was cancelled'));
    });
  });
});

describe('datasets/lcn', () => {
  const grey = toGrey(a);

  it('normalises grey images, then completes', () => {
    const stage = lcnPlugin.create({}, createRecordingContext());

    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(stage({ images: cold('-g|', { g: grey }) })).toBe(
        '-x|',
        { x: expect.objectContaining({ id: 'a', channels: 1, steps: ['grey', 'lcn'] }) },
      );
    });
  });

  it('rejects RGB images', async () => {
    const stage = lcnPlugin.create({}, createRecordingContext());

    await expect(lastValueFrom(stage({ images: of(a) }))).rejects.toThrow(/add a datasets\/grey stage before it/);
  });

  it('names a constant image', async () => {
    const flat = { ...grey, id: 'flat', data: new Float32Array(grey.data.length).fill(7) };
    const stage = lcnPlugin.create({}, createRecordingContext());

    await expect(lastValueFrom(stage({ images: of(flat) }))).rejects.toThrow(InvalidInputError);
    await expect(lastValueFrom(stage({ images: of(flat) }))).rejects.toThrow(/image "flat"/);
  });
});

describe('folder sources', () => {
  let folder = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'heterosparse-folder-plugin-'));
    const pixels = Buffer.from([10, 20, 30, 40]);
    await writeFile(join(folder, 'one.png'), await sharp(pixels, { raw: { width: 2, height: 2, channels: 1 } }).toColourspace('b-w').png().toBuffer());
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('datasets/image-folder emits the folder, then completes', async () => {
    const options = applySchema<Parameters<typeof imageFolderPlugin.create>[0]>(imageFolderPlugin.optionsSchema, { path: folder });
    const items = await lastValueFrom(imageFolderPlugin.create(options, createRecordingContext())({}).pipe(toArray()));

    expect(items).toEqual([expect.objectContaining({ kind: 'image', id: 'one', height: 2, width: 2, channels: 1 })]);
  });

  it('datasets/image-folder describes skipped entries', () => {
    const properties = imageFolderPlugin.optionsSchema.properties as Record<string, { description: string }>;
    const description = properties.extensions.description;

    expect(description).not.toContain('skipped with a warning');
    for (const note of NOTE_EXTENSIONS) expect(description).toContain(note);
    expect(description).toContain('debug line');
    expect(description).toContain('Subfolders are skipped without a message');
  });

  it('datasets/image-folder defaults to the embedded images', () => {
    expect(applySchema(imageFolderPlugin.optionsSchema, {})).toMatchObject({ path: 'data/natural', onCorrupt: 'fail' });
  });

  it('datasets/npy-folder errors on a folder without arrays', async () => {
    const stage = npyFolderPlugin.create({ path: folder }, createRecordingContext());

    await expect(lastValueFrom(stage({}))).rejects.toThrow(/no .npy file/);
  });
});

describe('datasets/to-array', () => {
  it('names arrays after images, then completes', () => {
    const stage = toArrayPlugin.create({}, createRecordingContext());
    const grey = toGrey(a);

    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(stage({ images: cold('-g-b|', { g: grey, b }) })).toBe('-x-y|', {
        x: { kind: 'array', name: 'a', shape: [4, 6], data: grey.data },
        y: { kind: 'array', name: 'b', shape: [6, 4, 3], data: b.data },
      });
    });
  });

  it('passes an upstream error on', () => {
    const stage = toArrayPlugin.create({}, createRecordingContext());

    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(stage({ images: cold('#') })).toBe('#');
    });
  });
});
