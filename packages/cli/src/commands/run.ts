import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { UsageError, formatProblem, type LogLevel } from '@heterosparse/core';
import { defaultRunDirectory, RUN_FILES, runPipeline } from '@heterosparse/pipeline';

import type { CliCommand } from '../command.ts';
import { createDefaultRegistry } from '../default-registry.ts';
import { EXIT, exitCodeFor } from '../exit-code.ts';
import { SET_HELP, SET_OPTION, loadCheckedPipeline } from '../load-checked-pipeline.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { createProgressReporter } from '../progress-reporter.ts';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Run a pipeline file into a new run directory.',
  help: `Usage: heterosparse run <pipeline.json> [--out DIR] [--set STAGE.FIELD=VALUE ...]

Validates the pipeline (with overrides applied), then runs it. The run
directory receives pipeline.json (the resolved pipeline), results.json,
run.log and the files the stages write. Files are written atomically.
Ctrl-C stops the run; files already written stay complete.

Options:
  --out DIR       Run directory; it must be new or empty.
                  Default: runs/<name>-<yyyymmdd-hhmmss> under the current directory.
${SET_HELP}
  --quiet         Show only warnings and errors.
  --verbose       Show debug log lines too.
  -h, --help      Show this help.

Exit codes: 0 completed, 1 invalid pipeline or failed run, 2 usage error or
unreadable file, 130 interrupted.

Example:
  heterosparse run pipelines/heterogeneity.json --set code.options.lambda=0.05`,

  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs('run', args, {
      out: { type: 'string' },
      ...SET_OPTION,
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
    });
    if (help) {
      io.stdout.write(`${this.help}\n`);
      return EXIT.success;
    }
    if (positionals.length !== 1) {
      throw new UsageError(`run takes one pipeline file, received ${positionals.length} arguments; run heterosparse run --help`);
    }
    if (values.quiet === true && values.verbose === true) {
      throw new UsageError('run: --quiet and --verbose exclude each other; pass one of them');
    }
    const file = positionals[0];
    const registry = createDefaultRegistry();
    const { pipeline, problems } = await loadCheckedPipeline(file, (values.set as string[] | undefined) ?? [], registry, io.cwd);
    if (pipeline === undefined) {
      const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
      io.stderr.write(`invalid: ${file} has ${count}; nothing ran\n${problems.map((p) => `  ${formatProblem(p)}\n`).join('')}`);
      return EXIT.failure;
    }

    const runDir =
      typeof values.out === 'string'
        ? resolve(io.cwd, values.out)
        : defaultRunDirectory(resolve(io.cwd, 'runs'), pipeline.name, new Date());
    let level: LogLevel = 'info';
    if (values.quiet === true) level = 'warn';
    if (values.verbose === true) level = 'debug';
    const reporter = createProgressReporter(io, level);
    // results.json from an earlier run means the directory is rejected before this run writes anything.
    const earlierResults = existsSync(join(runDir, RUN_FILES.results));
    try {
      await runPipeline(pipeline, registry, {
        runDir,
        signal: io.signal,
        onLog: (record) => reporter.log(record),
        onProgress: (event) => reporter.progress(event),
      });
    } catch (error) {
      reporter.stop();
      // Errors before this run wrote results.json (a run directory that is not empty) are reported by main.
      if (earlierResults || !existsSync(join(runDir, RUN_FILES.results))) throw error;
      const code = exitCodeFor(error);
      if (code === EXIT.interrupted) {
        io.stderr.write(`run interrupted; the files already written, results.json and run.log are in ${runDir}\n`);
      } else {
        io.stderr.write(`run failed: ${(error as Error).message}\nresults.json and run.log are in ${runDir}\n`);
      }
      return code;
    }
    reporter.stop();
    io.stdout.write(`${runDir}\n`);
    return EXIT.success;
  },
};
