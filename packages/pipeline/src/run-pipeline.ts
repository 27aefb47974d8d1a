import { join } from 'node:path';
import { map, tap, type Observable, type Subscription } from 'rxjs';

import {
  CancelledError,
  InvalidInputError,
  StageError,
  createLogger,
  formatLogRecord,
  writeFileAtomic,
  type LogRecord,
  type PluginRegistry,
  type ProgressEvent,
} from '@heterosparse/core';

import { executeStages, type ExecutableStage } from './execute-stages.ts';
import { inputIds, type PipelineSpec } from './pipeline-spec.ts';
import { RUN_FILES, prepareRunDirectory } from './run-directory.ts';
import { RUN_RESULT_KEY, createStageContext, type RunState } from './stage-context.ts';
import { topologicalOrder } from './stage-graph.ts';

export interface RunOptions {
  /** Directory of this run; created if missing, and it must be empty. */
  readonly runDir: string;
  /** Aborting it cancels the run. */
  readonly signal?: AbortSignal;
  /** Receives every log record (debug and up) as it happens; `run.log` gets them too. */
  readonly onLog?: (record: LogRecord) => void;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Clock in milliseconds for the times in `results.json` and `run.log`; tests pass a fake one. Default `performance.now`. */
  readonly now?: () => number;
}

export type RunStatus = 'completed' | 'failed' | 'cancelled';

/**
 * Per-stage record in `results.json` under `run.stages`. Times are in
 * seconds. A stage is active from its start to its completion, where its
 * start is its first input item (or its subscription for a stage without
 * connected inputs). Active spans of stages overlap, because stages stream
 * items to each other.
 */
export interface StageRecord {
  readonly plugin: string;
  /** Items the stage emitted. */
  items: number;
  /** Offset from the start of the run to the stage's start; null when it never started. */
  startedAt: number | null;
  /** Offset from the start of the run to the stage's completion; null when it did not complete. */
  finishedAt: number | null;
  /** Active duration, `finishedAt − startedAt`; null when it did not complete. */
  seconds: number | null;
}

/** Result of a completed run: its directory and the content of `results.json`. */
export interface RunResult {
  readonly runDir: string;
  readonly results: Readonly<Record<string, unknown>>;
}

/**
 * Runs a validated pipeline (the output of `validatePipeline`) into `runDir`.
 *
 * Writes `pipeline.json` (the resolved pipeline) first, then runs every
 * stage, then writes `results.json` and `run.log`, all atomically. The two
 * last files are written even when the run fails or is cancelled, with
 * `run.status` saying which. Before it returns or throws, the runtime waits
 * for the stages' file writes already in progress, so that no temporary
 * file is left behind.
 *
 * Throws `StageError` naming the failing stage, or `CancelledError` when
 * `signal` aborts.
 */
