import type { LogRecord, StageContext } from '@heterosparse/core';
import { createLogger } from '@heterosparse/core';

/** A stage context for tests that keeps written files, results, progress and log records in memory. */
export interface RecordingContext extends StageContext {
  readonly files: Map<string, Uint8Array | string>;
  readonly results: Map<string, unknown>;
  readonly logs: LogRecord[];
  readonly progressEvents: { done: number; total?: number; message?: string }[];
}

/** Creates a `RecordingContext`; `signal` lets a test cancel the stage. */
export function createRecordingContext(options: { signal?: AbortSignal } = {}): RecordingContext {
  const files = new Map<string, Uint8Array | string>();
  const results = new Map<string, unknown>();
  const logs: LogRecord[] = [];
  const progressEvents: RecordingContext['progressEvents'] = [];
  return {
    stageId: 'test-stage',
    runDir: '/nonexistent-run-dir',
    seed: 1,
    logger: createLogger((record) => logs.push(record), 'debug', 'test-stage'),
    signal: options.signal ?? new AbortController().signal,
    progress: (event) => progressEvents.push(event),
    writeFile: async (relativePath, data) => {
      files.set(relativePath, data);
      return `/nonexistent-run-dir/${relativePath}`;
    },
    setResult: (key, value) => results.set(key, value),
    pipeline: {},
    files,
    results,
    logs,
    progressEvents,
  };
}
