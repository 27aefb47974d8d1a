import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNpy } from '@heterosparse/core';

/** The installed entry point, run as a child process like a user would. */
const BIN = fileURLToPath(new URL('../bin/heterosparse.mjs', import.meta.url));

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the command; `onStart` may signal the child while it runs. */
function heterosparse(args: string[], cwd: string, onStart?: (child: ReturnType<typeof spawn>) => void): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    onStart?.(child);
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'heterosparse-bin-'));
  await writeFile(
    join(dir, 'endless.json'),
    JSON.stringify({
      name: 'endless',
      stages: {
        noise: { plugin: 'pipeline/random-arrays', options: { count: 1_000_000, shape: [32, 32] } },
        save: { plugin: 'pipeline/save-npy', inputs: { arrays: 'noise' } },
      },
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('heterosparse executable', () => {
  it('exits 2 for a pipeline file that cannot be read', async () => {
    const result = await heterosparse(['validate', 'missing.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read the pipeline file/);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('stops on %s and leaves only complete files', async (signal) => {
    const out = join(dir, `run-${signal}`);
    const arrays = join(out, 'arrays');
    const result = await heterosparse(['run', 'endless.json', '--out', `run-${signal}`], dir, (child) => {
      // Signal once the first arrays are on disk, as a user pressing Ctrl-C or a job scheduler would.
      const poll = setInterval(() => {
        if (existsSync(arrays)) {
          void readdir(arrays).then((files) => {
            if (files.length >= 3 && !child.killed) {
              clearInterval(poll);
              child.kill(signal);
            }
          });
        }
      }, 20);
      child.on('close', () => clearInterval(poll));
    });

    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/run interrupted/);
    const files = await readdir(out, { recursive: true });
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    const saved = await readdir(arrays);
    expect(saved.length).toBeGreaterThanOrEqual(3);
    for (const file of saved) expect(parseNpy(await readFile(join(arrays, file))).data).toHaveLength(32 * 32);
    const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as { run: { status: string } };
    expect(results.run.status).toBe('cancelled');
  });
});
