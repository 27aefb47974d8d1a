import { isAbsolute, join, normalize, sep } from 'node:path';

import {
  CancelledError,
  InvalidInputError,
  deriveSeed,
  writeFileAtomic,
  type Logger,
  type ProgressEvent,
  type StageContext,
} from '@heterosparse/core';

import { RUN_FILES } from './run-directory.ts';

/** State a run shares between the contexts of its stages. */
export interface RunState {
  readonly runDir: string;
  readonly seed: number;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  readonly pipeline: Readonly<Record<string, unknown>>;
  /** `results.json` content set so far, key → value. */
  readonly results: Map<string, unknown>;
  /** Result key → id of the stage that set it. */
  readonly resultOwners: Map<string, string>;
  /** Writes not yet finished; the run waits for them before it reports its end. */
  readonly pendingWrites: Set<Promise<unknown>>;
  readonly onProgress: (event: ProgressEvent) => void;
}

const RESERVED_NAMES = new Set<string>(Object.values(RUN_FILES));

/** Top-level key of `results.json` that the runtime fills itself. */
export const RUN_RESULT_KEY = 'run';

/** Creates the context the runtime passes to a stage's plugin. */
export function createStageContext(stageId: string, state: RunState): StageContext {
  return {
    stageId,
    runDir: state.runDir,
    seed: deriveSeed(state.seed, stageId),
    logger: state.logger.child(stageId),
    signal: state.signal,
    pipeline: state.pipeline,
    progress: (event) => state.onProgress({ ...event, stageId }),
    writeFile: (relativePath, data) => {
      let path: string;
      try {
        path = resolveInRunDir(stageId, state.runDir, relativePath);
      } catch (error) {
        return Promise.reject(error);
      }
      if (state.signal.aborted) {
        return Promise.reject(new CancelledError(`run cancelled before stage "${stageId}" wrote ${relativePath}`));
      }
      const write = writeFileAtomic(path, data).then(() => path);
      state.pendingWrites.add(write);
      const forget = (): void => void state.pendingWrites.delete(write);
      write.then(forget, forget);
      return write;
    },
    setResult: (key, value) => {
      if (key === RUN_RESULT_KEY) {
        throw new InvalidInputError(`stage "${stageId}" cannot set the result key "${RUN_RESULT_KEY}", which the runtime fills; choose another key`);
      }
      const owner = state.resultOwners.get(key);
      if (owner !== undefined && owner !== stageId) {
        throw new InvalidInputError(`stage "${stageId}" cannot set the result key "${key}", which stage "${owner}" set; choose another key`);
      }
      state.results.set(key, toJson(stageId, key, value));
      state.resultOwners.set(key, stageId);
    },
  };
}

function resolveInRunDir(stageId: string, runDir: string, relativePath: string): string {
  const normalized = normalize(relativePath);
  if (isAbsolute(relativePath) || normalized === '..' || normalized.startsWith(`..${sep}`) || normalized === '.') {
    throw new InvalidInputError(
      `stage "${stageId}" tried to write "${relativePath}", which is not a file path inside the run directory; use a relative path such as "figures/psnr.png"`,
    );
  }
  if (RESERVED_NAMES.has(normalized)) {
    throw new InvalidInputError(`stage "${stageId}" cannot write "${relativePath}", which the runtime writes; choose another name`);
  }
  return join(runDir, normalized);
}

/** Returns a JSON copy of `value`, so later changes by the stage do not alter the stored result. */
function toJson(stageId: string, key: string, value: unknown): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InvalidInputError(`stage "${stageId}" set result "${key}" to a value that is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (text === undefined) {
    throw new InvalidInputError(`stage "${stageId}" set result "${key}" to ${String(value)}, which JSON cannot represent; pass a JSON value`);
  }
  return JSON.parse(text) as unknown;
}
