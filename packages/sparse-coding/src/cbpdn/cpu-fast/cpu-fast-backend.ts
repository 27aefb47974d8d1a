/**
 * The fast CPU backend of CBPDN: the iteration of the reference backend
 * (SPORCO's ConvBPDN order and rounding), reorganised for speed.
 *
 * - FFTs: PFFFT with WebAssembly SIMD where the size allows, with spectra in
 *   PFFFT's internal order and the plane buffers in WebAssembly memory
 *   (`createUnorderedRealFft2d`).
 * - Fusion: one pass over the atoms per iteration. For each atom it forms
 *   X_k, transforms it back, runs relaxation, Y step and U step on the plane
 *   while it is in cache, and transforms y − u for the next iteration. The
 *   Sherman–Morrison sum Σ_k D_k b_k is then linear in ρ,
 *   Σ_k |D_k|² S + ρ Σ_k D_k Z_k, so it does not wait for the next ρ. When
 *   ρ changes, a second pass rescales u and recomputes Z_k = FFT(y − u)_k.
 *   Nothing is allocated per iteration.
 * - Threads: the atoms are split between the main thread and a team of
 *   worker threads that share the arrays through SharedArrayBuffers. The team
 *   is created once and reused for every solve.
 * - The data fidelity at x comes for free: Σ_k D_k X_k = a at every
 *   frequency, where a = Σ_k D_k b_k / (Σ_k |D_k|² + ρ) is the
 *   Sherman–Morrison coefficient.
 */
import { CancelledError, type IterationStats } from '@heterosparse/core';
import { createUnorderedRealFft2d, type UnorderedRealFft2d } from '@heterosparse/fft';

import {
  computeResiduals,
  divergenceError,
  penaltyFactor,
  recordIteration,
  type PenaltySchedule,
  type StepSums,
} from '../admm-steps.ts';
import type { CbpdnBackend, CbpdnProblem, CbpdnSolution, CodeStatistics, SolveControl } from '../backend.ts';
import { computeCodeStatistics } from '../code-statistics.ts';
import { initialRho, residualTarget, type CbpdnOptions } from '../options.ts';
import { createAtomEngine, usesSimdEngine, type AtomEngine } from './atom-engine.ts';
import { allocateSharedBuffers, STEP_SUM, STEP_SUM_COUNT, viewSharedBuffers, type SharedViews } from './shared-buffers.ts';
import { defaultThreadCount, ThreadTeam } from './thread-team.ts';
import { PARAM, PHASE } from './thread-protocol.ts';

/** Maximum time, in milliseconds, between two yields to the event loop. */
const YIELD_INTERVAL_MS = 25;

const CPU_FAST_ID = 'cpu-fast';

/** Everything one solve works with. */
interface FastSolve {
  readonly problem: CbpdnProblem;
  readonly options: CbpdnOptions;
  readonly views: SharedViews;
  readonly fft: UnorderedRealFft2d;
  readonly team: ThreadTeam;
  /** The main thread's share of the atoms (thread 0). */
  readonly engine: AtomEngine;
}

/** Sums Σ_k |D_k|² at each frequency into `energy`. */
function sumDictionaryEnergy(views: SharedViews): void {
  const { atoms, frequencies, complexBlock: s } = views.shape;
  const length = 2 * frequencies;
  const { energy, dictionarySpectra: d } = views;
  energy.fill(0);
  for (let k = 0; k < atoms; k++) {
    const offset = k * length;
    for (let base = 0; base < length; base += 2 * s) {
      const first = base / 2;
      for (let j = 0; j < s; j++) {
        const re = d[offset + base + j];
        const im = d[offset + base + j + s];
        energy[first + j] += re * re + im * im;
      }
    }
  }
}

/** Adds the per-thread rows of `products` (`[threads, 2·frequencies]`) into row 0 and returns row 0. */
function reduceThreadRows(views: SharedViews, products: Float64Array): Float64Array {
  const length = 2 * views.shape.frequencies;
  const total = products.subarray(0, length);
  for (let t = 1; t < views.shape.threads; t++) {
    const row = products.subarray(t * length, (t + 1) * length);
    for (let i = 0; i < length; i++) total[i] += row[i];
  }
  return total;
}

/**
 * Forms the Sherman–Morrison coefficient at each frequency into `gamma`,
 *
 *   a = Σ_k D_k b_k / (Σ_k |D_k|² + ρ) = (Σ_k |D_k|² S + ρ Σ_k D_k Z_k) / (Σ_k |D_k|² + ρ),
 *
 * and returns ½‖Σ_k d_k * x_k − s‖² = ½ Σ_f w_f |a_f − S_f|² / (height · width),
 * because Σ_k D_k X_k = a.
 */
