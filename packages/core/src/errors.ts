/**
 * Named error classes. Library code throws these; only the CLI maps them to
 * exit codes (`InvalidInputError` and `PipelineValidationError` → 1,
 * `UsageError`, `FileReadError` and `FileWriteError` → 2).
 */

/** Base class of every error this project throws on purpose. */
export class HeterosparseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An input value (array, option, file content) is invalid. The message names the value and the fix. */
export class InvalidInputError extends HeterosparseError {}

/** A file could not be read (missing, unreadable, wrong format header). */
export class FileReadError extends HeterosparseError {
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A file could not be written (its folder is a file, the path is a folder, no permission). */
export class FileWriteError extends HeterosparseError {
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The command line was used incorrectly. */
export class UsageError extends HeterosparseError {}

/** A numerical computation failed (for example a solver iterate became NaN). */
export class NumericalError extends HeterosparseError {}

/** One problem found while validating a pipeline or a set of options. */
export interface ValidationProblem {
  /** JSON path of the offending value, for example `/stages/code/options/lambda`. */
  readonly path: string;
  /** Expected value or type, in words. */
  readonly expected: string;
  /** Value found, in words or as JSON. */
  readonly found: string;
  /** Optional hint (a schema description, the nearest plugin id). */
  readonly hint?: string;
}

/** Formats one problem on one line: `path: expected …, found … (hint)`. */
export function formatProblem(problem: ValidationProblem): string {
  const hint = problem.hint === undefined ? '' : ` (${problem.hint})`;
  return `${problem.path || '/'}: expected ${problem.expected}, found ${problem.found}${hint}`;
}

/** A pipeline file or its options failed validation; `problems` lists every problem at once. */
export class PipelineValidationError extends HeterosparseError {
  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`invalid pipeline, ${problems.length} problem(s):\n` + problems.map((p) => `  ${formatProblem(p)}`).join('\n'));
  }
}

/** A stage failed while the pipeline ran; `stageId` names it and `cause` contains the original error. */
export class StageError extends HeterosparseError {
  constructor(
    readonly stageId: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`stage "${stageId}" failed: ${reason}`, { cause });
  }
}

/** The run was cancelled (SIGINT or an abort signal). */
export class CancelledError extends HeterosparseError {
  constructor(message = 'run cancelled') {
    super(message);
  }
}
