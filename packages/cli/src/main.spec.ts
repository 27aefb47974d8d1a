import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { COMMANDS } from './commands/index.ts';
import { runCli } from './main.ts';
import { readVersion } from './read-version.ts';
import { createBufferIo } from './testing/buffer-io.ts';

describe('runCli', () => {
  it('prints the command list for --help', async () => {
    const io = createBufferIo(process.cwd());
    expect(await runCli(['--help'], io)).toBe(0);
    for (const command of COMMANDS) expect(io.out()).toContain(`  ${command.name} `);
  });

  it.each(['--version', '-V'])('prints the version for %s', async (flag) => {
    const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    const io = createBufferIo(process.cwd());
    expect(await runCli([flag], io)).toBe(0);
    expect(io.out()).toBe(`${root.version}\n`);
    expect(io.err()).toBe('');
  });

  it('rejects a manifest of another package', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'heterosparse-version-'));
    try {
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: '@heterosparse/cli', version: '9.9.9' }));
      expect(() => readVersion(join(dir, 'package.json'))).toThrow(/is not the heterosparse workspace manifest/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
