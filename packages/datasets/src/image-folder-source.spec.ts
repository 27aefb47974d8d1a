import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { lastValueFrom, take, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ImageItem, LogRecord } from '@heterosparse/core';
import { CancelledError, FileReadError, InvalidInputError, createLogger, formatNpy, silentLogger } from '@heterosparse/core';

import { IMAGE_EXTENSIONS, readImageFolder, type ImageFolderOptions } from './image-folder-source.ts';
import { readNpyFolder } from './npy-folder-source.ts';

const GREY_PIXELS = Buffer.from([0, 50, 100, 150, 200, 250]);

async function png(channels: 1 | 3 | 4): Promise<Buffer> {
  const raw = Buffer.alloc(6 * channels);
  for (let i = 0; i < raw.length; i++) raw[i] = GREY_PIXELS[Math.floor(i / channels)];
  const encoder = sharp(raw, { raw: { width: 3, height: 2, channels } });
  return (channels === 1 ? encoder.toColourspace('b-w') : encoder).png().toBuffer();
}

function options(path: string, overrides: Partial<ImageFolderOptions> = {}): ImageFolderOptions {
  return { path, onCorrupt: 'fail', extensions: [...IMAGE_EXTENSIONS], ...overrides };
}

async function readAll(source: ReturnType<typeof readImageFolder>): Promise<ImageItem[]> {
  return lastValueFrom(source.pipe(toArray()));
}

describe('readImageFolder', () => {
  let root = '';
  let good = '';
  let corrupt = '';
  let empty = '';
  const logs: LogRecord[] = [];
  const logger = createLogger((record) => logs.push(record), 'debug');

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'heterosparse-images-'));
    good = join(root, 'good');
    corrupt = join(root, 'corrupt');
    empty = join(root, 'empty');
    await mkdir(good);
    await mkdir(corrupt);
    await mkdir(empty);
    await mkdir(join(good, 'nested'));
    await writeFile(join(good, 'b-rgb.png'), await png(3));
    await writeFile(join(good, 'a-grey.png'), await png(1));
    await writeFile(join(good, 'c-alpha.PNG'), await png(4));
    await writeFile(join(good, 'd-photo.jpg'), await sharp(await png(3)).jpeg({ quality: 100 }).toBuffer());
    await writeFile(join(good, 'notes.txt'), 'not an image');
    await writeFile(join(good, '.DS_Store'), 'folder metadata');
    await writeFile(join(good, 'scan.tiff.gz'), 'not an image either');
    await writeFile(join(corrupt, 'a-fine.png'), await png(1));
    await writeFile(join(corrupt, 'b-broken.png'), Buffer.from('\x89PNG\r\n\x1a\n this is not a real PNG body'));
    await writeFile(join(corrupt, 'c-fine.png'), await png(1));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads images sorted by name', async () => {
    const images = await readAll(readImageFolder(options(good), logger));

    expect(images.map((item) => item.id)).toEqual(['a-grey', 'b-rgb', 'c-alpha', 'd-photo']);
    expect(images[0].source).toBe(join(good, 'a-grey.png'));
  });

  it('keeps one channel for grey images', async () => {
    const [grey] = await readAll(readImageFolder(options(good, { limit: 1 }), logger));

    expect([grey.height, grey.width, grey.channels]).toEqual([2, 3, 1]);
    expect([...grey.data]).toEqual([...GREY_PIXELS]);
    expect(grey.steps).toEqual([]);
  });

  it('drops alpha from RGBA images', async () => {
    const images = await readAll(readImageFolder(options(good), logger));
    const alpha = images[2];

    expect(alpha.channels).toBe(3);
    expect(alpha.data.length).toBe(2 * 3 * 3);
    expect([...alpha.data.subarray(3, 6)]).toEqual([50, 50, 50]);
  });

  it('warns about non-image files', async () => {
    logs.length = 0;
    await readAll(readImageFolder(options(good), logger));

    expect(logs.filter((record) => record.level === 'warn').map((record) => record.message)).toEqual([
      expect.stringContaining('scan.tiff.gz'),
    ]);
  });

  it('skips text notes without a warning', async () => {
    logs.length = 0;
    await readAll(readImageFolder(options(good), logger));

    const notes = logs.filter((record) => record.message.includes('notes.txt'));
    expect(notes.map((record) => record.level)).toEqual(['debug']);
  });

  it('skips hidden files at debug level', async () => {
    logs.length = 0;
    await readAll(readImageFolder(options(good), logger));

    const hidden = logs.filter((record) => record.message.includes('.DS_Store'));
    expect(hidden.map((record) => record.level)).toEqual(['debug']);
  });

  it('skips subfolders without a message', async () => {
    logs.length = 0;
    await readAll(readImageFolder(options(good), logger));

    expect(logs.filter((record) => record.message.includes('nested'))).toEqual([]);
  });

  it('stops at the limit', async () => {
    const images = await readAll(readImageFolder(options(good, { limit: 2 }), logger));

    expect(images.map((item) => item.id)).toEqual(['a-grey', 'b-rgb']);
  });

  it('reads only the listed extensions', async () => {
    const images = await readAll(readImageFolder(options(good, { extensions: ['.jpg'] }), silentLogger));

    expect(images.map((item) => item.id)).toEqual(['d-photo']);
  });

  it('fails on a corrupt image by name', async () => {
    const error = await readAll(readImageFolder(options(corrupt), logger)).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(FileReadError);
    expect((error as FileReadError).path).toBe(join(corrupt, 'b-broken.png'));
    expect((error as Error).message).toContain('b-broken.png');
  });

  it('emits images before the corrupt one', async () => {
    const seen: string[] = [];
    const source = readImageFolder(options(corrupt), logger);
    await new Promise<void>((done) => source.subscribe({ next: (item) => seen.push(item.id), error: () => done() }));

    expect(seen).toEqual(['a-fine']);
  });

  it('skips a corrupt image when asked', async () => {
    logs.length = 0;
    const images = await readAll(readImageFolder(options(corrupt, { onCorrupt: 'skip' }), logger));

    expect(images.map((item) => item.id)).toEqual(['a-fine', 'c-fine']);
    expect(logs.some((record) => record.level === 'warn' && record.message.includes('b-broken.png'))).toBe(true);
  });

  it('rejects an empty folder', async () => {
    await expect(readAll(readImageFolder(options(empty), logger))).rejects.toThrow(InvalidInputError);
    await expect(readAll(readImageFolder(options(empty), logger))).rejects.toThrow(/no readable image/);
  });

  it('rejects a missing folder', async () => {
    await expect(readAll(readImageFolder(options(join(root, 'absent')), logger))).rejects.toThrow(FileReadError);
  });

  it('resolves a relative path against the working directory', async () => {
    const previous = process.cwd();
    process.chdir(root);
    try {
      const images = await readAll(readImageFolder(options('good', { limit: 1 }), logger));
      expect(images[0].source).toBe(join(good, 'a-grey.png'));
    } finally {
      process.chdir(previous);
    }
  });

  it('reads no more files after unsubscribe', async () => {
    const images = await lastValueFrom(readImageFolder(options(corrupt), logger).pipe(take(1), toArray()));

    // The corrupt second file is never decoded, so no error reaches the subscriber.
    expect(images.map((item) => item.id)).toEqual(['a-fine']);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();

    await expect(readAll(readImageFolder(options(good), logger, controller.signal))).rejects.toThrow(CancelledError);
  });

  it('gives files with one stem distinct ids', async () => {
    const folder = join(root, 'twins');
    await mkdir(folder);
    await writeFile(join(folder, 'x.png'), await png(1));
    await writeFile(join(folder, 'x.tif'), await sharp(await png(1)).tiff().toBuffer());
    const images = await readAll(readImageFolder(options(folder), logger));

    expect(images.map((item) => item.id)).toEqual(['x', 'x.tif']);
  });
});