export async function runPipeline(pipeline: PipelineSpec, registry: PluginRegistry, options: RunOptions): Promise<RunResult> {
  if (options.signal?.aborted === true) throw new CancelledError();
  const { runDir } = options;
  await prepareRunDirectory(runDir);
  await writeFileAtomic(join(runDir, RUN_FILES.pipeline), `${JSON.stringify(pipeline, null, 2)}\n`);

  const logLines: string[] = [];
  const logger = createLogger(
    (record) => {
      logLines.push(formatLogRecord(record));
      options.onLog?.(record);
    },
    'debug',
  );
  const controller = new AbortController();
  const state: RunState = {
    runDir,
    seed: pipeline.seed,
    logger,
    signal: controller.signal,
    pipeline: pipeline as unknown as Record<string, unknown>,
    results: new Map(),
    resultOwners: new Map(),
    pendingWrites: new Set(),
    onProgress: (event) => options.onProgress?.(event),
  };
  const now = options.now ?? (() => performance.now());
  const started = new Date();
  const startedClock = now();
  const elapsed = (): number => (now() - startedClock) / 1000;
  const records = new Map<string, StageRecord>();
  const markStarted = (stageId: string): void => {
    const record = records.get(stageId) as StageRecord;
    record.startedAt ??= elapsed();
  };
  const stages = buildStages(pipeline, registry, state, markStarted);
  for (const stage of stages) {
    records.set(stage.id, { plugin: pipeline.stages[stage.id].plugin, items: 0, startedAt: null, finishedAt: null, seconds: null });
  }
  logger.info(`run of pipeline "${pipeline.name}" started in ${runDir} with ${stages.length} stages, seed ${pipeline.seed}`);

  let failure: unknown;
  try {
    await new Promise<void>((resolve, reject) => {
      let subscription: Subscription | undefined;
      const cancel = (): void => {
        subscription?.unsubscribe();
        controller.abort();
        reject(new CancelledError());
      };
      options.signal?.addEventListener('abort', cancel, { once: true });
      subscription = executeStages(stages).subscribe({
        next: (event) => {
          const record = records.get(event.stageId) as StageRecord;
          if (event.type === 'item') {
            record.items += 1;
          } else {
            // A stage that received no input item starts when it completes.
            record.finishedAt = elapsed();
            record.startedAt ??= record.finishedAt;
            record.seconds = record.finishedAt - record.startedAt;
            logger.info(
              `stage "${event.stageId}" completed ${record.finishedAt.toFixed(1)} s after the run started: ` +
                `${record.items} items, active for ${record.seconds.toFixed(1)} s`,
            );
          }
        },
        error: reject,
        complete: resolve,
      });
      // A graph that finished synchronously needs no abort listener; remove it in every case.
      subscription.add(() => options.signal?.removeEventListener('abort', cancel));
      if (options.signal?.aborted === true) cancel();
    });
  } catch (error) {
    failure = error;
  }

  // Stop stages still working (after a failure or a cancel), then let started writes finish.
  controller.abort();
  await Promise.allSettled([...state.pendingWrites]);

  const status: RunStatus = failure === undefined ? 'completed' : isCancellation(failure) ? 'cancelled' : 'failed';
  if (status === 'cancelled') logger.warn('run cancelled; files already written are complete and kept');
  else if (failure !== undefined) logger.error((failure as Error).message);
  logger.info(`run ${status} after ${elapsed().toFixed(1)} s`);

  const results: Record<string, unknown> = {
    [RUN_RESULT_KEY]: {
      pipeline: pipeline.name,
      seed: pipeline.seed,
      // Plugins resolve relative paths in their options (`path.resolve`) against this directory.
      cwd: process.cwd(),
      status,
      started: started.toISOString(),
      finished: new Date().toISOString(),
      seconds: elapsed(),
      stages: Object.fromEntries(records),
      ...(failure === undefined ? {} : { error: describeFailure(failure) }),
    },
    ...Object.fromEntries(state.results),
  };
  await writeFileAtomic(join(runDir, RUN_FILES.results), `${JSON.stringify(results, null, 2)}\n`);
  await writeFileAtomic(join(runDir, RUN_FILES.log), `${logLines.join('\n')}\n`);

  if (failure !== undefined) throw failure;
  return { runDir, results };
}

/** Builds the executable stages; `markStarted(id)` is called on each input item, and on subscription of a stage without connected inputs. */
function buildStages(
  pipeline: PipelineSpec,
  registry: PluginRegistry,
  state: RunState,
  markStarted: (stageId: string) => void,
): ExecutableStage[] {
  const upstream = new Map(
    Object.entries(pipeline.stages).map(([id, stage]) => [id, Object.values(stage.inputs).flatMap(inputIds)]),
  );
  return topologicalOrder(upstream).map((id) => {
    const spec = pipeline.stages[id];
    const plugin = registry.get(spec.plugin);
    if (plugin === undefined) {
      throw new InvalidInputError(`stage "${id}" uses the unknown plugin "${spec.plugin}"; validate the pipeline before running it`);
    }
    const inputs = Object.fromEntries(
      Object.keys(plugin.inputs).map((port) => {
        const entry = spec.inputs[port];
        return [port, entry === undefined ? [] : inputIds(entry)];
      }),
    );
    const context = createStageContext(id, state);
    const connected = Object.values(inputs).some((ids) => ids.length > 0);
    return {
      id,
      inputs,
      // The plugin is created on subscribe, so an error in `create` becomes a StageError of this stage.
      run: (streams) => {
        if (!connected) markStarted(id);
        const timed = Object.fromEntries(
          Object.entries(streams).map(([port, stream]): [string, Observable<unknown>] => [port, stream.pipe(tap(() => markStarted(id)))]),
        );
        return plugin.create(spec.options, context)(timed).pipe(
          map((item) => {
            const kind = (item as { kind?: unknown } | null)?.kind;
            if (kind !== plugin.output) {
              throw new InvalidInputError(
                `plugin "${plugin.id}" declares output kind "${plugin.output}" but emitted an item of kind "${String(kind)}"`,
              );
            }
            return item;
          }),
        );
      },
    };
  });
}

function describeFailure(failure: unknown): Record<string, unknown> {
  const message = failure instanceof Error ? failure.message : String(failure);
  return failure instanceof StageError ? { stage: failure.stageId, message } : { message };
}

/** Returns true for a cancel, and for a stage that stopped because it saw the run's signal aborted. */
function isCancellation(failure: unknown): boolean {
  return failure instanceof CancelledError || (failure instanceof StageError && failure.cause instanceof CancelledError);
}
