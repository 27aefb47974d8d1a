import { parseArgs, type ParseArgsConfig } from 'node:util';

import { UsageError } from '@heterosparse/core';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments of one command; `help` is true when `--help` or `-h` was given. */
export interface CommandArgs {
  /** Option name → value: a string, a boolean, or a list for options declared `multiple`. */
  readonly values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
  readonly positionals: string[];
  readonly help: boolean;
}

/**
 * Parses the arguments of command `name` with Node's `parseArgs` in strict
 * mode, adding `--help`/`-h`. An unknown option or a missing value becomes a
 * `UsageError` that names the command and points to its help.
 */
export function parseCommandArgs(name: string, args: readonly string[], options: Options): CommandArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    const { help, ...rest } = values;
    return { values: rest, positionals, help: help === true };
  } catch (error) {
    throw new UsageError(`${name}: ${(error as Error).message}; run heterosparse ${name} --help`, { cause: error });
  }
}