describe('readNpyFolder', () => {
  let root = '';

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'heterosparse-npy-'));
    await mkdir(join(root, 'good'));
    await mkdir(join(root, 'bad'));
    await mkdir(join(root, 'empty'));
    await mkdir(join(root, 'nan'));
    await writeFile(join(root, 'nan', 'hole.npy'), formatNpy({ shape: [2, 2], data: Float32Array.from([1, 2, Number.NaN, 4]) }));
    await writeFile(join(root, 'good', 'b.npy'), formatNpy({ shape: [2, 2], data: Float32Array.from([1, 2, 3, 4]) }));
    await writeFile(join(root, 'good', 'a.npy'), formatNpy({ shape: [1, 2, 3], data: new Float32Array(6).fill(0.5) }));
    await writeFile(join(root, 'bad', 'cube.npy'), formatNpy({ shape: [2, 2, 2], data: new Float32Array(8) }));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads 2-D and 3-D arrays in name order', async () => {
    const images = await lastValueFrom(readNpyFolder({ path: join(root, 'good') }, silentLogger).pipe(toArray()));

    expect(images.map((item) => [item.id, item.height, item.width, item.channels])).toEqual([
      ['a', 1, 2, 3],
      ['b', 2, 2, 1],
    ]);
    expect([...images[1].data]).toEqual([1, 2, 3, 4]);
  });

  it('rejects a wrong shape', async () => {
    const source = readNpyFolder({ path: join(root, 'bad') }, silentLogger);

    await expect(lastValueFrom(source)).rejects.toThrow(/cube.npy has shape \[2, 2, 2\]/);
  });

  it('rejects a NaN by file and position', async () => {
    const source = readNpyFolder({ path: join(root, 'nan') }, silentLogger);

    await expect(lastValueFrom(source)).rejects.toThrow(/hole.npy contains NaN at row 1, column 0/);
  });

  it('rejects an empty folder', async () => {
    await expect(lastValueFrom(readNpyFolder({ path: join(root, 'empty') }, silentLogger))).rejects.toThrow(InvalidInputError);
  });
});
