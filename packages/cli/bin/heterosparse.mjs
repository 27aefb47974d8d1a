#!/usr/bin/env node
// Entry point of the `heterosparse` command. The sources are TypeScript, so
// tsx compiles them on load; the first Ctrl-C cancels the run cleanly, a
// second one exits at once.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');

const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write('\ninterrupt received: stopping the run (press Ctrl-C again to exit at once)\n');
  controller.abort();
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  signal: controller.signal,
});
