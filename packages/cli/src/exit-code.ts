import { CancelledError, FileReadError, FileWriteError, StageError, UsageError } from '@heterosparse/core';

/** Exit codes of `heterosparse`. */
export const EXIT = {
  success: 0,
  /** Invalid input (a pipeline file, an option, data) or a failed run. */
  failure: 1,
  /** Command-line usage error, or a file that cannot be read or written. */
  usage: 2,
  /** Interrupted by SIGINT: 128 + 2, as shells report it. */
  interrupted: 130,
} as const;

/**
 * Maps an error to the exit code its class stands for. `UsageError`,
 * `FileReadError` and `FileWriteError` give 2, a cancel gives 130, and everything else
 * (`PipelineValidationError`, `InvalidInputError`, `StageError`, an
 * unexpected error) is invalid input or a failed run, 1.
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof FileReadError || error instanceof FileWriteError) return EXIT.usage;
  if (error instanceof CancelledError) return EXIT.interrupted;
  if (error instanceof StageError && error.cause instanceof CancelledError) return EXIT.interrupted;
  return EXIT.failure;
}
