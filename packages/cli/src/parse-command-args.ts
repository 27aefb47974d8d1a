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

/** A token that reads as a negative number, such as `-1`, `-0.5` or `-1e-3`. */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * Joins `--name -1` into `--name=-1` for options that take a value, because
 * `parseArgs` rejects a value that starts with `-` as ambiguous. The value
 * then reaches the command's own check, which names the valid range.
 */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const option = args[i].startsWith('--') ? options[args[i].slice(2)] : undefined;
    const next = args[i + 1];
    if (option?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${args[i]}=${next}`);
      i++;
    } else {
      joined.push(args[i]);
    }
  }
  return joined;
}

/**
 * Parses the arguments of command `name` with Node's `parseArgs` in strict
 * mode, adding `--help`/`-h`. An option that takes a value accepts a negative
 * number after a space (`--lambda -1`). An unknown option or a missing value
 * becomes a `UsageError` that names the command and points to its help.
 */
export function parseCommandArgs(name: string, args: readonly string[], options: Options): CommandArgs {
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeValues(args, options),
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
