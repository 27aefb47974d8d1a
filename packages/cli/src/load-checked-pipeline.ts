import { resolve } from 'node:path';

import { PipelineValidationError, type PluginRegistry, type ValidationProblem } from '@heterosparse/core';
import { applyOverrides, checkPipeline, loadPipelineFile, parseOverride, type PipelineSpec } from '@heterosparse/pipeline';

/** The `--set` option, as `parseCommandArgs` declares it; `run` and `validate` both take it. */
export const SET_OPTION = { set: { type: 'string', multiple: true } } as const;

/** Help lines of `--set`, shared by every command that declares `SET_OPTION`. */
export const SET_HELP = `  --set PATH=VAL  Override a value of a stage, for example
                  --set code.options.lambda=0.05 or --set images.options.path=photos.
                  VAL is parsed as JSON when it parses, else kept as a string.
                  Repeat for several overrides.`;

/** A pipeline file after overrides and validation; `pipeline` is set only when `problems` is empty. */
export interface CheckedPipeline {
  readonly pipeline?: PipelineSpec;
  readonly problems: readonly ValidationProblem[];
}

/**
 * Loads the pipeline file `file` (relative to `cwd`), applies the `--set`
 * overrides `sets` and validates the result against `registry`. A file that
 * is not JSON, an override naming a missing stage and every schema problem
 * are returned together in `problems`.
 *
 * Throws `UsageError` for a malformed `--set` and `FileReadError` for a file
 * that cannot be read.
 */
export async function loadCheckedPipeline(
  file: string,
  sets: readonly string[],
  registry: PluginRegistry,
  cwd: string,
): Promise<CheckedPipeline> {
  const overrides = sets.map(parseOverride);
  try {
    const overridden = applyOverrides(await loadPipelineFile(resolve(cwd, file)), overrides);
    const check = checkPipeline(overridden.document, registry);
    const problems = [...overridden.problems, ...check.problems];
    return problems.length === 0 && check.pipeline !== undefined ? { pipeline: check.pipeline, problems } : { problems };
  } catch (error) {
    // A file that is not JSON is reported like any other problem.
    if (!(error instanceof PipelineValidationError)) throw error;
    return { problems: error.problems };
  }
}