function solveFrequencies(views: SharedViews, fft: UnorderedRealFft2d, rho: number): number {
  const { frequencies, complexBlock: s, height, width } = views.shape;
  const length = 2 * frequencies;
  const products = reduceThreadRows(views, views.residualProducts);
  const { gamma, energy, imageSpectrum: image } = views;
  const weights = fft.parsevalWeights;
  let residual = 0;
  for (let base = 0; base < length; base += 2 * s) {
    const first = base / 2;
    for (let j = 0; j < s; j++) {
      const re = base + j;
      const im = re + s;
      const e = energy[first + j];
      const scale = 1 / (e + rho);
      const ar = (e * image[re] + rho * products[re]) * scale;
      const ai = (e * image[im] + rho * products[im]) * scale;
      gamma[re] = ar;
      gamma[im] = ai;
      const er = ar - image[re];
      const ei = ai - image[im];
      residual += weights[first + j] * (er * er + ei * ei);
    }
  }
  return residual / (height * width) / 2;
}

/** ½‖Σ_k d_k * y_k − s‖² of the current y, through one forward transform per atom. */
function dataFidelityAtY(solve: FastSolve): number {
  const { views, fft, team, engine } = solve;
  const { frequencies, complexBlock: s, height, width } = views.shape;
  team.run(PHASE.sumDictionaryProducts, engine);
  const total = reduceThreadRows(views, views.coefficientProducts);
  const weights = fft.parsevalWeights;
  let residual = 0;
  for (let base = 0; base < 2 * frequencies; base += 2 * s) {
    for (let j = 0; j < s; j++) {
      const er = total[base + j] - views.imageSpectrum[base + j];
      const ei = total[base + j + s] - views.imageSpectrum[base + j + s];
      residual += weights[base / 2 + j] * (er * er + ei * ei);
    }
  }
  return residual / (height * width) / 2;
}

/** Adds the per-thread step sums. */
function gatherStepSums(views: SharedViews): StepSums & { notFinite: boolean } {
  const sums = { xSquared: 0, ySquared: 0, uSquared: 0, primalSquared: 0, changeSquared: 0, l1OfX: 0, l1OfY: 0, notFinite: false };
  for (let t = 0; t < views.shape.threads; t++) {
    const row = views.stepSums.subarray(t * STEP_SUM_COUNT, (t + 1) * STEP_SUM_COUNT);
    sums.xSquared += row[STEP_SUM.xSquared];
    sums.ySquared += row[STEP_SUM.ySquared];
    sums.uSquared += row[STEP_SUM.uSquared];
    sums.primalSquared += row[STEP_SUM.primalSquared];
    sums.changeSquared += row[STEP_SUM.changeSquared];
    sums.l1OfX += row[STEP_SUM.l1OfX];
    sums.l1OfY += row[STEP_SUM.l1OfY];
    sums.notFinite ||= row[STEP_SUM.notFinite] !== 0;
  }
  return sums;
}

/** Reconstruction Σ_k d_k * y_k and the objective terms at y, as the reference backend computes them. */
function finalStatistics(solve: FastSolve): { reconstruction: Float32Array; final: CodeStatistics } {
  const { views, fft, team, engine, problem, options } = solve;
  const { height, width, atoms } = problem;
  team.run(PHASE.sumDictionaryProducts, engine);
  const total = reduceThreadRows(views, views.coefficientProducts);
  const spectrum = fft.spectrum();
  for (let i = 0; i < total.length; i++) spectrum[i] = total[i];
  fft.inverse(1 / (height * width));
  const reconstruction = fft.plane().slice();

  return { reconstruction, final: computeCodeStatistics(problem.image, reconstruction, views.y, views.weights, options.lambda) };
}

async function yieldToEventLoop(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw new CancelledError('CBPDN solve cancelled');
}

