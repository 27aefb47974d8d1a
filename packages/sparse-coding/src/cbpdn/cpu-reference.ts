/**
 * The reference CPU backend of CBPDN: a step-by-step port of the iteration of
 * SPORCO's `sporco.admm.cbpdn.ConvBPDN` (single-channel dictionary, one
 * image), with float32 buffers, float64 sums and the 2-D FFTs of
 * `@heterosparse/fft`. Clarity comes before speed here; faster backends are
 * checked against the same conformance specs.
 */
import { CancelledError, type IterationStats } from '@heterosparse/core';
import { createRealFft2d, type RealFft2d } from '@heterosparse/fft';

import {
  computeResiduals,
  divergenceError,
  penaltyFactor,
  recordIteration,
  relaxShrinkAndUpdateDual,
  solveXStep,
  type PenaltySchedule,
  type StepSums,
} from './admm-steps.ts';
import type { CbpdnBackend, CbpdnProblem, CbpdnSolution, CodeStatistics, SolveControl } from './backend.ts';
import { computeCodeStatistics } from './code-statistics.ts';
import { initialRho, residualTarget, type CbpdnOptions } from './options.ts';
import { computeDictionarySpectra, spectralDataFidelity, type DictionarySpectra } from './spectra.ts';

/** Maximum time in milliseconds between two yields to the event loop. */
const YIELD_INTERVAL_MS = 25;

/** Buffers and constants of one solve. */
interface SolverState {
  readonly problem: CbpdnProblem;
  readonly options: CbpdnOptions;
  readonly fft: RealFft2d;
  readonly dictionary: DictionarySpectra;
  /** S(f), the image spectrum, one plane. */
  readonly imageSpectrum: Float32Array;
  /** conj(D_k) S, `[atoms, height, halfWidth]`. */
  readonly dictionaryTimesImage: Float32Array;
  /** w_k, one per atom. */
  readonly weights: Float64Array;
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly u: Float32Array;
  /** Spatial scratch, `[atoms, height, width]`. */
  readonly scratch: Float32Array;
  /** Spectral scratch, `[atoms, height, halfWidth]`. */
  readonly spectrum: Float32Array;
  /** Float64 scratch of one half spectrum. */
  readonly accumulator: Float64Array;
}

async function createState(problem: CbpdnProblem, options: CbpdnOptions): Promise<SolverState> {
  const { height, width, atoms } = problem;
  const fft = await createRealFft2d(height, width);
  const frequencies = fft.height * fft.halfWidth;
  const dictionary = computeDictionarySpectra(problem, fft);

  const imageSpectrum = new Float32Array(2 * frequencies);
  fft.forward(problem.image, imageSpectrum, 1);
  const dictionaryTimesImage = new Float32Array(atoms * 2 * frequencies);
  for (let k = 0; k < atoms; k++) {
    const offset = k * 2 * frequencies;
    for (let f = 0; f < frequencies; f++) {
      const dr = dictionary.spectra[offset + 2 * f];
      const di = dictionary.spectra[offset + 2 * f + 1];
      const sr = imageSpectrum[2 * f];
      const si = imageSpectrum[2 * f + 1];
      dictionaryTimesImage[offset + 2 * f] = dr * sr + di * si;
      dictionaryTimesImage[offset + 2 * f + 1] = dr * si - di * sr;
    }
  }

  const size = atoms * height * width;
  return {
    problem,
    options,
    fft,
    dictionary,
    imageSpectrum,
    dictionaryTimesImage,
    weights: Float64Array.from(options.l1Weights ?? new Array<number>(atoms).fill(1)),
    x: new Float32Array(size),
    y: new Float32Array(size),
    u: new Float32Array(size),
    scratch: new Float32Array(size),
    spectrum: new Float32Array(atoms * 2 * frequencies),
    accumulator: new Float64Array(2 * frequencies),
  };
}

/** ½‖Σ_k d_k * v_k − s‖² of the spatial coefficients `v` (the Y iterate), through one batch of forward FFTs. */
function dataFidelityOf(state: SolverState, v: Float32Array): number {
  const { problem, fft } = state;
  fft.forward(v, state.spectrum, problem.atoms);
  return spectralDataFidelity(
    state.dictionary,
    state.spectrum,
    state.imageSpectrum,
    problem.atoms,
    problem.height,
    problem.width,
    state.accumulator,
  );
}

/** Throws `NumericalError` when an iterate or ρ stopped being finite. */
function checkFinite(sums: StepSums, rho: number, iteration: number): void {
  if (Number.isFinite(sums.xSquared) && Number.isFinite(sums.ySquared) && Number.isFinite(sums.uSquared) && Number.isFinite(rho)) {
    return;
  }
  throw divergenceError(sums, rho, iteration);
}

/** Writes a − b into `out`. */
function subtract(a: Float32Array, b: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i] - b[i];
}

/** Divides every element of `values` by `divisor`, in place. */
function divide(values: Float32Array, divisor: number): void {
  for (let i = 0; i < values.length; i++) values[i] /= divisor;
}

async function yieldToEventLoop(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw new CancelledError('CBPDN solve cancelled');
}

