import type { Writable } from 'node:stream';

/** Streams and environment a command runs with; tests pass buffers. */
export interface CommandIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly cwd: string;
  /** Aborted on SIGINT. */
  readonly signal: AbortSignal;
}

/**
 * One `heterosparse` subcommand, in its own file under `commands/`.
 * `run` returns the exit code: 0 success, 1 invalid input or a failed run,
 * 2 usage error or unreadable file. Library errors are mapped by `exitCodeFor`.
 */
export interface CliCommand {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text: usage line, options with units and defaults, an example. */
  readonly help: string;
  run(args: readonly string[], io: CommandIo): Promise<number>;
}
