/**
 * Benchmarks the CBPDN backends and writes `docs/benchmarks.md`.
 *
 * Each case (backend, image size N, atoms K, iterations) runs in its own
 * process (`cbpdn-bench-case.ts`), so its peak resident memory is its own.
 * The time of a case is the median of its solves. Then it times the
 * `heterosparse code` command on the 256 × 256 coffee reference input.
 *
 * Usage: npm run bench [-- --quick]   (--quick: fewer cases, for a smoke test)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { golden256 } from '@heterosparse/test-fixtures';

import type { BenchCase, BenchResult } from './cbpdn-bench-case.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CASE_SCRIPT = fileURLToPath(new URL('./cbpdn-bench-case.ts', import.meta.url));
const QUICK = process.argv.includes('--quick');

const SIZES = QUICK ? [64, 128] : [64, 128, 256, 512];
const ATOMS = QUICK ? [36, 144] : [36, 72, 144];

interface Measured extends BenchResult {
  readonly loadBefore: number;
  readonly loadAfter: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function runCase(benchCase: BenchCase): Measured {
  const loadBefore = loadavg()[0];
  const child = spawnSync(process.execPath, [...process.execArgv, CASE_SCRIPT, JSON.stringify(benchCase)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) {
    throw new Error(`benchmark case ${JSON.stringify(benchCase)} failed with status ${child.status}:\n${child.stderr}`);
  }
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  const result = JSON.parse(line) as BenchResult;
  const measured = { ...result, loadBefore, loadAfter: loadavg()[0] };
  const perImage = median(result.seconds);
  process.stderr.write(
    `${benchCase.backend} N=${benchCase.size} K=${benchCase.atoms}: ${perImage.toFixed(3)} s for ${benchCase.iterations} iterations, ` +
      `${result.peakRssMiB.toFixed(0)} MiB, load ${loadBefore.toFixed(2)} → ${measured.loadAfter.toFixed(2)}\n`,
  );
  return measured;
}

/** Times `heterosparse code` on golden256 coffee with the heterogeneous dictionary, λ = 0.01, 100 iterations. */
function runCodeCommand(): { wallSeconds: number; stats: Record<string, number | string | boolean>; load: number } {
  const out = mkdtempSync(join(tmpdir(), 'heterosparse-bench-'));
  const load = loadavg()[0];
  const start = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      join(ROOT, 'packages/cli/bin/heterosparse.mjs'),
      'code',
      '--dictionary',
      golden256('dict_heterogeneous.npy'),
      '--input',
      golden256('input_coffee.npy'),
      '--lambda',
      '0.01',
      '--iterations',
      '100',
      '--out',
      join(out, 'coefficients.npy'),
      '--stats',
      join(out, 'stats.json'),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const wallSeconds = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`heterosparse code failed with status ${child.status}:\n${child.stderr}`);
  return { wallSeconds, stats: JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')), load };
}

