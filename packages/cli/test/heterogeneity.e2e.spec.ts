import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../src/main.ts';

/** Root of the repository, where `pipelines/` and `data/natural/` are. */
const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));

/** Collects what a command writes, so that a failure can show it. */
function bufferStream(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

/**
 * Runs the real quick-try pipeline through the CLI and the runtime: the first
 * two embedded images in name order (astronaut, brick) at 64×64, 10 CBPDN
 * iterations, both dictionaries, code export, metrics, resilience, summary and
 * the HTML report.
 */
describe('heterogeneity pipeline end to end', () => {
  let outDir: string;
  let runDir: string;
  let exitCode: number;
  let stderr: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'heterosparse-e2e-'));
    runDir = join(outDir, 'run');
    const err = bufferStream();
    exitCode = await runCli(
      [
        'run',
        join(REPOSITORY, 'pipelines/heterogeneity-small.json'),
        '--out',
        runDir,
        '--quiet',
        '--set',
        `images.options.path=${join(REPOSITORY, 'data/natural')}`,
        '--set',
        'images.options.limit=2',
        '--set',
        'code.options.maxIterations=10',
      ],
      { stdout: bufferStream(), stderr: err, cwd: REPOSITORY, signal: new AbortController().signal },
    );
    stderr = err.text();
  });

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('exits with status 0', () => {
    // stderr may hold warnings (data/natural/README.md is skipped), so it is only shown on failure.
    expect(exitCode, stderr).toBe(0);
  });

  it('writes the stable result keys', async () => {
    const results = JSON.parse(await readFile(join(runDir, 'results.json'), 'utf8'));
    for (const condition of ['homogeneous', 'heterogeneous']) {
      expect(results.summary[condition].psnr.median, condition).toBeGreaterThan(0);
      expect(results.summary[condition].sparseness.median, condition).toBeGreaterThan(0);
      expect(results.summary[condition].sparseness.median, condition).toBeLessThan(1);
    }
    expect(results.tests.length).toBeGreaterThanOrEqual(2);
    for (const test of results.tests) {
      expect(typeof test.name).toBe('string');
      expect(Number.isFinite(test.statistic), test.name).toBe(true);
      expect(test.p, test.name).toBeGreaterThanOrEqual(0);
      expect(test.p, test.name).toBeLessThanOrEqual(1);
    }
  });

  it('writes one CSV row per image and dictionary', async () => {
    const lines = (await readFile(join(runDir, 'results.csv'), 'utf8')).trim().split('\n');
    const header = lines[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['psnr', 'sparseness']));
    expect(lines.length - 1).toBe(4);
  });

  it('saves each code as a coordinate table', async () => {
    const codes = (await readdir(join(runDir, 'codes'))).sort();
    expect(codes).toEqual([
      'astronaut__heterogeneous.coo.json',
      'astronaut__heterogeneous.coo.npy',
      'astronaut__homogeneous.coo.json',
      'astronaut__homogeneous.coo.npy',
      'brick__heterogeneous.coo.json',
      'brick__heterogeneous.coo.npy',
      'brick__homogeneous.coo.json',
      'brick__homogeneous.coo.npy',
    ]);
    const metadata = JSON.parse(await readFile(join(runDir, 'codes', 'brick__homogeneous.coo.json'), 'utf8')) as { shape: number[] };
    expect(metadata.shape).toEqual([64, 64, 144]);
  });

  it('writes a self-contained report with figures', async () => {
    const html = await readFile(join(runDir, 'report.html'), 'utf8');
    expect(html).toContain('data:image/png;base64,');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // Ten solver iterations never converge, so the page must show the warning.
    expect(html).toContain('solves stopped at the iteration limit');
    const figures = await readdir(join(runDir, 'figures'));
    expect(figures).toEqual(
      expect.arrayContaining([
        'dictionary-homogeneous.png',
        'dictionary-heterogeneous.png',
        'reconstructions.png',
        'psnr-histogram.png',
        'sparseness-histogram.png',
        'psnr-vs-sparseness.png',
        'resilience-psnr.png',
        'activation-by-theta.png',
        'activation-by-bandwidth-heterogeneous.png',
      ]),
    );
  });
});
