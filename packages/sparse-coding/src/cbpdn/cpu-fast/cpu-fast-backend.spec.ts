import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { CancelledError, createRandom, type DictionaryItem, type IterationStats } from '@heterosparse/core';
import { afterAll, describe, expect, it } from 'vitest';

import type { CbpdnSolution } from '../backend.ts';
import { solveCbpdnReference } from '../cpu-reference.ts';
import { resolveCbpdnOptions, type CbpdnOptionsInput } from '../options.ts';
import { validateCbpdnProblem } from '../validate-problem.ts';
import { createCpuFastBackend } from './cpu-fast-backend.ts';

/**
 * Relative tolerance between the fast and the reference backend. Both round
 * to float32 at the same steps. They differ in the FFT (PFFFT in float32 for
 * the fast one on sizes it supports), in the order of float64 sums, and in
 * forming Σ_k D_k b_k from its terms. Each moves iterates by a few float32
 * ulps per iteration, which after 30 iterations stays far below 1e-3.
 */
const RELATIVE_TOLERANCE = 1e-3;

const twoThreads = createCpuFastBackend({ threads: 2 });
const oneThread = createCpuFastBackend({ threads: 1 });
afterAll(async () => {
  await twoThreads.dispose();
  await oneThread.dispose();
});

/** Creates a seeded image with smooth structure and noise, and K random unit-norm kernels. */
function makeProblem(height: number, width: number, atoms: number, kernelSize: number, seed: number) {
  const random = createRandom(seed);
  const image = new Float32Array(height * width);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      image[r * width + c] = Math.sin(r / 3) * Math.cos(c / 5) + 0.3 * random.normal();
    }
  }
  const data = new Float32Array(kernelSize * kernelSize * atoms);
  for (let k = 0; k < atoms; k++) {
    let norm = 0;
    const values = Array.from({ length: kernelSize * kernelSize }, () => random.normal());
    for (const v of values) norm += v * v;
    values.forEach((v, i) => (data[i * atoms + k] = v / Math.sqrt(norm)));
  }
  const dictionary: DictionaryItem = {
    kind: 'dictionary',
    name: 'random',
    height: kernelSize,
    width: kernelSize,
    atoms,
    data,
    atomParams: [],
  };
  return { image: { data: image, height, width }, dictionary };
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

function expectSameIterations(actual: readonly IterationStats[], expected: readonly IterationStats[]): void {
  expect(actual.length).toBe(expected.length);
  const fields = ['objective', 'dataFidelity', 'l1', 'primalResidual', 'dualResidual', 'rho'] as const;
  for (let i = 0; i < expected.length; i++) {
    for (const field of fields) {
      expect(relativeDifference(actual[i][field], expected[i][field]), `iteration ${i + 1}, ${field}`).toBeLessThan(RELATIVE_TOLERANCE);
    }
  }
}

function expectSameSolution(actual: CbpdnSolution, expected: CbpdnSolution): void {
  expectSameIterations(actual.iterations, expected.iterations);
  expect(actual.iterationCount).toBe(expected.iterationCount);
  expect(actual.converged).toBe(expected.converged);
  expect(relativeDifference(actual.final.objective, expected.final.objective)).toBeLessThan(RELATIVE_TOLERANCE);
  let maxDifference = 0;
  let maxMagnitude = 0;
  for (let i = 0; i < expected.coefficients.length; i++) {
    maxDifference = Math.max(maxDifference, Math.abs(actual.coefficients[i] - expected.coefficients[i]));
    maxMagnitude = Math.max(maxMagnitude, Math.abs(expected.coefficients[i]));
  }
  expect(maxDifference / maxMagnitude).toBeLessThan(RELATIVE_TOLERANCE);
  expect(actual.reconstruction.length).toBe(expected.reconstruction.length);
}

