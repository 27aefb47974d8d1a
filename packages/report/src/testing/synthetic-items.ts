import type { AtomParams, DictionaryItem, MetricsItem, Random, SparseCodeItem, SummaryItem } from '@heterosparse/core';

/**
 * Synthetic pipeline items for report tests: small dictionaries with θ and
 * B_θ on every atom, codes on 16×16 images, metrics in the format of the
 * code-metrics and resilience stages, and a summary with two tests.
 */

/** Creates a bank of `thetas × bThetas.length × 2` random 6×6 atoms labelled like a log-Gabor bank (θ outermost, then B_θ, then phase). */
export function syntheticDictionary(name: string, thetas: number, bThetas: readonly number[], random: Random): DictionaryItem {
  const atomParams: AtomParams[] = [];
  for (let t = 0; t < thetas; t++) {
    for (const bTheta of bThetas) {
      for (const phase of [0, Math.PI / 2]) atomParams.push({ index: atomParams.length, theta: (t * Math.PI) / thetas, bTheta, phase });
    }
  }
  const size = 6;
  const data = Float32Array.from({ length: size * size * atomParams.length }, () => random.normal());
  return { kind: 'dictionary', name, height: size, width: size, atoms: atomParams.length, data, atomParams };
}

/** Creates a code of a 16×16 image with `dictionary`, whose reconstruction is the image plus noise. */
export function syntheticCode(imageId: string, dictionary: DictionaryItem, random: Random, converged: boolean): SparseCodeItem {
  const height = 16;
  const width = 16;
  const image = Float32Array.from({ length: height * width }, (_, i) => Math.sin(i / 7) + 0.1 * random.normal());
  const reconstruction = image.map((value) => value + 0.05 * random.normal());
  const coefficients = Float32Array.from({ length: dictionary.atoms * height * width }, () => (random.uniform() < 0.02 ? random.normal() : 0));
  return {
    kind: 'sparse-code',
    imageId,
    dictionaryName: dictionary.name,
    image,
    height,
    width,
    atoms: dictionary.atoms,
    coefficients,
    reconstruction,
    lambda: 0.01,
    iterations: [],
    converged,
    seconds: 0.5,
    backend: 'test-backend',
    atomParams: dictionary.atomParams,
  };
}

/** Creates code metrics of one image in the code-metrics stage's format, with activation groups made from `dictionary`'s parameters. */
export function syntheticCodeMetrics(imageId: string, dictionary: DictionaryItem, psnr: number, sparseness: number, converged: boolean): MetricsItem {
  const groups = (parameter: 'theta' | 'bTheta') => {
    const values = [...new Set(dictionary.atomParams.map((params) => params[parameter] as number))].sort((a, b) => a - b);
    return values.map((value, index) => {
      const atoms = dictionary.atomParams.filter((params) => params[parameter] === value).length;
      return { value, atoms, l1: 10 + index, nonzeros: 5 + index, nonzeroFraction: 0, l1Fraction: 0, nonzerosPerAtom: 0 };
    });
  };
  return {
    kind: 'metrics',
    imageId,
    dictionaryName: dictionary.name,
    values: { psnr, sparseness, nonzeros: 100, l1: 12.5, objective: 3, seconds: 0.5, converged: converged ? 1 : 0, iterations: 100, primalResidual: 2e-3, dualResidual: 5e-4 },
    details: { activation: { theta: groups('theta'), bTheta: groups('bTheta') } },
  };
}

/** Creates resilience metrics of one image in the resilience stage's format. */
export function syntheticResilience(imageId: string, dictionaryName: string, psnr: number, sparseness: number): MetricsItem {
  const resilience = [0.001, 0.1, 0.2, 0.3, 0.5].map((cutoff) => ({
    cutoff,
    psnr: psnr - 20 * cutoff,
    sparseness: sparseness + (1 - sparseness) * cutoff,
    nonzeros: 100,
  }));
  return { kind: 'metrics', imageId, dictionaryName, values: {}, details: { resilience } };
}

/** Creates a summary in the summary stage's format: statistics per dictionary and two one-sided tests. */
export function syntheticSummary(): SummaryItem {
  const statistics = (median: number) => ({ count: 3, mean: median, std: 0.1, min: median - 1, q1: median - 0.5, median, q3: median + 0.5, max: median + 1 });
  return {
    kind: 'summary',
    content: {
      summary: {
        homogeneous: { psnr: statistics(33), sparseness: statistics(0.986) },
        heterogeneous: { psnr: statistics(31), sparseness: statistics(0.993) },
      },
      tests: [
        { name: 'heterogeneous sparser than homogeneous', statistic: 9, p: 0.0123, alternative: 'greater' },
        { name: 'homogeneous higher PSNR than heterogeneous', statistic: 9, p: 0.5, alternative: 'greater' },
      ],
    },
  };
}