/** Reconstruction Σ_k d_k * y_k and the objective terms at y. */
function finalStatistics(state: SolverState): { reconstruction: Float32Array; final: CodeStatistics } {
  const { problem, fft, y, weights } = state;
  const { atoms, height, width } = problem;
  const frequencies = fft.height * fft.halfWidth;
  fft.forward(y, state.spectrum, atoms);

  // R(f) = Σ_k D_k(f) Y_k(f), summed in float64.
  const sum = state.accumulator;
  sum.fill(0);
  for (let k = 0; k < atoms; k++) {
    const offset = k * 2 * frequencies;
    for (let f = 0; f < frequencies; f++) {
      const i = offset + 2 * f;
      const dr = state.dictionary.spectra[i];
      const di = state.dictionary.spectra[i + 1];
      sum[2 * f] += dr * state.spectrum[i] - di * state.spectrum[i + 1];
      sum[2 * f + 1] += dr * state.spectrum[i + 1] + di * state.spectrum[i];
    }
  }
  const reconstruction = new Float32Array(height * width);
  fft.inverse(Float32Array.from(sum), reconstruction, 1);

  return { reconstruction, final: computeCodeStatistics(problem.image, reconstruction, y, weights, state.options.lambda) };
}

/**
 * Solves one CBPDN problem by ADMM, starting from x = y = u = 0. Each
 * iteration runs, in SPORCO's order: X step, relaxation, Y step, U step,
 * residuals, statistics, penalty update, stopping test.
 */
export async function solveCbpdnReference(
  problem: CbpdnProblem,
  options: CbpdnOptions,
  control: SolveControl = {},
): Promise<CbpdnSolution> {
  const start = performance.now();
  if (control.signal?.aborted) throw new CancelledError('CBPDN solve cancelled before it started');
  const state = await createState(problem, options);
  try {
    return await iterate(state, control, start);
  } finally {
    state.fft.dispose();
  }
}

async function iterate(state: SolverState, control: SolveControl, start: number): Promise<CbpdnSolution> {
  const { problem, options, fft, x, y, u, scratch, spectrum } = state;
  const { atoms } = problem;
  const count = x.length;
  const schedule: PenaltySchedule = { ...options.autoRho, residualTarget: residualTarget(options) };
  const history: IterationStats[] = [];
  let rho = Math.fround(initialRho(options));
  let lastYield = performance.now();
  let converged = false;
  let iterationCount = 0;
  let primalResidual = Number.NaN;
  let dualResidual = Number.NaN;

  for (let k = 0; k < options.maxIterations; k++) {
    // X step: Sherman–Morrison solve at each frequency, with b = DᴴS + ρ·FFT(y − u).
    subtract(y, u, scratch);
    fft.forward(scratch, spectrum, atoms);
    solveXStep(state.dictionary, state.dictionaryTimesImage, spectrum, rho, atoms, state.accumulator);

    // Data fidelity at X, from its spectrum before the inverse transform overwrites it.
    const evaluateAtX = options.statistics && !options.objectiveOnY;
    const fidelityAtX = evaluateAtX
      ? spectralDataFidelity(state.dictionary, spectrum, state.imageSpectrum, atoms, problem.height, problem.width, state.accumulator)
      : Number.NaN;
    fft.inverse(spectrum, x, atoms);

    // Relaxation, Y step (soft thresholding at λ w_k / ρ) and U step, in one pass.
    const rhoUsed = rho;
    const sums = relaxShrinkAndUpdateDual(x, y, u, state.weights, options.lambda, rho, options.relaxation, options.nonNegative);
    checkFinite(sums, rho, k + 1);

    // Residuals and stopping thresholds.
    const residuals = computeResiduals(
      sums,
      rho,
      count,
      options.tolerance,
      options.absoluteTolerance,
      options.autoRho.standardResiduals,
    );
    primalResidual = residuals.primal;
    dualResidual = residuals.dual;

    // Iteration statistics, at X (SPORCO's default) or at Y.
    if (options.statistics) {
      const dataFidelity = options.objectiveOnY ? dataFidelityOf(state, y) : fidelityAtX;
      const l1 = options.objectiveOnY ? sums.l1OfY : sums.l1OfX;
      history.push(
        recordIteration(
          { iteration: k + 1, dataFidelity, l1, lambda: options.lambda, residuals, rho: rhoUsed, start },
          control.logger,
        ),
      );
    }

    // Penalty update by residual balancing; u is rescaled so that ρu is unchanged.
    const factor = penaltyFactor(schedule, k, residuals.primal, residuals.dual);
    if (factor !== 1) {
      rho = Math.fround(rho * factor);
      divide(u, factor);
    }

    // Stopping test on the residuals of this iteration.
    iterationCount = k + 1;
    if (residuals.primal < residuals.primalThreshold && residuals.dual < residuals.dualThreshold) {
      converged = true;
      break;
    }

    if (performance.now() - lastYield >= YIELD_INTERVAL_MS) {
      await yieldToEventLoop(control.signal);
      lastYield = performance.now();
    }
  }

  const { reconstruction, final } = finalStatistics(state);
  return {
    coefficients: y,
    reconstruction,
    iterations: history,
    iterationCount,
    converged,
    final,
    primalResidual,
    dualResidual,
    seconds: (performance.now() - start) / 1000,
    backend: CPU_REFERENCE_ID,
  };
}

const CPU_REFERENCE_ID = 'cpu-reference';

/** The reference CPU backend; always available. */
export const cpuReferenceBackend: CbpdnBackend = {
  id: CPU_REFERENCE_ID,
  description: 'ADMM in the order of SPORCO ConvBPDN, float32 buffers and float64 sums, FFTs from @heterosparse/fft',
  priority: 0,
  isAvailable: async () => true,
  solve: solveCbpdnReference,
};
