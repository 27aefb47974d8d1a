/**
 * Conformance specs every CBPDN backend must pass: parity with the SPORCO
 * reference vectors (see `reference-cases.ts` for their source), recovery of
 * a known sparse code, and the error contract. Spec files call these
 * functions once per registered backend, so a new backend is checked by
 * registering it.
 *
 * Only spec files import this module, because it imports vitest.
 */
import { CancelledError, NumericalError, createRandom, type DictionaryItem } from '@heterosparse/core';
import { golden256, golden64 } from '@heterosparse/test-fixtures';
import { beforeAll, describe, expect, it } from 'vitest';

import { reconstruct } from '../reconstruct.ts';
import type { CbpdnBackend, CbpdnProblem, CbpdnSolution } from './backend.ts';
import { createCbpdnBackendRegistry } from './default-backends.ts';
import { resolveCbpdnOptions, type CbpdnOptionsInput } from './options.ts';
import {
  REFERENCE_DICTIONARIES,
  readReferenceDictionary,
  readReferenceFile,
  solveReferenceCase,
  summariseSolution,
  CONVERGED_TOLERANCES,
  SAME_ITERATIONS_TOLERANCES,
  type ParityTolerances,
  type ReferenceFile,
  type ReferenceFolder,
} from './reference-cases.ts';
import { validateCbpdnProblem } from './validate-problem.ts';

/** One reference case to check: an image of the folder with one or both dictionaries. */
export interface ParityCase {
  readonly image: string;
  readonly dictionaries?: readonly (typeof REFERENCE_DICTIONARIES)[number][];
  /** Tolerances of this case when they differ from those of the file; the comment where it is set says why. */
  readonly tolerances?: ParityTolerances;
}

/** Time limit of one parity solve; a 2000-iteration solve takes about 35 s with cpu-reference on 2 cores. */
const PARITY_TIMEOUT_MS = 600_000;

function largestDifference(a: Float32Array, b: Float32Array): number {
  let largest = 0;
  for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i] - b[i]));
  return largest;
}

/**
 * Defines one test per (image, dictionary) of `cases` that solves it with
 * `backend` and compares objective, sparseness and PSNR with `file`.
 */
export function describeParity(
  backend: CbpdnBackend,
  title: string,
  folder: ReferenceFolder,
  file: string,
  cases: readonly ParityCase[],
  tolerances: ParityTolerances,
): void {
  describe(`${backend.id}: ${title}`, () => {
    let reference: ReferenceFile;
    const dictionaries = new Map<string, DictionaryItem>();
    beforeAll(async () => {
      reference = await readReferenceFile(folder, file);
      for (const name of REFERENCE_DICTIONARIES) dictionaries.set(name, await readReferenceDictionary(folder, name));
    });

    for (const { image, dictionaries: names = REFERENCE_DICTIONARIES, tolerances: caseTolerances = tolerances } of cases) {
      for (const name of names) {
        it(`${image} / ${name}`, { timeout: PARITY_TIMEOUT_MS }, async () => {
          const dictionary = dictionaries.get(name) as DictionaryItem;
          const { solution, input, height, width } = await solveReferenceCase(backend, folder, reference, image, dictionary);
          const expected = reference.images[image][name];
          const actual = summariseSolution(solution, input);
          const ratio = actual.objective / expected.objective;

          // A backend may meet the stopping tolerance before the reference's iteration count, never after it.
          if (solution.converged) {
            expect(solution.iterationCount, 'iterations run').toBeLessThanOrEqual(expected.iterations);
          } else {
            expect(solution.iterationCount, 'iterations run').toBe(expected.iterations);
          }
          expect(ratio - 1, `objective ${actual.objective} above ${expected.objective}`).toBeLessThanOrEqual(caseTolerances.objectiveAbove);
          expect(1 - ratio, `objective ${actual.objective} below ${expected.objective}`).toBeLessThanOrEqual(caseTolerances.objectiveBelow);
          expect(Math.abs(actual.sparseness - expected.sparseness), `sparseness ${actual.sparseness} vs ${expected.sparseness}`).toBeLessThanOrEqual(
            caseTolerances.sparseness,
          );
          expect(Math.abs(actual.psnr - expected.psnr), `PSNR ${actual.psnr} vs ${expected.psnr} dB`).toBeLessThanOrEqual(caseTolerances.psnr);
          // The backend's reconstruction must equal an independent spatial convolution of its coefficients.
          const direct = reconstruct(dictionary, solution.coefficients, height, width);
          expect(largestDifference(direct, solution.reconstruction), 'reconstruction vs reconstruct()').toBeLessThan(1e-3);
        });
      }
    }
  });
}

