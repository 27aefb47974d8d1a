import { describe, expect, it } from 'vitest';

import { COMMANDS } from './commands/index.ts';
import { runCli } from './main.ts';
import { createBufferIo } from './testing/buffer-io.ts';

describe('runCli', () => {
  it('prints the command list for --help', async () => {
    const io = createBufferIo(process.cwd());
    expect(await runCli(['--help'], io)).toBe(0);
    for (const command of COMMANDS) expect(io.out()).toContain(`  ${command.name} `);
  });

  it('exits 2 with the usage when no command is given', async () => {
    const io = createBufferIo(process.cwd());
    expect(await runCli([], io)).toBe(2);
    expect(io.err()).toMatch(/^Usage: heterosparse <command>/);
  });

  it('suggests the nearest command for a typo', async () => {
    const io = createBufferIo(process.cwd());
    expect(await runCli(['valdate', 'x.json'], io)).toBe(2);
    expect(io.err()).toBe('usage error: unknown command "valdate". Did you mean "validate"? Run heterosparse --help for the list of commands.\n');
  });

  it('exits 2 for an unknown option', async () => {
    const io = createBufferIo(process.cwd());
    expect(await runCli(['plugins', '--jsn'], io)).toBe(2);
    expect(io.err()).toMatch(/^usage error: plugins: Unknown option '--jsn'.*run heterosparse plugins --help/);
  });

  it.each(COMMANDS.map((command) => command.name))('prints the help of %s', async (name) => {
    const io = createBufferIo(process.cwd());
    expect(await runCli([name, '--help'], io)).toBe(0);
    expect(io.out()).toMatch(new RegExp(`^Usage: heterosparse ${name}`));
    expect(io.out()).toMatch(/Example:\n {2}heterosparse /);
  });
});
