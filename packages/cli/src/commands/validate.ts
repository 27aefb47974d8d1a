import { resolve } from 'node:path';

import { PipelineValidationError, UsageError, formatProblem } from '@heterosparse/core';
import { checkPipeline, loadPipelineFile } from '@heterosparse/pipeline';

import type { CliCommand } from '../command.ts';
import { createDefaultRegistry } from '../default-registry.ts';
import { EXIT } from '../exit-code.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check a pipeline file and list every problem.',
  help: `Usage: heterosparse validate <pipeline.json>

Checks the file against the pipeline schema and each stage's options against
its plugin's schema, then checks inputs, kinds and cycles. Prints "valid", or
one line per problem: its JSON path, what was expected and what was found.

Exit codes: 0 valid, 1 invalid, 2 usage error or unreadable file.

Example:
  heterosparse validate pipelines/heterogeneity.json`,

  async run(args, io) {
    const { positionals, help } = parseCommandArgs('validate', args, {});
    if (help) {
      io.stdout.write(`${this.help}\n`);
      return EXIT.success;
    }
    if (positionals.length !== 1) {
      throw new UsageError(`validate takes one pipeline file, received ${positionals.length} arguments; run heterosparse validate --help`);
    }
    const path = resolve(io.cwd, positionals[0]);
    let problems;
    try {
      problems = checkPipeline(await loadPipelineFile(path), createDefaultRegistry()).problems;
    } catch (error) {
      // A file that is not JSON is reported like any other problem.
      if (!(error instanceof PipelineValidationError)) throw error;
      problems = error.problems;
    }
    if (problems.length === 0) {
      io.stdout.write('valid\n');
      return EXIT.success;
    }
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    io.stdout.write(`invalid: ${positionals[0]} has ${count}\n${problems.map((p) => `  ${formatProblem(p)}\n`).join('')}`);
    return EXIT.failure;
  },
};