function machineDescription(): string[] {
  const cpuInfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuInfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return [
    `- CPU: ${model}, ${availableParallelism()} cores (os.availableParallelism)`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node.js ${process.version}, ${process.platform} ${process.arch}`,
  ];
}

const fastCases: BenchCase[] = [];
const referenceCases: BenchCase[] = [];
for (const size of SIZES) {
  for (const atoms of ATOMS) {
    fastCases.push({ backend: 'cpu-fast', size, atoms, iterations: 20, repeats: size >= 512 ? 1 : 3 });
    referenceCases.push({ backend: 'cpu-reference', size, atoms, iterations: size >= 512 ? 5 : 10, repeats: 1 });
  }
}
const headline: BenchCase[] = QUICK
  ? []
  : [
      { backend: 'cpu-fast', size: 256, atoms: 144, iterations: 100, repeats: 5 },
      { backend: 'cpu-fast-1-thread', size: 256, atoms: 144, iterations: 100, repeats: 3 },
      { backend: 'cpu-reference', size: 256, atoms: 144, iterations: 100, repeats: 1 },
    ];

const started = performance.now();
const headlineResults = headline.map(runCase);
const fastResults = fastCases.map(runCase);
const referenceResults = referenceCases.map(runCase);
const code = QUICK ? undefined : runCodeCommand();
const totalMinutes = (performance.now() - started) / 60000;

const golden = JSON.parse(readFileSync(golden256('golden.json'), 'utf8')) as {
  images: Record<string, Record<string, { objective: number; seconds: number }>>;
};
const goldenCoffee = golden.images.coffee.heterogeneous;

/** Seconds per iteration, from the median solve. */
const perIteration = (result: BenchResult): number => median(result.seconds) / result.iterations;
/** K · N² · log2(N²), the FFT work of one iteration up to a constant. */
const work = (result: BenchResult): number => result.atoms * result.size ** 2 * Math.log2(result.size ** 2);

const lines: string[] = [];
lines.push('# CBPDN benchmarks', '');
lines.push(
  'Measured with `npm run bench` (`tools/bench/cbpdn-bench.ts`). Each case runs in its own process after an untimed',
  'two-iteration warm-up solve. The time is the median of its solves, as the solver reports it (`solution.seconds`).',
  'Solves use λ = 0.01 and SPORCO defaults otherwise, with the stopping tolerance set to 0 so that every solve runs all iterations.',
  'The image is the coffee reference input of `golden64` and `golden256`. At 128 × 128 it averages 2 × 2 blocks of the 256 × 256 one,',
  'and at 512 × 512 it upsamples that one bilinearly. The dictionary is the first K atoms of the heterogeneous reference dictionary (12 × 12 kernels).',
  'Peak memory is the peak resident set size of the case process (`process.resourceUsage().maxRSS`), workers included.',
  '',
);
lines.push('## Machine', '', ...machineDescription(), `- Run on ${new Date().toISOString()}, ${totalMinutes.toFixed(1)} minutes in all`, '');
lines.push(
  'Other jobs shared this machine during the run; the 1-minute load average before and after each case is listed.',
  'A load near or above the core count means the solver had less than the whole machine.',
  '',
);
if (headlineResults.length > 0) {
  lines.push('## One 256 × 256 image, K = 144, 100 iterations', '');
  lines.push('| backend | solves | median s / image | min s | iterations / s | peak MiB | load before → after |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const result of headlineResults) {
    lines.push(
      `| ${result.backend} | ${result.seconds.length} | ${median(result.seconds).toFixed(2)} | ${Math.min(...result.seconds).toFixed(2)} | ` +
        `${(result.iterations / median(result.seconds)).toFixed(1)} | ${result.peakRssMiB.toFixed(0)} | ${result.loadBefore.toFixed(2)} → ${result.loadAfter.toFixed(2)} |`,
    );
  }
  lines.push(
    '',
    '`cpu-fast` uses one thread per core (here 2: the main thread and one worker); `cpu-fast-1-thread` is the same backend on the main thread only.',
    'Two threads only help when the second core is free: Linux shares CPU time between sessions (autogroups), so a busy job in',
    'another session takes a whole core whatever its nice value.',
    '',
    `SPORCO (\`sporco.admm.cbpdn.ConvBPDN\`, NumPy, float32) took a median of 28.7 s per 256 × 256 image for this work on a machine of this kind (see \`packages/test-fixtures/reference/README.md\`); golden256 lists ${goldenCoffee.seconds} s for this coffee case.`,
    '',
  );
}
const table = (title: string, results: readonly Measured[]): void => {
  lines.push(`## ${title}`, '');
  lines.push(
    '| N | K | iterations | solves | s / iteration | iterations / s | s / 100 iterations | ps per K·N²·log2(N²) | peak MiB | load before → after |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const result of results) {
    const seconds = perIteration(result);
    lines.push(
      `| ${result.size} | ${result.atoms} | ${result.iterations} | ${result.seconds.length} | ${seconds.toFixed(4)} | ${(1 / seconds).toFixed(1)} | ` +
        `${(100 * seconds).toFixed(2)} | ${((seconds / work(result)) * 1e12).toFixed(3)} | ${result.peakRssMiB.toFixed(0)} | ` +
        `${result.loadBefore.toFixed(2)} → ${result.loadAfter.toFixed(2)} |`,
    );
  }
  lines.push('');
};
lines.push(
  'The grids below run 20 iterations. ρ changes in most of the first 20 iterations and rarely later, and each change costs',
  'cpu-fast one more forward transform of every atom, so its times per iteration here are higher than in a 100-iteration solve.',
  '',
);
table('cpu-fast by size and K', fastResults);
table('cpu-reference by size and K', referenceResults);

/** Ratio of seconds per iteration between two cases of `results`, or undefined when one is missing. */
const ratio = (results: readonly Measured[], a: [number, number], b: [number, number]): number | undefined => {
  const find = ([size, atoms]: [number, number]) => results.find((r) => r.size === size && r.atoms === atoms);
  const [first, second] = [find(a), find(b)];
  return first === undefined || second === undefined ? undefined : perIteration(first) / perIteration(second);
};
const growth = (results: readonly Measured[]): string[] => {
  const out: string[] = [];
  const maxAtoms = Math.max(...ATOMS);
  const minAtoms = Math.min(...ATOMS);
  for (const size of SIZES) {
    const r = ratio(results, [size, maxAtoms], [size, minAtoms]);
    if (r !== undefined) out.push(`- N = ${size}: K = ${maxAtoms} over K = ${minAtoms} takes ${r.toFixed(2)} × the time per iteration (K alone predicts ${(maxAtoms / minAtoms).toFixed(2)} ×).`);
  }
  for (let i = 1; i < SIZES.length; i++) {
    const [small, large] = [SIZES[i - 1], SIZES[i]];
    const r = ratio(results, [large, maxAtoms], [small, maxAtoms]);
    const predicted = (large ** 2 * Math.log2(large ** 2)) / (small ** 2 * Math.log2(small ** 2));
    if (r !== undefined) out.push(`- K = ${maxAtoms}: N = ${large} over N = ${small} takes ${r.toFixed(2)} × (N² log N predicts ${predicted.toFixed(2)} ×).`);
  }
  const first = results[0];
  const last = results.at(-1);
  if (first !== undefined && last !== undefined && last !== first) {
    const coefficients = (r: BenchResult): number => r.atoms * r.size ** 2;
    const bytes = ((last.peakRssMiB - first.peakRssMiB) * 1024 ** 2) / (coefficients(last) - coefficients(first));
    out.push(
      `- Memory: from N = ${first.size}, K = ${first.atoms} to N = ${last.size}, K = ${last.atoms} the peak grows by ${bytes.toFixed(1)} bytes per coefficient (K·N²).`,
    );
  }
  return out;
};
lines.push('## How time and memory grow', '');
lines.push(
  'One iteration does 2K 2-D FFTs of N × N (about K·N² log N operations) plus element-wise work on K·N² coefficients.',
  'It keeps a few arrays of K·N² floats. So time should grow about as K·N² log N, and memory as K·N².',
  'The column "ps per K·N²·log2(N²)" above (seconds per iteration divided by K·N²·log2(N²), in picoseconds) stays flat when that holds.',
  '',
  'cpu-fast:',
  '',
  ...growth(fastResults),
  '',
  'cpu-reference:',
  '',
  ...growth(referenceResults),
  '',
);

lines.push('## Speed-up of cpu-fast over cpu-reference', '', '| N | K | speed-up per iteration |', '| --- | --- | --- |');
for (const fast of fastResults) {
  const reference = referenceResults.find((r) => r.size === fast.size && r.atoms === fast.atoms);
  if (reference !== undefined) lines.push(`| ${fast.size} | ${fast.atoms} | ${(perIteration(reference) / perIteration(fast)).toFixed(1)} × |`);
}
lines.push('');

if (code !== undefined) {
  const objective = Number(code.stats.objective);
  lines.push(
    '## `heterosparse code` on golden256 coffee',
    '',
    '`heterosparse code --dictionary golden256/dict_heterogeneous.npy --input golden256/input_coffee.npy --lambda 0.01 --iterations 100`',
    '(default tolerance 1e-4; it ran all 100 iterations):',
    '',
    `- wall time of the whole command (process start, TypeScript loading, solve, writing files): ${code.wallSeconds.toFixed(2)} s, load ${code.load.toFixed(2)} before`,
    `- solve time reported by the solver: ${Number(code.stats.seconds).toFixed(2)} s, backend ${String(code.stats.backend)}, ${String(code.stats.iterations)} iterations`,
    `- objective ${objective.toFixed(2)} against ${goldenCoffee.objective.toFixed(2)} in golden256/golden.json (${(100 * (objective / goldenCoffee.objective - 1)).toFixed(2)} %)`,
    '',
  );
}
const outPath = join(ROOT, 'docs/benchmarks.md');
writeFileSync(outPath, lines.join('\n'));
process.stderr.write(`wrote ${outPath}\n`);
