import type { LogRecord, ProgressEvent, StageContext } from '@heterosparse/core';
import { createLogger } from '@heterosparse/core';

/** A stage context for tests that keeps written files, results, progress and log records in memory. */
export interface RecordingContext extends StageContext {
  readonly files: Map<string, Uint8Array | string>;
  readonly results: Map<string, unknown>;
  readonly progressEvents: Omit<ProgressEvent, 'stageId'>[];
  readonly logs: LogRecord[];
}

/** Settings of `createRecordingContext`; each has a fixed default. */
export interface RecordingContextOptions {
  /** Stage id, also the logger's source (default `test-stage`). */
  readonly stageId?: string;
  /** Stage seed (default 1). */
  readonly seed?: number;
  /** Lets a test cancel the stage. */
  readonly signal?: AbortSignal;
  /** The resolved pipeline a report would show (default `{}`). */
  readonly pipeline?: Record<string, unknown>;
}

/** Creates a `RecordingContext` whose `writeFile` stores files in memory instead of a run directory. */
export function createRecordingContext(options: RecordingContextOptions = {}): RecordingContext {
  const stageId = options.stageId ?? 'test-stage';
  const files = new Map<string, Uint8Array | string>();
  const results = new Map<string, unknown>();
  const progressEvents: RecordingContext['progressEvents'] = [];
  const logs: LogRecord[] = [];
  return {
    stageId,
    runDir: '/nonexistent-run-dir',
    seed: options.seed ?? 1,
    logger: createLogger((record) => logs.push(record), 'debug', stageId),
    signal: options.signal ?? new AbortController().signal,
    progress: (event) => progressEvents.push(event),
    writeFile: async (relativePath, data) => {
      files.set(relativePath, data);
      return `/nonexistent-run-dir/${relativePath}`;
    },
    setResult: (key, value) => results.set(key, value),
    pipeline: options.pipeline ?? {},
    files,
    results,
    progressEvents,
    logs,
  };
}
