import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';

import { FileReadError, InvalidInputError, UsageError, checkWritablePath, parseNpy, writeFileAtomic, writeNpy, type NdArray } from '@heterosparse/core';
import { IMAGE_EXTENSIONS } from '@heterosparse/datasets';
import { loadDictionary } from '@heterosparse/dictionary';
import { psnr, sparseness } from '@heterosparse/metrics';
import { CBPDN_DEFAULTS, coefficientsToHeightWidthAtoms, solveCbpdn, type CbpdnSolution } from '@heterosparse/sparse-coding';

import type { CliCommand } from '../command.ts';
import { EXIT } from '../exit-code.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

/** Parses a number option; text that is not a finite number is a usage error naming the option. */
function parseNumber(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`code: --${option} is "${text}"; expected a number; run heterosparse code --help`);
  }
  return value;
}

/**
 * Reads a `.npy` file like `readNpy`. When the file has an image extension
 * and does not parse as `.npy`, the error adds how to convert it.
 */
async function readInputNpy(path: string): Promise<NdArray> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new FileReadError(path, `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return parseNpy(bytes, path);
  } catch (error) {
    const isImage = (IMAGE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
    if (!isImage || !(error instanceof FileReadError)) throw error;
    throw new FileReadError(path, `${error.message}; convert it first with \`heterosparse preprocess\``, { cause: error });
  }
}

/** Reads the signal to code: a float `.npy` array of shape [H, W] or [H, W, 1]. */
async function readSignal(path: string): Promise<{ data: Float32Array; height: number; width: number }> {
  const array = await readInputNpy(path);
  const [height, width, channels = 1] = array.shape;
  if (!(array.shape.length === 2 || (array.shape.length === 3 && channels === 1))) {
    throw new InvalidInputError(
      `${path} has shape [${array.shape.join(', ')}]; the input must be one grey image [height, width] ` +
        '(convert colour images with heterosparse preprocess first)',
    );
  }
  return { data: array.data, height, width };
}

/**
 * PSNR with the peak taken as max − min of the input, or null for a constant
 * input, whose range is zero and whose PSNR is therefore undefined.
 */
function psnrOrNull(signal: Float32Array, reconstruction: Float32Array): number | null {
  let min = Infinity;
  let max = -Infinity;
  for (const value of signal) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return max > min ? psnr(signal, reconstruction) : null;
}

/** Final statistics in the key names of the reference files (`golden.json`), plus solver details. */
function statisticsOf(solution: CbpdnSolution, signal: Float32Array, lambda: number): Record<string, unknown> {
  return {
    objective: solution.final.objective,
    data_fidelity: solution.final.dataFidelity,
    l1: solution.final.l1,
    nonzeros: solution.final.nonzeros,
    sparseness: sparseness(solution.coefficients),
    psnr: psnrOrNull(signal, solution.reconstruction),
    iterations: solution.iterationCount,
    seconds: solution.seconds,
    lambda,
    converged: solution.converged,
    primal_residual: solution.primalResidual,
    dual_residual: solution.dualResidual,
    backend: solution.backend,
  };
}

function formatPsnr(value: number | null): string {
  return value === null ? 'undefined (constant input)' : `${value.toFixed(2)} dB`;
}

