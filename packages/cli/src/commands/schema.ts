import { resolve } from 'node:path';

import { UsageError, writeFileAtomic } from '@heterosparse/core';
import { pipelineSchemaWithPlugins } from '@heterosparse/pipeline';

import type { CliCommand } from '../command.ts';
import { createDefaultRegistry } from '../default-registry.ts';
import { EXIT } from '../exit-code.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: 'Print the pipeline JSON Schema with the options of every plugin.',
  help: `Usage: heterosparse schema [--out FILE]

Prints the JSON Schema of pipeline files, extended with the options schema of
every registered plugin, so that an editor completes and checks options too.
Point a pipeline file's "$schema" at the written file to use it. The schema
without plugin options is packages/pipeline/pipeline.schema.json.

Options:
  --out FILE  Write the schema to FILE (atomically) instead of standard output.
  -h, --help  Show this help.

Example:
  heterosparse schema --out pipelines/pipeline.schema.json`,

  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs('schema', args, { out: { type: 'string' } });
    if (help) {
      io.stdout.write(`${this.help}\n`);
      return EXIT.success;
    }
    if (positionals.length > 0) {
      throw new UsageError(`schema takes no arguments, received "${positionals.join(' ')}"; run heterosparse schema --help`);
    }
    const text = `${JSON.stringify(pipelineSchemaWithPlugins(createDefaultRegistry().list()), null, 2)}\n`;
    if (typeof values.out === 'string') {
      await writeFileAtomic(resolve(io.cwd, values.out), text);
    } else {
      io.stdout.write(text);
    }
    return EXIT.success;
  },
};
