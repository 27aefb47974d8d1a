import { resolve } from 'node:path';

import { UsageError, checkWritablePath, writeFileAtomic } from '@heterosparse/core';
import {
  NORMALISATIONS,
  PRESETS,
  PRESET_NAMES,
  createLogGaborBank,
  paramsPathFor,
  renderDictionaryPng,
  saveDictionary,
  type Normalisation,
  type PresetName,
} from '@heterosparse/dictionary';

import type { CliCommand } from '../command.ts';
import { EXIT } from '../exit-code.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

function parseSize(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 4 || size % 2 !== 0) {
    throw new UsageError(`dictionary: --size is "${text}"; expected an even integer of at least 4 pixels`);
  }
  return size;
}

function parseChoice<T extends string>(option: string, text: string | undefined, choices: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`dictionary: ${option} is "${text}"; expected one of ${choices.join(', ')}`);
  }
  return text as T;
}

export const dictionaryCommand: CliCommand = {
  name: 'dictionary',
  summary: 'Write a log-Gabor dictionary as a .npy file, with its atom parameters and an optional picture.',
  help: `Usage: heterosparse dictionary --preset homogeneous|heterogeneous --out D.npy [options]

Builds one of the two log-Gabor banks compared by Ladret, Casanova and
Perrinet (2024, "Kernel heterogeneity improves sparseness of natural images
representations") and writes it as a float32 .npy array of shape
[height, width, atoms]. The parameters of each atom (index, theta, bTheta,
phase, sf0, bSf; angles in radians) go to a .json file of the same name
beside it.

Options:
  --preset NAME       homogeneous (72 orientations, B_θ = π/15) or
                      heterogeneous (12 orientations, B_θ = kπ/36, k = 1..6);
                      both have 2 phases and 144 atoms (required)
  --out FILE          the .npy file to write; D.json is written beside it (required)
  --size N            kernel side in pixels, even (default 12)
  --normalise MODE    max-abs (default, as the reference banks) or l2 (unit norm)
  --name NAME         label stored in the .json file (default: the preset name)
  --png FILE          also write a tiled picture of the atoms (orientations in
                      columns, one row per B_θ and phase)

Exit codes: 0 success, 1 invalid input, 2 usage error or unwritable file.

Example:
  heterosparse dictionary --preset heterogeneous --out D.npy --png D.png
  python -c "import numpy; print(numpy.load('D.npy').shape)"   # (12, 12, 144)`,

  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs('dictionary', args, {
      preset: { type: 'string' },
      out: { type: 'string' },
      size: { type: 'string' },
      normalise: { type: 'string' },
      name: { type: 'string' },
      png: { type: 'string' },
    });
    if (help) {
      io.stdout.write(`${this.help}\n`);
      return EXIT.success;
    }
    if (positionals.length > 0) {
      throw new UsageError(`dictionary takes no positional arguments, received "${positionals.join(' ')}"; run heterosparse dictionary --help`);
    }
    const preset = parseChoice<PresetName>('--preset', values.preset as string | undefined, PRESET_NAMES);
    if (preset === undefined) {
      throw new UsageError(`dictionary: --preset is missing; give ${PRESET_NAMES.join(' or ')}`);
    }
    if (values.out === undefined) {
      throw new UsageError('dictionary: --out is missing; give the .npy file to write, for example --out D.npy');
    }
    const normalise = parseChoice<Normalisation>('--normalise', values.normalise as string | undefined, NORMALISATIONS);
    // Check every output path first, so that a bad --png does not leave D.npy written alone.
    for (const output of [values.out, values.png]) {
      if (output !== undefined) await checkWritablePath(resolve(io.cwd, output as string));
    }
    const base = PRESETS[preset];
    const bank = createLogGaborBank({
      ...base,
      name: (values.name as string | undefined) ?? base.name,
      size: parseSize(values.size as string | undefined, base.size),
      normalise: normalise ?? base.normalise,
    });

    const out = resolve(io.cwd, values.out as string);
    await saveDictionary(out, bank);
    io.stdout.write(`wrote ${out} (float32 [${bank.height}, ${bank.width}, ${bank.atoms}]) and ${paramsPathFor(out)}\n`);
    if (values.png !== undefined) {
      const png = resolve(io.cwd, values.png as string);
      await writeFileAtomic(png, await renderDictionaryPng(bank));
      io.stdout.write(`wrote ${png}\n`);
    }
    return EXIT.success;
  },
};
