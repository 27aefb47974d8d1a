import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';

import type { ImageItem } from '@heterosparse/core';
import { FileReadError, InvalidInputError, UsageError, readNpy, writeNpy } from '@heterosparse/core';
import { checkFinitePixels, decodeImage, localContrastNormalise, preprocessImage } from '@heterosparse/datasets';

import type { CliCommand } from '../command.ts';
import { EXIT } from '../exit-code.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

/** Reads a 2-D (or [h, w, 1]) `.npy` array as a grey image that needs no other step than normalisation. */
async function readGreyNpy(path: string): Promise<ImageItem> {
  const array = await readNpy(path);
  const [height, width, channels = 1] = array.shape;
  if (!(array.shape.length === 2 || (array.shape.length === 3 && channels === 1)) || height < 1 || width < 1) {
    throw new InvalidInputError(
      `${path} has shape [${array.shape.join(', ')}]; a .npy input must be one grey image [height, width], already cropped and resized`,
    );
  }
  // Checked here as well as in the normalisation, so that --no-lcn never writes a NaN.
  checkFinitePixels(array.data, height, width, 1, path);
  return { kind: 'image', id: basename(path, '.npy'), source: path, height, width, channels: 1, data: array.data, steps: [] };
}

async function readImage(path: string): Promise<ImageItem> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new FileReadError(path, `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const decoded = await decodeImage(bytes, path);
  return { kind: 'image', id: basename(path, extname(path)), source: path, ...decoded, steps: [] };
}

function parseSize(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1) {
    throw new UsageError(`preprocess: --size is "${text}"; expected a positive integer number of pixels`);
  }
  return size;
}

export const preprocessCommand: CliCommand = {
  name: 'preprocess',
  summary: 'Turn an image (or a 2-D .npy array) into the normalised float32 .npy input of the sparse coders.',
  help: `Usage: heterosparse preprocess --input FILE --out S.npy [--size N] [--no-lcn]

Applies the preprocessing of the reference experiments and writes a float32
.npy array of shape [height, width]:

  image input (PNG, JPEG, TIFF, WebP): grey (0.299 R + 0.587 G + 0.114 B),
    centre crop to a square, resize to N×N when --size is given (area
    averaging when shrinking, bilinear when enlarging), then local contrast
    normalisation over a 15×15 Gaussian window;
  .npy input: taken as already grey, cropped and sized ([height, width]);
    only the local contrast normalisation is applied.

Options:
  --input FILE   image or .npy file to read (required)
  --out FILE     .npy file to write (required)
  --size N       side of the square output in pixels (images only; default:
                 the side of the cropped image)
  --no-lcn       leave out the local contrast normalisation

Exit codes: 0 success, 1 invalid input, 2 usage error or unreadable file.

Example:
  heterosparse preprocess --input data/natural/coffee.png --size 256 --out coffee.npy`,

  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs('preprocess', args, {
      input: { type: 'string' },
      out: { type: 'string' },
      size: { type: 'string' },
      'no-lcn': { type: 'boolean' },
    });
    if (help) {
      io.stdout.write(`${this.help}\n`);
      return EXIT.success;
    }
    if (positionals.length > 0) {
      throw new UsageError(`preprocess takes no positional arguments, received "${positionals.join(' ')}"; run heterosparse preprocess --help`);
    }
    if (values.input === undefined) throw new UsageError('preprocess: --input is missing; give an image or a 2-D .npy file');
    if (values.out === undefined) throw new UsageError('preprocess: --out is missing; give the .npy file to write');
    const size = parseSize(values.size as string | undefined);
    const lcn = values['no-lcn'] !== true;
    const input = resolve(io.cwd, values.input as string);
    const out = resolve(io.cwd, values.out as string);

    let result: ImageItem;
    if (extname(input).toLowerCase() === '.npy') {
      if (size !== undefined) {
        throw new UsageError('preprocess: --size applies to images only, because a .npy input is taken as already sized; resize the array before saving it, or leave out --size');
      }
      const grey = await readGreyNpy(input);
      result = lcn ? { ...grey, data: localContrastNormalise(grey.data, grey.height, grey.width), steps: ['lcn'] } : grey;
    } else {
      result = preprocessImage(await readImage(input), { size, lcn });
    }

    await writeNpy(out, { shape: [result.height, result.width], data: result.data });
    io.stdout.write(`wrote ${out} (float32 [${result.height}, ${result.width}], steps: ${result.steps.join(', ') || 'none'})\n`);
    return EXIT.success;
  },
};