/** True when `HETEROSPARSE_FULL_PARITY=1` requests every reference case, including the slow ones. */
export const FULL_PARITY = process.env.HETEROSPARSE_FULL_PARITY === '1';

/** Returns the backends of this package that can run here, highest priority first. */
export async function availableBackends(): Promise<CbpdnBackend[]> {
  const backends: CbpdnBackend[] = [];
  for (const backend of createCbpdnBackendRegistry().list()) {
    if (await backend.isAvailable()) backends.push(backend);
  }
  return backends;
}

/**
 * Returns the backends the slow parity cases run on: only the fastest
 * available one by default, every available one with `HETEROSPARSE_FULL_PARITY=1`.
 */
export async function slowParityBackends(): Promise<CbpdnBackend[]> {
  const backends = await availableBackends();
  return FULL_PARITY ? backends : backends.slice(0, 1);
}

/** The 64×64 reference images. */
export const GOLDEN64_CASES: readonly ParityCase[] = ['astronaut', 'camera', 'chelsea', 'coffee', 'grass', 'gravel'].map((image) => ({ image }));

/** Parity at 200 iterations on every 64×64 reference image with both dictionaries. */
export function describeGolden64Parity(backend: CbpdnBackend, tolerances = SAME_ITERATIONS_TOLERANCES): void {
  describeParity(backend, 'golden64/golden.json, 200 iterations', golden64, 'golden.json', GOLDEN64_CASES, tolerances);
}

/** Parity at 2000 iterations (near the optimum) on the given 64×64 cases. */
export function describeConvergedParity(backend: CbpdnBackend, cases: readonly ParityCase[], tolerances = CONVERGED_TOLERANCES): void {
  describeParity(backend, 'golden64/golden-converged.json, 2000 iterations', golden64, 'golden-converged.json', cases, tolerances);
}

/** Parity at 100 iterations on the given 256×256 cases. */
export function describeGolden256Parity(backend: CbpdnBackend, cases: readonly ParityCase[], tolerances = SAME_ITERATIONS_TOLERANCES): void {
  describeParity(backend, 'golden256/golden.json, 100 iterations', golden256, 'golden.json', cases, tolerances);
}

/**
 * Creates a 32×32 problem with a known sparse code: four seeded random 5×5 kernels
 * of unit ℓ2 norm, five spikes far apart, and s = Σ_k d_k * x_k exactly.
 */
export function createSpikeProblem(): { dictionary: DictionaryItem; coefficients: Float32Array; image: Float32Array; size: number } {
  const size = 32;
  const kernel = 5;
  const atoms = 4;
  const random = createRandom(20240101);
  const data = new Float32Array(kernel * kernel * atoms);
  for (let k = 0; k < atoms; k++) {
    let norm = 0;
    const values = Array.from({ length: kernel * kernel }, () => random.normal());
    for (const value of values) norm += value * value;
    values.forEach((value, i) => (data[i * atoms + k] = value / Math.sqrt(norm)));
  }
  const dictionary: DictionaryItem = {
    kind: 'dictionary',
    name: 'spikes',
    height: kernel,
    width: kernel,
    atoms,
    data,
    atomParams: Array.from({ length: atoms }, (_, index) => ({ index })),
  };
  const coefficients = new Float32Array(atoms * size * size);
  for (const [k, row, column, value] of SPIKES) coefficients[k * size * size + row * size + column] = value;
  return { dictionary, coefficients, image: reconstruct(dictionary, coefficients, size, size), size };
}

