#!/usr/bin/env node
// Entry point of the `heterosparse` command. The sources are TypeScript, so
// tsx compiles them on load. The first Ctrl-C (SIGINT) or SIGTERM cancels the
// run cleanly, so results.json and run.log record it; a second one exits at once.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');

const controller = new AbortController();
const stop = (name, exitCode) => {
  if (controller.signal.aborted) process.exit(exitCode);
  process.stderr.write(`\n${name} received: stopping the run (send it again to exit at once)\n`);
  controller.abort();
};
process.on('SIGINT', () => stop('SIGINT', 130));
process.on('SIGTERM', () => stop('SIGTERM', 143));

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  signal: controller.signal,
});
