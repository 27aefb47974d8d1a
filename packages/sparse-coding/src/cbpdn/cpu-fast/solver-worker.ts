/**
 * Body of one solver worker thread. It waits for a setup message, creates
 * (or reuses) its FFT plan, then runs phases on request until the main thread
 * releases it at the end of the solve.
 */
import { parentPort } from 'node:worker_threads';

import { createUnorderedRealFft2d, type FftBackendId, type UnorderedRealFft2d } from '@heterosparse/fft';

import { createAtomEngine, type AtomEngine } from './atom-engine.ts';
import { runPhase } from './run-phase.ts';
import { viewSharedBuffers } from './shared-buffers.ts';
import { CONTROL, PHASE, type Phase, type SetupMessage, type SetupReply } from './thread-protocol.ts';

let plan: { key: string; fft: UnorderedRealFft2d } | undefined;

async function planFor(backend: string, height: number, width: number): Promise<UnorderedRealFft2d> {
  const key = `${backend} ${height}x${width}`;
  if (plan?.key === key) return plan.fft;
  plan?.fft.dispose();
  plan = undefined;
  const fft = await createUnorderedRealFft2d(height, width, { backend: backend as FftBackendId });
  plan = { key, fft };
  return fft;
}

/** Blocks on the control array and runs phases until `PHASE.release`. */
function serve(message: SetupMessage, engine: AtomEngine, generation: number): void {
  const control = new Int32Array(message.controlBuffers.control);
  const params = new Float64Array(message.controlBuffers.params);
  const errorText = new Uint8Array(message.controlBuffers.errorText);
  let seen = generation;
  for (;;) {
    Atomics.wait(control, CONTROL.generation, seen);
    seen = Atomics.load(control, CONTROL.generation);
    const phase = Atomics.load(control, CONTROL.phase) as Phase;
    if (phase !== PHASE.release) {
      try {
        runPhase(phase, engine, params);
      } catch (error) {
        const text = `worker ${message.thread}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
        errorText.fill(0);
        new TextEncoder().encodeInto(text, errorText);
        Atomics.store(control, CONTROL.failed, 1);
      }
    }
    Atomics.add(control, CONTROL.done, 1);
    Atomics.notify(control, CONTROL.done);
    if (phase === PHASE.release) {
      engine.dispose();
      return;
    }
  }
}

const port = parentPort;
if (port === null) throw new Error('solver-worker.ts must run in a worker thread');
port.on('message', (message: SetupMessage) => {
  const { height, width } = message.buffers.shape;
  const engineReady = planFor(message.fftBackend, height, width).then((fft) =>
    createAtomEngine(viewSharedBuffers(message.buffers), fft, message.thread),
  );
  engineReady.then(
    (engine) => {
      // Read the generation before replying, because the main thread may start a phase as soon as it receives the reply.
      const generation = Atomics.load(new Int32Array(message.controlBuffers.control), CONTROL.generation);
      const reply: SetupReply = { type: 'ready' };
      port.postMessage(reply);
      serve(message, engine, generation);
    },
    (error: unknown) => {
      const reply: SetupReply = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    },
  );
});
