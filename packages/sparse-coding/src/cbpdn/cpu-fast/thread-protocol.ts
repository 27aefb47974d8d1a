/**
 * The shared control block between the main thread and the solver workers.
 * The main thread writes a phase and its parameters, bumps `generation` and
 * wakes the workers. Each worker runs its share, bumps `done` and wakes the
 * main thread. A worker whose phase throws writes the message into
 * `errorText` and still bumps `done`, so the main thread does not wait for
 * it. A worker that dies outright is caught by the phase timeout instead.
 */

/** Indices into the Int32 control array. */
export const CONTROL = {
  generation: 0,
  phase: 1,
  done: 2,
  failed: 3,
} as const;
export const CONTROL_LENGTH = 4;

/** Phases a worker can run. */
export const PHASE = {
  transformKernels: 1,
  transformResiduals: 2,
  iterateAtoms: 3,
  sumDictionaryProducts: 4,
  exportCoefficients: 6,
  /** Leave the blocking loop and return to the worker's event loop (end of a solve). */
  release: 5,
} as const;
export type Phase = (typeof PHASE)[keyof typeof PHASE];

/** Indices into the Float64 parameter array. */
export const PARAM = {
  rho: 0,
  penaltyFactor: 1,
  alpha: 2,
  lambda: 3,
  nonNegative: 4,
  transformNext: 5,
} as const;
export const PARAM_LENGTH = 6;

/** Bytes kept for a worker's error message. */
export const ERROR_TEXT_BYTES = 4096;

/** The shared memory of the control block, as posted to workers. */
export interface ControlBuffers {
  readonly control: SharedArrayBuffer;
  readonly params: SharedArrayBuffer;
  readonly errorText: SharedArrayBuffer;
}

export function allocateControlBuffers(): ControlBuffers {
  return {
    control: new SharedArrayBuffer(4 * CONTROL_LENGTH),
    params: new SharedArrayBuffer(8 * PARAM_LENGTH),
    errorText: new SharedArrayBuffer(ERROR_TEXT_BYTES),
  };
}

/** Message the main thread posts to a worker at the start of a solve. */
export interface SetupMessage {
  readonly type: 'setup';
  readonly thread: number;
  /** FFT backend id every thread must use, so all spectra share one layout. */
  readonly fftBackend: string;
  readonly buffers: import('./shared-buffers.ts').SharedBuffers;
  readonly controlBuffers: ControlBuffers;
}

/** Reply of a worker to a setup message. */
export type SetupReply = { readonly type: 'ready' } | { readonly type: 'failed'; readonly message: string };