async function solveBoth(
  size: readonly [number, number],
  input: CbpdnOptionsInput,
  backend = twoThreads,
  atoms = 6,
): Promise<[CbpdnSolution, CbpdnSolution]> {
  const { image, dictionary } = makeProblem(size[0], size[1], atoms, 5, 7);
  const options = resolveCbpdnOptions({ maxIterations: 30, lambda: 0.05, ...input });
  const problem = validateCbpdnProblem(image, dictionary, options);
  return [await backend.solve(problem, options), await solveCbpdnReference(problem, options)];
}

describe('cpu-fast backend', () => {
  // 32 × 32 runs on PFFFT with SIMD (blocks of 4), 20 × 18 on PFFFT without
  // SIMD, 15 × 13 on fft.js with Bluestein (usual order).
  for (const size of [
    [32, 32],
    [20, 18],
    [15, 13],
  ] as const) {
    it(`matches cpu-reference on ${size[0]} × ${size[1]}`, async () => {
      const [fast, reference] = await solveBoth(size, {});
      expect(fast.backend).toBe('cpu-fast');
      expectSameSolution(fast, reference);
    });
  }

  it('matches cpu-reference with weights and nonnegativity', async () => {
    const [fast, reference] = await solveBoth([32, 32], { l1Weights: [1, 0.5, 2, 1, 0, 1.5], nonNegative: true });
    expectSameSolution(fast, reference);
  });

  it('matches cpu-reference with fewer atoms than threads', async () => {
    // With one atom the main thread has none and the worker has it.
    const [fast, reference] = await solveBoth([32, 32], {}, twoThreads, 1);
    expectSameSolution(fast, reference);
  });

  it('matches cpu-reference with the objective at y', async () => {
    const [fast, reference] = await solveBoth([32, 32], { objectiveOnY: true, relaxation: 1 });
    expectSameSolution(fast, reference);
  });

  it('matches cpu-reference when it converges early', async () => {
    const [fast, reference] = await solveBoth([32, 32], { tolerance: 5e-2, maxIterations: 200 });
    expect(reference.converged).toBe(true);
    expectSameSolution(fast, reference);
  });

  it('gives the same result on one thread', async () => {
    const [single] = await solveBoth([32, 32], {}, oneThread);
    const [team] = await solveBoth([32, 32], {});
    expectSameSolution(single, team);
  });

  it('reuses its threads after a dispose', async () => {
    const backend = createCpuFastBackend({ threads: 2 });
    const [first] = await solveBoth([32, 32], { maxIterations: 5 }, backend);
    await backend.dispose();
    const [second] = await solveBoth([32, 32], { maxIterations: 5 }, backend);
    await backend.dispose();
    expect(second.final.objective).toBe(first.final.objective);
  });

  it('lets the process exit without a dispose', () => {
    // A child process solves once with two threads and never disposes the backend:
    // the idle workers must not keep it alive.
    const backendUrl = new URL('./cpu-fast-backend.ts', import.meta.url).href;
    const script = `
      const { createCpuFastBackend } = await import(${JSON.stringify(backendUrl)});
      const { resolveCbpdnOptions } = await import(${JSON.stringify(new URL('../options.ts', import.meta.url).href)});
      const backend = createCpuFastBackend({ threads: 2 });
      const image = new Float32Array(32 * 32).map((_, i) => Math.sin(i));
      const dictionary = new Float32Array(4 * 4 * 2).map((_, i) => Math.cos(i));
      const options = resolveCbpdnOptions({ maxIterations: 3 });
      const problem = { image, height: 32, width: 32, dictionary, kernelHeight: 4, kernelWidth: 4, atoms: 2 };
      const solution = await backend.solve(problem, options);
      process.stdout.write('solved ' + solution.iterationCount + '\\n');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('solved 3');
    expect(child.status).toBe(0);
  });

  it('rejects an aborted solve', async () => {
    const { image, dictionary } = makeProblem(32, 32, 6, 5, 7);
    const options = resolveCbpdnOptions({ maxIterations: 5 });
    const problem = validateCbpdnProblem(image, dictionary, options);
    const controller = new AbortController();
    controller.abort();
    await expect(twoThreads.solve(problem, options, { signal: controller.signal })).rejects.toThrow(CancelledError);
  });
});