export const codeCommand: CliCommand = {
  name: 'code',
  summary: 'Code one grey image with a dictionary by CBPDN (ADMM, as SPORCO ConvBPDN) and write coefficients and statistics.',
  help: `Usage: heterosparse code --dictionary D.npy --input S.npy --lambda L [--iterations N]
                        [--tolerance T] [--backend ID] [--out X.npy] [--stats stats.json]

Solves min_x ½‖Σ_k d_k * x_k − s‖² + λ Σ_k ‖x_k‖₁ by ADMM with SPORCO's
ConvBPDN defaults (kernels zero-padded at the top-left corner, periodic
boundaries, relaxation 1.8, initial ρ = 50λ + 1, adaptive ρ).

Options:
  --dictionary FILE  float .npy of shape [h, w, K] (required)
  --input FILE       float .npy image of shape [H, W], H ≥ h and W ≥ w (required);
                     use heterosparse preprocess to make one from a picture
  --lambda L         weight λ of the ℓ1 term, > 0 (required; the reference uses 0.01)
  --iterations N     largest number of ADMM iterations (default ${CBPDN_DEFAULTS.maxIterations})
  --tolerance T      relative stopping tolerance of both residuals (default ${CBPDN_DEFAULTS.tolerance})
  --backend ID       solver backend, or auto for the fastest available one (default auto)
  --out FILE         write the coefficients as float32 .npy of shape [H, W, K]
  --stats FILE       write the final statistics as JSON; without it they go to stdout

Statistics keys: objective, data_fidelity (½‖Σ d_k * x_k − s‖²), l1 (Σ ‖x_k‖₁),
nonzeros, sparseness (1 − nonzeros / coefficient count), psnr (dB, peak =
max − min of the input; null for a constant input), iterations, seconds, lambda, converged,
primal_residual, dual_residual, backend.

Exit codes: 0 success, 1 invalid input or a diverged solve, 2 usage error or
unreadable file, 130 interrupted.

Example:
  heterosparse code --dictionary D.npy --input coffee.npy --lambda 0.01 --out X.npy --stats stats.json`,

  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs('code', args, {
      dictionary: { type: 'string' },
      input: { type: 'string' },
      lambda: { type: 'string' },
      iterations: { type: 'string' },
      tolerance: { type: 'string' },
      backend: { type: 'string' },
      out: { type: 'string' },
      stats: { type: 'string' },
    });
    if (help) {
      io.stdout.write(`${this.help}\n`);
      return EXIT.success;
    }
    if (positionals.length > 0) {
      throw new UsageError(`code takes no positional arguments, received "${positionals.join(' ')}"; run heterosparse code --help`);
    }
    if (values.dictionary === undefined) throw new UsageError('code: --dictionary is missing; give a .npy dictionary of shape [h, w, K]');
    if (values.input === undefined) throw new UsageError('code: --input is missing; give a .npy image of shape [H, W]');
    const lambda = parseNumber('lambda', values.lambda as string | undefined);
    if (lambda === undefined) throw new UsageError('code: --lambda is missing; give the ℓ1 weight λ (the reference uses 0.01)');
    const maxIterations = parseNumber('iterations', values.iterations as string | undefined);
    const tolerance = parseNumber('tolerance', values.tolerance as string | undefined);

    // Check the output paths first, so a bad path fails before a long solve and before any other file is written.
    for (const output of [values.out, values.stats]) {
      if (output !== undefined) await checkWritablePath(resolve(io.cwd, output as string));
    }

    const dictionaryPath = resolve(io.cwd, values.dictionary as string);
    const inputPath = resolve(io.cwd, values.input as string);
    const dictionary = await loadDictionary(dictionaryPath);
    const signal = await readSignal(inputPath);

    const solution = await solveCbpdn(
      signal,
      dictionary,
      { lambda, maxIterations, tolerance, statistics: false },
      { backend: (values.backend as string | undefined) ?? 'auto', signal: io.signal },
    );
    const statistics = statisticsOf(solution, signal.data, lambda);

    if (values.out !== undefined) {
      const out = resolve(io.cwd, values.out as string);
      await writeNpy(out, coefficientsToHeightWidthAtoms(solution.coefficients, dictionary.atoms, signal.height, signal.width));
    }
    const json = `${JSON.stringify(statistics, null, 2)}\n`;
    if (values.stats === undefined) {
      io.stdout.write(json);
    } else {
      await writeFileAtomic(resolve(io.cwd, values.stats as string), json);
      const name = `${basename(inputPath, extname(inputPath))} / ${dictionary.name}`;
      io.stdout.write(
        `${name}: objective ${solution.final.objective.toPrecision(6)}, PSNR ${formatPsnr(statistics.psnr as number | null)}, ` +
          `sparseness ${(statistics.sparseness as number).toFixed(4)}, ${solution.iterationCount} iterations in ${solution.seconds.toFixed(2)} s\n`,
      );
    }
    return EXIT.success;
  },
};