/** Runs the ADMM iterations from x = y = u = 0; the order of steps is that of the reference backend. */
async function iterate(solve: FastSolve, control: SolveControl, start: number): Promise<CbpdnSolution> {
  const { problem, options, views, fft, team, engine } = solve;
  const count = problem.atoms * problem.height * problem.width;
  const schedule: PenaltySchedule = { ...options.autoRho, residualTarget: residualTarget(options) };
  const history: IterationStats[] = [];
  const params = team.params;
  let rho = Math.fround(initialRho(options));
  let lastYield = performance.now();
  let converged = false;
  let iterationCount = 0;
  let primalResidual = Number.NaN;
  let dualResidual = Number.NaN;
  params[PARAM.alpha] = options.relaxation;
  params[PARAM.lambda] = options.lambda;
  params[PARAM.nonNegative] = options.nonNegative ? 1 : 0;

  // y = u = 0 at the start, so Z_k = 0 and Σ_k D_k Z_k = 0: the zeroed shared arrays.
  for (let k = 0; k < options.maxIterations; k++) {
    // X step, frequency part: the Sherman–Morrison coefficient a, and the data fidelity at x.
    const fidelityAtX = solveFrequencies(views, fft, rho);

    // X step, atom part, then relaxation, Y step and U step, and Z_k of the next iteration.
    params[PARAM.rho] = rho;
    params[PARAM.transformNext] = k + 1 < options.maxIterations ? 1 : 0;
    team.run(PHASE.iterateAtoms, engine);
    const sums = gatherStepSums(views);
    if (sums.notFinite || !Number.isFinite(rho)) {
      throw divergenceError(sums, rho, k + 1);
    }

    // Residuals and stopping thresholds.
    const residuals = computeResiduals(sums, rho, count, options.tolerance, options.absoluteTolerance, options.autoRho.standardResiduals);
    primalResidual = residuals.primal;
    dualResidual = residuals.dual;

    // Iteration statistics, at X (SPORCO's default) or at Y.
    if (options.statistics) {
      const dataFidelity = options.objectiveOnY ? dataFidelityAtY(solve) : fidelityAtX;
      const l1 = options.objectiveOnY ? sums.l1OfY : sums.l1OfX;
      history.push(
        recordIteration(
          { iteration: k + 1, dataFidelity, l1, lambda: options.lambda, residuals, rho: rho, start },
          control.logger,
        ),
      );
    }

    // Penalty update by residual balancing.
    const factor = penaltyFactor(schedule, k, residuals.primal, residuals.dual);
    if (factor !== 1) rho = Math.fround(rho * factor);

    // Stopping test on the residuals of this iteration.
    iterationCount = k + 1;
    if (residuals.primal < residuals.primalThreshold && residuals.dual < residuals.dualThreshold) {
      converged = true;
      break;
    }

    // After a change of ρ, u is divided by the factor so that ρu is unchanged, and Z_k follows.
    if (factor !== 1 && k + 1 < options.maxIterations) {
      params[PARAM.penaltyFactor] = factor;
      team.run(PHASE.transformResiduals, engine);
    }

    if (performance.now() - lastYield >= YIELD_INTERVAL_MS) {
      await yieldToEventLoop(control.signal);
      lastYield = performance.now();
    }
  }

  team.run(PHASE.exportCoefficients, engine);
  const { reconstruction, final } = finalStatistics(solve);
  return {
    coefficients: views.y.slice(),
    reconstruction,
    iterations: history,
    iterationCount,
    converged,
    final,
    primalResidual,
    dualResidual,
    seconds: (performance.now() - start) / 1000,
    backend: CPU_FAST_ID,
  };
}

/** Settings of {@link createCpuFastBackend}. */
export interface CpuFastSettings {
  /** Threads per solve, the main thread included; default one per core (`os.availableParallelism()`). */
  readonly threads?: number;
}

/** The fast CPU backend, with a `dispose` that terminates its worker threads. */
export interface CpuFastBackend extends CbpdnBackend {
  /** Terminates the worker threads; a later solve starts a new team. */
  dispose(): Promise<void>;
}

/** Creates a fast CPU backend with its own thread team (created at the first solve). */
export function createCpuFastBackend(settings: CpuFastSettings = {}): CpuFastBackend {
  let team: ThreadTeam | undefined;

  async function solve(problem: CbpdnProblem, options: CbpdnOptions, control: SolveControl = {}): Promise<CbpdnSolution> {
    const start = performance.now();
    if (control.signal?.aborted) throw new CancelledError('CBPDN solve cancelled before it started');
    team ??= new ThreadTeam(settings.threads ?? defaultThreadCount());
    const fft = await createUnorderedRealFft2d(problem.height, problem.width);
    const buffers = allocateSharedBuffers({
      height: problem.height,
      width: problem.width,
      atoms: problem.atoms,
      kernelHeight: problem.kernelHeight,
      kernelWidth: problem.kernelWidth,
      frequencies: fft.frequencies,
      complexBlock: fft.complexBlock,
      threads: team.threads,
      threadLocalState: usesSimdEngine(fft),
    });
    const views = viewSharedBuffers(buffers);
    views.kernels.set(problem.dictionary);
    views.weights.set(options.l1Weights ?? new Array<number>(problem.atoms).fill(1));
    const current = team;
    let engine: AtomEngine | undefined;
    try {
      engine = await createAtomEngine(views, fft, 0);
      await current.start(buffers, fft.backend);
    } catch (error) {
      // A worker that failed to set up leaves the team unusable: replace it at the next solve.
      team = undefined;
      engine?.dispose();
      fft.dispose();
      await current.dispose();
      throw error;
    }
    try {
      current.run(PHASE.transformKernels, engine);
      sumDictionaryEnergy(views);
      fft.plane().set(problem.image);
      fft.forward();
      views.imageSpectrum.set(fft.spectrum());
      return await iterate({ problem, options, views, fft, team: current, engine }, control, start);
    } finally {
      current.release(engine);
      engine.dispose();
      fft.dispose();
    }
  }

  return {
    id: CPU_FAST_ID,
    description: 'the reference iteration fused per atom, PFFFT WebAssembly SIMD FFTs, atoms split over worker threads',
    priority: 10,
    isAvailable: async () => typeof SharedArrayBuffer === 'function' && typeof Atomics.wait === 'function',
    solve,
    dispose: async () => {
      const current = team;
      team = undefined;
      await current?.dispose();
    },
  };
}

/** The fast CPU backend with one thread per core, as registered in the default registry. */
export const cpuFastBackend: CpuFastBackend = createCpuFastBackend();
