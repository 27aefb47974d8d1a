/**
 * The contract every CBPDN implementation fulfils, and the registry that
 * `solveCbpdn` dispatches through. A backend receives a validated problem and
 * complete options; the conformance specs (`conformance.ts`) check each
 * registered backend against the SPORCO reference numbers.
 */
import { InvalidInputError, type IterationStats, type Logger } from '@heterosparse/core';

import type { CbpdnOptions } from './options.ts';

/** One image and one dictionary, already validated (`validateCbpdnProblem`). */
export interface CbpdnProblem {
  /** The image s, shape `[height, width]`. */
  readonly image: Float32Array;
  readonly height: number;
  readonly width: number;
  /** Kernels d_k, shape `[kernelHeight, kernelWidth, atoms]` (the layout of `DictionaryItem.data`). */
  readonly dictionary: Float32Array;
  readonly kernelHeight: number;
  readonly kernelWidth: number;
  /** Number of atoms K. */
  readonly atoms: number;
}

/** Terms of the objective at the returned coefficients, accumulated in float64. */
export interface CodeStatistics {
  /** ½‖Σ_k d_k * x_k − s‖² + λ Σ_k w_k ‖x_k‖₁. */
  readonly objective: number;
  /** ½‖Σ_k d_k * x_k − s‖². */
  readonly dataFidelity: number;
  /** Σ_k w_k ‖x_k‖₁ (without λ). */
  readonly l1: number;
  /** Number of coefficients that are not exactly zero. */
  readonly nonzeros: number;
}

/** The result of one solve. */
export interface CbpdnSolution {
  /** The sparse iterate y (SPORCO's returned variable), shape `[atoms, height, width]`. */
  readonly coefficients: Float32Array;
  /** Σ_k d_k * y_k with periodic boundaries, shape `[height, width]`. */
  readonly reconstruction: Float32Array;
  /** One record per iteration when `options.statistics` is true, else empty. */
  readonly iterations: readonly IterationStats[];
  /** Number of iterations run. */
  readonly iterationCount: number;
  /** True when both residuals fell below their thresholds before `maxIterations`. */
  readonly converged: boolean;
  /** Objective terms at `coefficients`. */
  readonly final: CodeStatistics;
  /** Primal and dual residuals of the last iteration. */
  readonly primalResidual: number;
  readonly dualResidual: number;
  /** Wall time of the solve in seconds. */
  readonly seconds: number;
  /** Id of the backend that ran the solve. */
  readonly backend: string;
}

/** Cancellation and logging for one solve. */
export interface SolveControl {
  /** Aborting it makes the solve reject with `CancelledError` at the next yield to the event loop. */
  readonly signal?: AbortSignal;
  /** Receives debug lines (one per iteration at debug level). */
  readonly logger?: Logger;
}

/** One implementation of the solver (reference CPU, fast CPU, GPU, ...). */
export interface CbpdnBackend {
  /** Short kebab-case id (`cpu-reference`). */
  readonly id: string;
  /** One sentence for `--help` and logs. */
  readonly description: string;
  /**
   * Preference of `auto`: among available backends the highest wins.
   * The reference CPU backend has 0; faster backends use larger numbers.
   */
  readonly priority: number;
  /** Whether the backend can run here (its WebAssembly module loads, a GPU is present, ...). */
  isAvailable(): Promise<boolean>;
  /** Solves one problem. Rejects with `NumericalError` when an iterate stops being finite. */
  solve(problem: CbpdnProblem, options: CbpdnOptions, control?: SolveControl): Promise<CbpdnSolution>;
}

/** A set of backends keyed by id. */
export class CbpdnBackendRegistry {
  readonly #backends = new Map<string, CbpdnBackend>();

  /** Adds a backend; a second backend with the same id is an error. */
  register(backend: CbpdnBackend): this {
    if (backend.id === 'auto') {
      throw new InvalidInputError('a CBPDN backend cannot be named "auto": that id selects the fastest available backend');
    }
    if (this.#backends.has(backend.id)) {
      throw new InvalidInputError(`CBPDN backend "${backend.id}" is already registered; give the second one another id`);
    }
    this.#backends.set(backend.id, backend);
    return this;
  }

  get(id: string): CbpdnBackend | undefined {
    return this.#backends.get(id);
  }

  /** Returns all backends, highest priority first. */
  list(): CbpdnBackend[] {
    return [...this.#backends.values()].sort((a, b) => b.priority - a.priority);
  }

  /**
   * Returns the backend named `id`, or for `auto` the available backend with
   * the highest priority. Throws `InvalidInputError` for an unknown id, and
   * for a known backend that is not available here.
   */
  async select(id: string): Promise<CbpdnBackend> {
    if (id === 'auto') {
      for (const backend of this.list()) {
        if (await backend.isAvailable()) return backend;
      }
      throw new InvalidInputError('no CBPDN backend is available; register at least the cpu-reference backend');
    }
    const backend = this.#backends.get(id);
    if (backend === undefined) {
      const known = ['auto', ...this.list().map((b) => b.id)].join(', ');
      throw new InvalidInputError(`unknown CBPDN backend "${id}"; known backends: ${known}`);
    }
    if (!(await backend.isAvailable())) {
      throw new InvalidInputError(`CBPDN backend "${id}" is not available on this machine; use "auto" or cpu-reference`);
    }
    return backend;
  }
}
