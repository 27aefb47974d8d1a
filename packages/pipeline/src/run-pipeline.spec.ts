import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Observable, from, map, of } from 'rxjs';
import {
  CancelledError,
  StageError,
  UsageError,
  definePlugin,
  fromOperator,
  fromSource,
  parseNpy,
  type ProgressEvent,
} from '@heterosparse/core';

import { validatePipeline } from './check-pipeline.ts';
import { runPipeline } from './run-pipeline.ts';
import { createTestRegistry } from './testing/test-registry.ts';

let base: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'heterosparse-run-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Lists every file below `dir`, relative to it, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

const arraysPipeline = (count: number, seed = 1): unknown => ({
  name: 'arrays',
  seed,
  stages: {
    noise: { plugin: 'pipeline/random-arrays', options: { count, shape: [2, 3] } },
    save: { plugin: 'pipeline/save-npy', inputs: { arrays: 'noise' } },
  },
});

describe('runPipeline', () => {
  it('writes the resolved pipeline, results, log and stage files', async () => {
    const registry = createTestRegistry();
    const runDir = join(base, 'run');
    const { results } = await runPipeline(validatePipeline(arraysPipeline(3), registry), registry, { runDir });

    expect(await listFiles(runDir)).toEqual([
      'arrays/array-000.npy',
      'arrays/array-001.npy',
      'arrays/array-002.npy',
      'pipeline.json',
      'results.json',
      'run.log',
    ]);
    const written = await readJson(join(runDir, 'results.json'));
    expect(written).toEqual(results);
    const run = written.run as { status: string; stages: Record<string, { items: number; plugin: string }> };
    expect(run.status).toBe('completed');
    expect(written.run).toMatchObject({ cwd: process.cwd() });
    expect(run.stages.noise).toMatchObject({ plugin: 'pipeline/random-arrays', items: 3 });
    expect(run.stages.save).toMatchObject({ plugin: 'pipeline/save-npy', items: 3 });
    expect(written.save).toEqual({ directory: 'arrays', files: 3 });

    const resolved = await readJson(join(runDir, 'pipeline.json'));
    expect((resolved.stages as Record<string, { options: unknown }>).save.options).toEqual({ directory: 'arrays' });
    expect(await readFile(join(runDir, 'run.log'), 'utf8')).toMatch(/stage "save" completed [0-9.]+ s after the run started: 3 items/);

    const array = parseNpy(await readFile(join(runDir, 'arrays/array-001.npy')));
    expect(array.shape).toEqual([2, 3]);
    expect(array.data).toHaveLength(6);
  });

  it('records start, finish and active time per stage', async () => {
    // A fake clock in milliseconds: the source moves it while it emits, so each stage's times are known.
    let clock = 0;
    const ticking = definePlugin({
      id: 'test/ticking',
      description: 'Emits two arrays at 1 s and 3 s, completes at 4 s.',
      optionsSchema: { type: 'object' },
      inputs: {},
      output: 'array',
      create: () =>
        fromSource(
          new Observable((subscriber) => {
            clock = 1000;
            subscriber.next({ kind: 'array', name: 'one', shape: [1], data: new Float32Array([1]) });
            clock = 3000;
            subscriber.next({ kind: 'array', name: 'two', shape: [1], data: new Float32Array([2]) });
            clock = 4000;
            subscriber.complete();
          }),
        ),
    });
    const registry = createTestRegistry().register(ticking);
    const pipeline = validatePipeline(
      { name: 'timed', stages: { source: { plugin: 'test/ticking' }, save: { plugin: 'pipeline/save-npy', inputs: { arrays: 'source' } } } },
      registry,
    );
    const runDir = join(base, 'run');
    await runPipeline(pipeline, registry, { runDir, now: () => clock });

    const run = (await readJson(join(runDir, 'results.json'))).run as { stages: Record<string, unknown> };
    expect(run.stages.source).toEqual({ plugin: 'test/ticking', items: 2, startedAt: 0, finishedAt: 4, seconds: 4 });
    expect(run.stages.save).toEqual({ plugin: 'pipeline/save-npy', items: 2, startedAt: 1, finishedAt: 4, seconds: 3 });
    const log = await readFile(join(runDir, 'run.log'), 'utf8');
    expect(log).toContain('stage "save" completed 4.0 s after the run started: 2 items, active for 3.0 s');
  });

  it('repeats the same arrays for the same seed', async () => {
    const registry = createTestRegistry();
    const read = async (runDir: string, seed: number): Promise<Buffer> => {
      await runPipeline(validatePipeline(arraysPipeline(1, seed), registry), registry, { runDir });
      return readFile(join(runDir, 'arrays/array-000.npy'));
    };
    const first = await read(join(base, 'a'), 5);
    expect(await read(join(base, 'b'), 5)).toEqual(first);
    expect(await read(join(base, 'c'), 6)).not.toEqual(first);
  });

  it('runs a stage read by two consumers once', async () => {
    let subscriptions = 0;
    const counted = definePlugin({
      id: 'test/counted',
      description: 'Counts its subscriptions.',
      optionsSchema: { type: 'object' },
      inputs: {},
      output: 'array',
      create: () =>
        fromSource(
          new Observable((subscriber) => {
            subscriptions += 1;
            subscriber.next({ kind: 'array', name: 'one', shape: [1], data: new Float32Array([1]) });
            subscriber.complete();
          }),
        ),
    });
    const registry = createTestRegistry().register(counted);
    const pipeline = validatePipeline(
      {
        name: 'shared',
        stages: {
          source: { plugin: 'test/counted' },
          left: { plugin: 'pipeline/save-npy', inputs: { arrays: 'source' }, options: { directory: 'left' } },
          right: { plugin: 'pipeline/save-npy', inputs: { arrays: 'source' }, options: { directory: 'right' } },
        },
      },
      registry,
    );
    const runDir = join(base, 'run');
    await runPipeline(pipeline, registry, { runDir });
    expect(subscriptions).toBe(1);
    expect(await listFiles(runDir)).toContain('left/one.npy');
    expect(await listFiles(runDir)).toContain('right/one.npy');
  });

  it('records a failed stage in results.json and throws its id', async () => {
    const failing = definePlugin({
      id: 'test/failing',
      description: 'Fails on its second item.',
      optionsSchema: { type: 'object' },
      inputs: { arrays: { kinds: ['array'], description: 'Any arrays.' } },
      output: 'array',
      create: () =>
        fromOperator(
          'arrays',
          map((item, index) => {
            if (index === 1) throw new Error('out of memory');
            return item;
          }),
        ),
    });
    const registry = createTestRegistry().register(failing);
    const pipeline = validatePipeline(
      { name: 'failing', stages: { noise: { plugin: 'pipeline/random-arrays' }, fail: { plugin: 'test/failing', inputs: { arrays: 'noise' } } } },
      registry,
    );
    const runDir = join(base, 'run');
    const failure = await runPipeline(pipeline, registry, { runDir }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StageError);
    expect((failure as StageError).stageId).toBe('fail');
    const run = (await readJson(join(runDir, 'results.json'))).run as Record<string, unknown>;
    expect(run.status).toBe('failed');
    expect(run.error).toEqual({ stage: 'fail', message: 'stage "fail" failed: out of memory' });
    expect(await readFile(join(runDir, 'run.log'), 'utf8')).toMatch(/error stage "fail" failed: out of memory/);
  });

  it('fails a stage whose items are not of its declared kind', async () => {
    const liar = definePlugin({
      id: 'test/liar',
      description: 'Declares arrays, emits images.',
      optionsSchema: { type: 'object' },
      inputs: {},
      output: 'array',
      create: () => fromSource(of({ kind: 'image' })),
    });
    const registry = createTestRegistry().register(liar);
    const pipeline = validatePipeline({ name: 'liar', stages: { liar: { plugin: 'test/liar' } } }, registry);
    await expect(runPipeline(pipeline, registry, { runDir: join(base, 'run') })).rejects.toThrow(
      'stage "liar" failed: plugin "test/liar" declares output kind "array" but emitted an item of kind "image"',
    );
  });

  it('stops on cancel and leaves only complete files', async () => {
    const registry = createTestRegistry();
    const pipeline = validatePipeline(arraysPipeline(100_000), registry);
    const runDir = join(base, 'run');
    const controller = new AbortController();
    const failure = await runPipeline(pipeline, registry, {
      runDir,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.stageId === 'save' && event.done === 5) controller.abort();
      },
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(CancelledError);
    const files = await listFiles(runDir);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    const arrays = files.filter((file) => file.endsWith('.npy'));
    expect(arrays.length).toBeGreaterThanOrEqual(5);
    expect(arrays.length).toBeLessThan(100_000);
    for (const file of arrays) expect(parseNpy(await readFile(join(runDir, file))).data).toHaveLength(6);
    const run = (await readJson(join(runDir, 'results.json'))).run as Record<string, unknown>;
    expect(run.status).toBe('cancelled');
  });

  it('does not start when the signal is already aborted', async () => {
    const registry = createTestRegistry();
    const controller = new AbortController();
    controller.abort();
    const runDir = join(base, 'never');
    await expect(runPipeline(validatePipeline(arraysPipeline(1), registry), registry, { runDir, signal: controller.signal })).rejects.toThrow(
      CancelledError,
    );
    await expect(readdir(runDir)).rejects.toThrow(/ENOENT/);
  });

  it('rejects a run directory that is not empty', async () => {
    const registry = createTestRegistry();
    await writeFile(join(base, 'old.txt'), 'earlier run');
    await expect(runPipeline(validatePipeline(arraysPipeline(1), registry), registry, { runDir: base })).rejects.toThrow(UsageError);
  });

  it('forwards progress events with the stage id', async () => {
    const registry = createTestRegistry();
    const events: ProgressEvent[] = [];
    await runPipeline(validatePipeline(arraysPipeline(2), registry), registry, {
      runDir: join(base, 'run'),
      onProgress: (event) => events.push(event),
    });
    expect(events.filter((event) => event.stageId === 'noise')).toEqual([
      { stageId: 'noise', done: 1, total: 2 },
      { stageId: 'noise', done: 2, total: 2 },
    ]);
  });
});

