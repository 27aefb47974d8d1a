import type { CliCommand } from '../command.ts';
import { codeCommand } from './code.ts';
import { dictionaryCommand } from './dictionary.ts';
import { pluginsCommand } from './plugins.ts';
import { preprocessCommand } from './preprocess.ts';
import { runCommand } from './run.ts';
import { schemaCommand } from './schema.ts';
import { validateCommand } from './validate.ts';

/** Every `heterosparse` subcommand, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [runCommand, validateCommand, pluginsCommand, schemaCommand, dictionaryCommand, preprocessCommand, codeCommand];
