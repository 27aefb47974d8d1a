import { UsageError, formatProblem } from '@heterosparse/core';

import type { CliCommand } from '../command.ts';
import { createDefaultRegistry } from '../default-registry.ts';
import { EXIT } from '../exit-code.ts';
import { SET_HELP, SET_OPTION, loadCheckedPipeline } from '../load-checked-pipeline.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check a pipeline file and list every problem.',
  help: `Usage: heterosparse validate <pipeline.json> [--set STAGE.FIELD=VALUE ...]

Checks the file, with overrides applied, against the pipeline schema and
each stage's options against its plugin's schema, then checks inputs, kinds
and cycles. Prints "valid", or one line per problem: its JSON path, what was
expected and what was found. Overrides are parsed and checked exactly as
\`heterosparse run\` does, so a pipeline and overrides that validate also pass
run's checks.

Options:
${SET_HELP}
  -h, --help      Show this help.

Exit codes: 0 valid, 1 invalid, 2 usage error or unreadable file.

Example:
  heterosparse validate pipelines/heterogeneity.json --set code.options.lambda=0.05`,

  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs('validate', args, { ...SET_OPTION });
    if (help) {
      io.stdout.write(`${this.help}\n`);
      return EXIT.success;
    }
    if (positionals.length !== 1) {
      throw new UsageError(`validate takes one pipeline file, received ${positionals.length} arguments; run heterosparse validate --help`);
    }
    const sets = (values.set as string[] | undefined) ?? [];
    const { problems } = await loadCheckedPipeline(positionals[0], sets, createDefaultRegistry(), io.cwd);
    if (problems.length === 0) {
      io.stdout.write('valid\n');
      return EXIT.success;
    }
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    io.stdout.write(`invalid: ${positionals[0]} has ${count}\n${problems.map((p) => `  ${formatProblem(p)}\n`).join('')}`);
    return EXIT.failure;
  },
};
