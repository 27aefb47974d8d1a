import { createLogger, type LogRecord, type StageContext } from '@heterosparse/core';

/** A stage context for tests that keeps written files, progress events and log records in memory. */
export interface RecordingContext extends StageContext {
  readonly files: Map<string, Uint8Array | string>;
  readonly logs: LogRecord[];
  readonly progressEvents: { done: number; total?: number; message?: string }[];
}

/** Creates a `RecordingContext`; `signal` lets a test cancel the stage. */
export function createRecordingContext(signal: AbortSignal = new AbortController().signal): RecordingContext {
  const files = new Map<string, Uint8Array | string>();
  const logs: LogRecord[] = [];
  const progressEvents: RecordingContext['progressEvents'] = [];
  return {
    stageId: 'code',
    runDir: '/nonexistent-run-dir',
    seed: 1,
    logger: createLogger((record) => logs.push(record), 'debug', 'code'),
    signal,
    progress: (event) => progressEvents.push(event),
    writeFile: async (relativePath, data) => {
      files.set(relativePath, data);
      return `/nonexistent-run-dir/${relativePath}`;
    },
    setResult: () => undefined,
    pipeline: {},
    files,
    logs,
    progressEvents,
  };
}
