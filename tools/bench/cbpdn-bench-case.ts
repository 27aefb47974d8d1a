/**
 * One benchmark case of `cbpdn-bench.ts`, run in its own process so that its
 * peak resident memory is its own. Reads the case as JSON from argv[2] and
 * prints one JSON line with the solve times and the peak memory.
 */
import { readNpy, type DictionaryItem } from '@heterosparse/core';
import {
  cbpdnBackends,
  createCpuFastBackend,
  resolveCbpdnOptions,
  validateCbpdnProblem,
} from '@heterosparse/sparse-coding';
import { golden256, golden64 } from '@heterosparse/test-fixtures';

/** Backend id of cpu-fast restricted to the main thread, to measure how it scales with threads. */
export const ONE_THREAD_ID = 'cpu-fast-1-thread';

/** One case, as the parent process passes it. */
export interface BenchCase {
  readonly backend: string;
  /** Image height and width (64, 128, 256 or 512). */
  readonly size: number;
  /** K, the first atoms of the heterogeneous reference dictionary. */
  readonly atoms: number;
  readonly iterations: number;
  readonly repeats: number;
}

/** The line the case prints. */
export interface BenchResult extends BenchCase {
  /** Wall time of each solve, seconds, as the solver reports it. */
  readonly seconds: number[];
  /** Peak resident set size of the process, MiB. */
  readonly peakRssMiB: number;
  readonly finalObjective: number;
}

/** Averages 2 × 2 blocks: 256 × 256 → 128 × 128. */
function downsample(image: Float32Array, size: number): Float32Array {
  const half = size / 2;
  const out = new Float32Array(half * half);
  for (let r = 0; r < half; r++) {
    for (let c = 0; c < half; c++) {
      const i = 2 * r * size + 2 * c;
      out[r * half + c] = (image[i] + image[i + 1] + image[i + size] + image[i + size + 1]) / 4;
    }
  }
  return out;
}

/** Bilinear upsampling by 2 with periodic edges: 256 × 256 → 512 × 512. */
function upsample(image: Float32Array, size: number): Float32Array {
  const double = 2 * size;
  const out = new Float32Array(double * double);
  const at = (r: number, c: number): number => image[(r % size) * size + (c % size)];
  for (let r = 0; r < double; r++) {
    for (let c = 0; c < double; c++) {
      const r0 = r >> 1;
      const c0 = c >> 1;
      const fr = (r & 1) / 2;
      const fc = (c & 1) / 2;
      out[r * double + c] =
        (1 - fr) * ((1 - fc) * at(r0, c0) + fc * at(r0, c0 + 1)) + fr * ((1 - fc) * at(r0 + 1, c0) + fc * at(r0 + 1, c0 + 1));
    }
  }
  return out;
}

/** Loads the coffee reference input at `size` × `size` (64 and 256 as stored, 128 and 512 resampled from 256). */
async function loadImage(size: number): Promise<Float32Array> {
  if (size === 64) return (await readNpy(golden64('input_coffee.npy'))).data;
  const image = (await readNpy(golden256('input_coffee.npy'))).data;
  if (size === 256) return image;
  if (size === 128) return downsample(image, 256);
  if (size === 512) return upsample(image, 256);
  throw new Error(`no benchmark image of size ${size}; use 64, 128, 256 or 512`);
}

/** Loads the first `atoms` atoms of the heterogeneous reference dictionary ([12, 12, 144]). */
async function loadDictionary(atoms: number): Promise<DictionaryItem> {
  const array = await readNpy(golden256('dict_heterogeneous.npy'));
  const [height, width, total] = array.shape;
  const data = new Float32Array(height * width * atoms);
  for (let i = 0; i < height * width; i++) data.set(array.data.subarray(i * total, i * total + atoms), i * atoms);
  return { kind: 'dictionary', name: `heterogeneous-${atoms}`, height, width, atoms, data, atomParams: [] };
}

const benchCase = JSON.parse(process.argv[2] ?? '{}') as BenchCase;
const image = await loadImage(benchCase.size);
const dictionary = await loadDictionary(benchCase.atoms);
// tolerance 0: every solve runs all iterations, so times compare.
const options = resolveCbpdnOptions({ lambda: 0.01, maxIterations: benchCase.iterations, tolerance: 0 });
const problem = validateCbpdnProblem({ data: image, height: benchCase.size, width: benchCase.size }, dictionary, options);
const backend = benchCase.backend === ONE_THREAD_ID ? createCpuFastBackend({ threads: 1 }) : await cbpdnBackends.select(benchCase.backend);
// A short warm-up solve starts worker threads and compiles the kernels; it is not timed.
await backend.solve(problem, resolveCbpdnOptions({ lambda: 0.01, maxIterations: 2, tolerance: 0 }));
const seconds: number[] = [];
let finalObjective = Number.NaN;
for (let repeat = 0; repeat < benchCase.repeats; repeat++) {
  const solution = await backend.solve(problem, options);
  seconds.push(solution.seconds);
  finalObjective = solution.final.objective;
}
const result: BenchResult = { ...benchCase, seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024, finalObjective };
process.stdout.write(`${JSON.stringify(result)}\n`);
