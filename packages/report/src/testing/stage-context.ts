import type { LogRecord, StageContext } from '@heterosparse/core';
import { createLogger } from '@heterosparse/core';

/** A stage context for tests that keeps written files, results and log records in memory. */
export interface RecordingContext extends StageContext {
  readonly files: Map<string, Uint8Array | string>;
  readonly results: Map<string, unknown>;
  readonly logs: LogRecord[];
}

/** Creates a `RecordingContext` with the given resolved pipeline; `signal` lets a test cancel the stage. */
export function createRecordingContext(options: { pipeline?: Record<string, unknown>; signal?: AbortSignal } = {}): RecordingContext {
  const files = new Map<string, Uint8Array | string>();
  const results = new Map<string, unknown>();
  const logs: LogRecord[] = [];
  return {
    stageId: 'report',
    runDir: '/nonexistent-run-dir',
    seed: 1,
    logger: createLogger((record) => logs.push(record), 'debug', 'report'),
    signal: options.signal ?? new AbortController().signal,
    progress: () => undefined,
    writeFile: async (relativePath, data) => {
      files.set(relativePath, data);
      return `/nonexistent-run-dir/${relativePath}`;
    },
    setResult: (key, value) => results.set(key, value),
    pipeline: options.pipeline ?? {},
    files,
    results,
    logs,
  };
}
