import { describe, expect, it } from 'vitest';
import { EMPTY } from 'rxjs';
import { PipelineValidationError, definePlugin, formatProblem, fromSource } from '@heterosparse/core';

import { checkPipeline, validatePipeline } from './check-pipeline.ts';
import { createTestRegistry } from './testing/test-registry.ts';

const registry = createTestRegistry();

/** Validates `document` and returns its problems, one formatted line each. */
function problems(document: unknown): string[] {
  return checkPipeline(document, registry).problems.map(formatProblem);
}

const valid = {
  name: 'demo',
  seed: 3,
  stages: {
    images: { plugin: 'test/images' },
    noise: { plugin: 'pipeline/random-arrays', options: { count: 2 } },
    code: { plugin: 'test/code', inputs: { images: 'images', arrays: ['noise'] }, options: { lambda: 0.1 } },
  },
};

describe('checkPipeline', () => {
  it('accepts a valid pipeline and fills in defaults', () => {
    const { problems: found, pipeline } = checkPipeline(valid, registry);
    expect(found).toEqual([]);
    expect(pipeline?.stages.code.options).toEqual({ lambda: 0.1, solver: { maxIterations: 100 } });
    expect(pipeline?.stages.images.inputs).toEqual({});
    expect(pipeline?.stages.noise.options).toEqual({ count: 2, shape: [8, 8], distribution: 'normal', prefix: 'array' });
  });

  it('accepts any plugin with the same kinds in place of another', () => {
    const registry = createTestRegistry().register(
      definePlugin({
        id: 'test/no-arrays',
        description: 'Emits no arrays.',
        optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
        inputs: {},
        output: 'array',
        create: () => fromSource(EMPTY),
      }),
    );
    const swapped = { ...valid, stages: { ...valid.stages, noise: { plugin: 'test/no-arrays' } } };
    expect(checkPipeline(swapped, registry).problems).toEqual([]);
  });

  it('leaves the parsed document unchanged', () => {
    const document = structuredClone(valid);
    checkPipeline(document, registry);
    expect(document).toEqual(valid);
  });

  it('fills in the default seed', () => {
    const { seed: _, ...withoutSeed } = valid;
    expect(checkPipeline(withoutSeed, registry).pipeline?.seed).toBe(0);
  });

  it('reports schema violations at the root', () => {
    expect(problems({ name: 7, stages: {}, extra: true })).toMatchInlineSnapshot(`
      [
        "/extra: expected one of the properties $schema, name, description, seed, stages, found the unknown property "extra"",
        "/name: expected a string, found the integer 7 (Pipeline name; run directories are named \`<name>-<time>\`.)",
        "/stages: expected at least 1 property, found an empty object (Stage id → stage. Ids start with a letter and contain letters, digits, \`_\` and \`-\`.)",
      ]
    `);
  });

  it('reports a document that is not an object', () => {
    expect(problems([])).toMatchInlineSnapshot(`
      [
        "/: expected an object, found an empty array (A directed acyclic graph of stages, each implemented by a registered plugin.)",
      ]
    `);
  });

  it('reports an unknown plugin with the nearest id', () => {
    const document = { name: 'demo', stages: { noise: { plugin: 'pipeline/random-array' } } };
    expect(problems(document)).toMatchInlineSnapshot(`
      [
        "/stages/noise/plugin: expected the id of a registered plugin, found the unknown plugin "pipeline/random-array" (did you mean "pipeline/random-arrays"? \`heterosparse plugins\` lists every plugin)",
      ]
    `);
  });

  it('guesses no plugin id when none is close', () => {
    const document = { name: 'demo', stages: { code: { plugin: 'sparse-coding/cbpdn' } } };
    expect(problems(document)).toEqual([
      '/stages/code/plugin: expected the id of a registered plugin, found the unknown plugin "sparse-coding/cbpdn" (`heterosparse plugins` lists every plugin)',
    ]);
  });

  it('reports options rejected by the plugin schema', () => {
    const document = {
      name: 'demo',
      stages: {
        images: { plugin: 'test/images' },
        code: { plugin: 'test/code', inputs: { images: 'images' }, options: { lambda: -1, lamda: 2, solver: { maxIterations: 0.5 } } },
      },
    };
    expect(problems(document)).toMatchInlineSnapshot(`
      [
        "/stages/code/options/lamda: expected one of the properties lambda, solver, found the unknown property "lamda" (did you mean "lambda"?)",
        "/stages/code/options/lambda: expected a number >= 0, found the integer -1 (Sparsity weight λ.)",
        "/stages/code/options/solver/maxIterations: expected an integer, found the number 0.5 (Iteration limit.)",
      ]
    `);
  });

  it('reports inputs that name missing stages, unknown ports and wrong kinds', () => {
    const document = {
      name: 'demo',
      stages: {
        noise: { plugin: 'pipeline/random-arrays' },
        code: { plugin: 'test/code', inputs: { images: 'noise', arrays: ['nois'], image: 'noise' } },
      },
    };
    expect(problems(document)).toMatchInlineSnapshot(`
      [
        "/stages/code/inputs/images: expected a stage producing image (port "images" of plugin "test/code"), found stage "noise" producing array",
        "/stages/code/inputs/arrays/0: expected the id of a stage in this pipeline, found the missing stage "nois" (did you mean "noise"?)",
        "/stages/code/inputs/image: expected an input port of plugin "test/code": images, arrays, found the unknown port "image" (did you mean "images"?)",
      ]
    `);
  });

  it('reports a missing required input and several streams on a single port', () => {
    const document = {
      name: 'demo',
      stages: {
        a: { plugin: 'test/images' },
        b: { plugin: 'test/images' },
        code: { plugin: 'test/code', inputs: { images: ['a', 'b'] } },
        other: { plugin: 'test/code' },
      },
    };
    expect(problems(document)).toMatchInlineSnapshot(`
      [
        "/stages/code/inputs/images: expected one stage id (port "images" of plugin "test/code" reads one stream), found an array of 2 items",
        "/stages/other/inputs/images: expected a stage producing image (port "images" of plugin "test/code" is required), found nothing (Images to code.)",
      ]
    `);
  });

  it('reports a cycle', () => {
    const document = {
      name: 'demo',
      stages: {
        save: { plugin: 'pipeline/save-npy', inputs: { arrays: ['again'] } },
        again: { plugin: 'pipeline/save-npy', inputs: { arrays: ['save'] } },
      },
    };
    expect(problems(document)).toMatchInlineSnapshot(`
      [
        "/stages/again/inputs: expected stages that form no cycle, found the cycle again → save → again (each stage feeds the next)",
      ]
    `);
  });

  it('reports inputs of the wrong type with one problem each', () => {
    const document = {
      name: 'demo',
      stages: {
        noise: { plugin: 'pipeline/random-arrays' },
        save: { plugin: 'pipeline/save-npy', inputs: { arrays: 3 } },
        copy: { plugin: 'pipeline/save-npy', inputs: { arrays: 'Bad Id' } },
      },
    };
    expect(problems(document)).toMatchInlineSnapshot(`
      [
        "/stages/save/inputs/arrays: expected a string or an array, found the integer 3 (A stage id, or a non-empty list of stage ids.)",
        "/stages/copy/inputs/arrays: expected a string matching ^[A-Za-z][A-Za-z0-9_-]*$, found the string "Bad Id"",
        "/stages/copy/inputs/arrays: expected the id of a stage in this pipeline, found the missing stage "Bad Id"",
      ]
    `);
  });

  it('reports every problem of a broken file at once', () => {
    const document = {
      name: 'broken pipeline',
      seed: -1,
      stages: {
        noise: { plugin: 'pipeline/random-arrays', options: { count: 'many' } },
        code: { plugin: 'test/cod', inputs: { images: 'noise' } },
        save: { plugin: 'pipeline/save-npy', inputs: { arrays: ['missing', 'save'] } },
      },
    };
    expect(problems(document)).toMatchInlineSnapshot(`
      [
        "/name: expected a string matching ^[A-Za-z0-9][A-Za-z0-9._-]*$, found the string "broken pipeline" (Pipeline name; run directories are named \`<name>-<time>\`.)",
        "/seed: expected a number >= 0, found the integer -1 (Seed of the run (unsigned 32-bit); each stage derives its own seed from it and its id.)",
        "/stages/noise/options/count: expected an integer, found the string "many" (Number of arrays to emit.)",
        "/stages/code/plugin: expected the id of a registered plugin, found the unknown plugin "test/cod" (did you mean "test/code"? \`heterosparse plugins\` lists every plugin)",
        "/stages/save/inputs/arrays/0: expected the id of a stage in this pipeline, found the missing stage "missing"",
        "/stages/save/inputs: expected stages that form no cycle, found the cycle save → save (each stage feeds the next)",
      ]
    `);
  });
});

describe('validatePipeline', () => {
  it('throws every problem in one error', () => {
    const document = { name: 'demo', stages: { a: { plugin: 'test/nothing' }, b: { plugin: 'test/images', options: { path: 1 } } } };
    let thrown: unknown;
    try {
      validatePipeline(document, registry);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PipelineValidationError);
    expect((thrown as PipelineValidationError).message).toMatchInlineSnapshot(`
      "invalid pipeline, 2 problem(s):
        /stages/a/plugin: expected the id of a registered plugin, found the unknown plugin "test/nothing" (\`heterosparse plugins\` lists every plugin)
        /stages/b/options/path: expected a string, found the integer 1 (Folder of images.)"
    `);
  });
});
