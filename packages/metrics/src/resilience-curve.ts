import type { DictionaryItem, SparseCodeItem } from '@heterosparse/core';
import { InvalidInputError } from '@heterosparse/core';

import { countNonzeros } from './count-nonzeros.ts';
import { psnr } from './psnr.ts';

/** Reconstruction Σ_k d_k * x_k of coefficient maps `[K, height, width]`, shape `[height, width]`. */
export type ReconstructFunction = (
  dictionary: DictionaryItem,
  coefficients: Float32Array,
  height: number,
  width: number,
) => Float32Array;

/** Quality of the code after pruning at one cut-off. */
export interface ResiliencePoint {
  /** Coefficients with |x| below this value were set to zero. */
  readonly cutoff: number;
  /** PSNR in dB of the pruned reconstruction against the coded image. */
  readonly psnr: number;
  /** Sparseness `1 − nonzeros / size` after pruning. */
  readonly sparseness: number;
  readonly nonzeros: number;
}

export interface ResilienceOptions {
  /** Fixed PSNR peak; by default max − min of the coded image. */
  readonly peak?: number;
}

/**
 * Measures how a sparse code degrades when small coefficients are pruned:
 * for each cut-off c, zeroes every coefficient with |x| < c, reconstructs with
 * `reconstruct` and returns PSNR against the coded image and sparseness.
 *
 * `dictionary` must be the one the code was computed with. Throws
 * `InvalidInputError` for a negative or non-finite cut-off and for a
 * dictionary whose atom count differs from the code's.
 */
export function resilienceCurve(
  code: SparseCodeItem,
  dictionary: DictionaryItem,
  cutoffs: readonly number[],
  reconstruct: ReconstructFunction,
  options: ResilienceOptions = {},
): ResiliencePoint[] {
  if (dictionary.atoms !== code.atoms) {
    throw new InvalidInputError(
      `resilienceCurve: dictionary "${dictionary.name}" has ${dictionary.atoms} atoms but the code of image "${code.imageId}" ` +
        `has ${code.atoms} maps; pass the dictionary the code was computed with`,
    );
  }
  return cutoffs.map((cutoff) => {
    if (!(Number.isFinite(cutoff) && cutoff >= 0)) {
      throw new InvalidInputError(`resilienceCurve: cut-off ${cutoff} is invalid; expected a finite number ≥ 0`);
    }
    const pruned = code.coefficients.map((x) => (Math.abs(x) < cutoff ? 0 : x));
    const reconstruction = reconstruct(dictionary, pruned, code.height, code.width);
    const nonzeros = countNonzeros(pruned);
    return {
      cutoff,
      psnr: psnr(code.image, reconstruction, { peak: options.peak }),
      sparseness: 1 - nonzeros / pruned.length,
      nonzeros,
    };
  });
}