describe('stage context', () => {
  /** Runs one source stage whose plugin calls `act` with its context, and returns the failure. */
  async function failureOf(act: Parameters<typeof definePlugin>[0]['create']): Promise<unknown> {
    const plugin = definePlugin({
      id: 'test/act',
      description: 'Calls a test function with its context.',
      optionsSchema: { type: 'object' },
      inputs: {},
      output: 'array',
      create: act,
    });
    const source = definePlugin({
      id: 'test/result',
      description: 'Sets the result key "summary".',
      optionsSchema: { type: 'object' },
      inputs: {},
      output: 'array',
      create: (_options, context) => {
        context.setResult('summary', { value: 1 });
        return fromSource(of());
      },
    });
    const registry = createTestRegistry().register(plugin).register(source);
    const pipeline = validatePipeline({ name: 'act', stages: { first: { plugin: 'test/result' }, act: { plugin: 'test/act' } } }, registry);
    return runPipeline(pipeline, registry, { runDir: join(base, 'run') }).then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  it('rejects a file path outside the run directory', async () => {
    const failure = await failureOf((_options, context) => () => from(context.writeFile('../escape.txt', 'x')));
    expect(String(failure)).toMatch(/not a file path inside the run directory/);
  });

  it('rejects the runtime file names', async () => {
    const failure = await failureOf((_options, context) => () => from(context.writeFile('results.json', '{}')));
    expect(String(failure)).toMatch(/cannot write "results.json", which the runtime writes/);
  });

  it('rejects the result key of the runtime', async () => {
    const failure = await failureOf((_options, context) => {
      context.setResult('run', 1);
      return fromSource(of());
    });
    expect(String(failure)).toMatch(/cannot set the result key "run"/);
  });

  it('rejects a result key another stage set', async () => {
    const failure = await failureOf((_options, context) => {
      context.setResult('summary', 2);
      return fromSource(of());
    });
    // Stages are created last first, so either stage may be the one that fails.
    expect(String(failure)).toMatch(/cannot set the result key "summary", which stage "(first|act)" set/);
  });

  it('rejects a result that JSON cannot represent', async () => {
    const failure = await failureOf((_options, context) => {
      context.setResult('count', 10n);
      return fromSource(of());
    });
    expect(String(failure)).toMatch(/set result "count" to a value that is not JSON/);
  });
});