/** Spikes of `createSpikeProblem`: (atom, row, column, value). */
export const SPIKES: readonly (readonly [number, number, number, number])[] = [
  [0, 3, 4, 1.5],
  [1, 10, 20, -1.2],
  [2, 18, 8, 2],
  [3, 25, 25, 1],
  [0, 26, 12, -1.8],
];

/**
 * Defines the behaviour specs every backend shares: recovery of a known
 * sparse code, the statistics switch, non-negativity, ℓ1 weights, divergence
 * and cancellation.
 */
export function describeBackendBehaviour(backend: CbpdnBackend): void {
  const solveSpikes = async (options: CbpdnOptionsInput, control = {}): Promise<{ solution: CbpdnSolution; truth: Float32Array }> => {
    const { dictionary, coefficients, image, size } = createSpikeProblem();
    const resolved = resolveCbpdnOptions(options);
    const problem: CbpdnProblem = validateCbpdnProblem({ data: image, height: size, width: size }, dictionary, resolved);
    return { solution: await backend.solve(problem, resolved, control), truth: coefficients };
  };

  describe(`${backend.id}: behaviour`, () => {
    it('recovers a known sparse code', async () => {
      // A fixed ρ: with the default adaptive penalty and λ = 0.001, SPORCO's iteration oscillates
      // on this problem for hundreds of iterations (a NumPy port of it behaves the same).
      // The ℓ1 solution equals the spikes up to a shrinkage of λ / ‖d_k‖² = 0.001.
      const { solution, truth } = await solveSpikes({ lambda: 0.001, rho: 0.1, autoRho: { enabled: false }, maxIterations: 500 });
      let largestError = 0;
      for (let i = 0; i < truth.length; i++) largestError = Math.max(largestError, Math.abs(solution.coefficients[i] - truth[i]));
      expect(largestError).toBeLessThan(0.005);
      const support = [...solution.coefficients.keys()].filter((i) => solution.coefficients[i] !== 0);
      const trueSupport = [...truth.keys()].filter((i) => truth[i] !== 0);
      expect(support).toEqual(trueSupport);
    });

    it('records one statistics record per iteration', async () => {
      const { solution } = await solveSpikes({ maxIterations: 7, tolerance: 0 });
      expect(solution.iterationCount).toBe(7);
      expect(solution.iterations.map((record) => record.iteration)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(solution.converged).toBe(false);
    });

    it('skips statistics when disabled', async () => {
      const { solution } = await solveSpikes({ maxIterations: 5, statistics: false });
      expect(solution.iterations).toEqual([]);
      expect(solution.iterationCount).toBe(5);
    });

    it('keeps coefficients non-negative', async () => {
      const { solution } = await solveSpikes({ maxIterations: 50, nonNegative: true });
      expect(Math.min(...solution.coefficients)).toBeGreaterThanOrEqual(0);
      expect(solution.final.nonzeros).toBeGreaterThan(0);
    });

    it('applies per-atom ℓ1 weights', async () => {
      // A weight of 1e6 makes the threshold of atom 0 far larger than any coefficient.
      const { solution } = await solveSpikes({ maxIterations: 50, l1Weights: [1e6, 1, 1, 1] });
      const planeSize = 32 * 32;
      expect(solution.coefficients.subarray(0, planeSize).every((value) => value === 0)).toBe(true);
      expect(solution.coefficients.subarray(planeSize).some((value) => value !== 0)).toBe(true);
    });

    it('reports divergence with the iteration', async () => {
      // Values near the float32 maximum overflow in the first FFT, so the first iterate is not finite.
      const { dictionary, size } = createSpikeProblem();
      const options = resolveCbpdnOptions({ maxIterations: 10 });
      const image = new Float32Array(size * size).fill(3e38);
      const problem = validateCbpdnProblem({ data: image, height: size, width: size }, dictionary, options);
      await expect(backend.solve(problem, options)).rejects.toThrow(NumericalError);
      await expect(backend.solve(problem, options)).rejects.toThrow(/at iteration 1\b/);
    });

    it('stops when the signal is aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(solveSpikes({ maxIterations: 10 }, { signal: controller.signal })).rejects.toThrow(CancelledError);
    });
  });
}
