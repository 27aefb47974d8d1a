/**
 * A fixed team of solver threads: the main thread plus `threads − 1` worker
 * threads, created once and reused for every solve. Workers are unreferenced,
 * so an idle team does not keep the process alive; `dispose` terminates them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import { runPhase } from './run-phase.ts';
import type { AtomEngine } from './atom-engine.ts';
import type { SharedBuffers } from './shared-buffers.ts';
import {
  allocateControlBuffers,
  CONTROL,
  PHASE,
  type ControlBuffers,
  type Phase,
  type SetupMessage,
  type SetupReply,
} from './thread-protocol.ts';

/** Maximum wait, in milliseconds, for the workers to finish one phase before the solve fails. */
const PHASE_TIMEOUT_MS = 120_000;

/**
 * Node options of the parent that a worker must not inherit: the code of
 * `--eval` / `--print` (with `--input-type`) belongs to the parent process.
 */
function workerExecArgv(): string[] {
  const kept: string[] = [];
  const parentArgv = process.execArgv;
  for (let i = 0; i < parentArgv.length; i++) {
    const argument = parentArgv[i];
    if (['--eval', '-e', '--print', '-p'].includes(argument)) {
      i++;
      continue;
    }
    if (argument.startsWith('--eval=') || argument.startsWith('--print=') || argument.startsWith('--input-type')) continue;
    kept.push(argument);
  }
  return kept;
}

/** Default team size: one thread per core the runtime reports. */
export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism());
}

export class ThreadTeam {
  private readonly workers: Worker[] = [];
  private readonly controlBuffers: ControlBuffers = allocateControlBuffers();
  private readonly control = new Int32Array(this.controlBuffers.control);
  private readonly errorText = new Uint8Array(this.controlBuffers.errorText);
  /** Parameters of the next phase, read by every thread. */
  readonly params = new Float64Array(this.controlBuffers.params);
  private disposed = false;

  /** @param threads team size including the main thread (≥ 1) */
  constructor(readonly threads: number) {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`thread count must be an integer ≥ 1, got ${threads}`);
    for (let t = 1; t < threads; t++) {
      const worker = new Worker(new URL('./solver-worker.mjs', import.meta.url), { execArgv: workerExecArgv() });
      worker.unref();
      this.workers.push(worker);
    }
  }

  /**
   * Hands the shared buffers of a new solve to every worker and waits until
   * each has its FFT plan. Rejects when a worker fails to set up or exits.
   */
  async start(buffers: SharedBuffers, fftBackend: string): Promise<void> {
    if (this.disposed) throw new Error('the CBPDN thread team was disposed');
    Atomics.store(this.control, CONTROL.failed, 0);
    await Promise.all(
      this.workers.map(
        (worker, index) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (reply: SetupReply): void => {
              cleanup();
              if (reply.type === 'ready') resolve();
              else reject(new Error(`CBPDN worker ${index + 1} could not set up: ${reply.message}`));
            };
            const onError = (error: Error): void => {
              cleanup();
              reject(error);
            };
            const onExit = (code: number): void => {
              cleanup();
              reject(new Error(`CBPDN worker ${index + 1} exited with code ${code} during setup`));
            };
            const cleanup = (): void => {
              worker.off('message', onMessage);
              worker.off('error', onError);
              worker.off('exit', onExit);
            };
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            const message: SetupMessage = {
              type: 'setup',
              thread: index + 1,
              fftBackend,
              buffers,
              controlBuffers: this.controlBuffers,
            };
            worker.postMessage(message);
          }),
      ),
    );
  }

  /**
   * Runs `phase` on every thread with the current `params`: the workers take
   * threads 1 … n − 1, this thread takes thread 0, and the call returns when
   * all are done. Blocks the event loop for the length of the phase.
   */
  run(phase: Phase, engine: AtomEngine): void {
    const { control } = this;
    Atomics.store(control, CONTROL.phase, phase);
    Atomics.store(control, CONTROL.done, 0);
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
    let ownError: unknown;
    if (phase !== PHASE.release) {
      try {
        runPhase(phase, engine, this.params);
      } catch (error) {
        ownError = error;
      }
    }
    this.waitForWorkers();
    if (ownError !== undefined) throw ownError;
    if (Atomics.load(control, CONTROL.failed) !== 0) {
      const end = this.errorText.indexOf(0);
      const text = new TextDecoder().decode(this.errorText.slice(0, end < 0 ? this.errorText.length : end));
      throw new Error(`a CBPDN worker failed: ${text}`);
    }
  }

  /** Ends the current solve: workers return to their event loops, ready for the next `start`. */
  release(engine: AtomEngine): void {
    if (this.workers.length > 0) this.run(PHASE.release, engine);
  }

  private waitForWorkers(): void {
    const { control } = this;
    const expected = this.workers.length;
    const deadline = performance.now() + PHASE_TIMEOUT_MS;
    for (;;) {
      const done = Atomics.load(control, CONTROL.done);
      if (done >= expected) return;
      if (performance.now() > deadline) {
        throw new Error(`CBPDN workers did not finish a phase within ${PHASE_TIMEOUT_MS / 1000} s (${done} of ${expected} done)`);
      }
      Atomics.wait(control, CONTROL.done, done, 1000);
    }
  }

  /** Terminates the workers. The team cannot be used afterwards. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
  }
}
