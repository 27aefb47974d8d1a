import { editDistance, formatProblem, PipelineValidationError, UsageError } from '@heterosparse/core';

import type { CliCommand, CommandIo } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { EXIT, exitCodeFor } from './exit-code.ts';
import { readVersion } from './read-version.ts';

/** Overall help, built from the command list. */
export function mainHelp(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: heterosparse <command> [options]

Sparse coding of natural images with heterogeneous log-Gabor kernels,
composed as JSON pipeline files.

Commands:
${lines.join('\n')}

Run heterosparse <command> --help for the options of a command, and
heterosparse --version (or -V) for the version.

Exit codes: 0 success, 1 invalid input or a failed run, 2 usage error or
unreadable file, 130 interrupted.`;
}

/**
 * Runs the command line `args` (without `node` and the script) and returns
 * the exit code. Errors are printed on `io.stderr`, never thrown.
 */
export async function runCli(args: readonly string[], io: CommandIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${mainHelp(commands)}\n`);
    return EXIT.success;
  }
  if (name === undefined) {
    io.stderr.write(`${mainHelp(commands)}\n`);
    return EXIT.usage;
  }
  const command = commands.find((candidate) => candidate.name === name);
  try {
    if (name === '--version' || name === '-V') {
      io.stdout.write(`${readVersion()}\n`);
      return EXIT.success;
    }
    if (command === undefined) throw unknownCommand(name, commands);
    return await command.run(rest, io);
  } catch (error) {
    io.stderr.write(`${describeError(error)}\n`);
    return exitCodeFor(error);
  }
}

function unknownCommand(name: string, commands: readonly CliCommand[]): UsageError {
  const nearest = [...commands].sort((a, b) => editDistance(name, a.name) - editDistance(name, b.name))[0];
  const hint = nearest !== undefined && editDistance(name, nearest.name) <= 3 ? ` Did you mean "${nearest.name}"?` : '';
  return new UsageError(`unknown command "${name}".${hint} Run heterosparse --help for the list of commands.`);
}

function describeError(error: unknown): string {
  if (error instanceof PipelineValidationError) {
    return `invalid input, ${error.problems.length} problem(s):\n${error.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`;
  }
  if (error instanceof UsageError) return `usage error: ${error.message}`;
  if (error instanceof Error) return `error: ${error.message}`;
  return `error: ${String(error)}`;
}
