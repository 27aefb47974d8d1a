import { describe, expect, it } from 'vitest';
import { UsageError, formatProblem } from '@heterosparse/core';

import { applyOverrides, parseOverride } from './apply-overrides.ts';

const document = {
  name: 'demo',
  stages: {
    images: { plugin: 'test/images', options: { path: 'images' } },
    code: { plugin: 'test/code', inputs: { arrays: ['a', 'b'] } },
  },
};

describe('parseOverride', () => {
  it('parses a JSON number', () => {
    expect(parseOverride('code.options.lambda=0.1')).toEqual({ path: ['code', 'options', 'lambda'], value: 0.1, text: 'code.options.lambda=0.1' });
  });

  it('parses JSON arrays, booleans and null', () => {
    expect(parseOverride('a.options.shape=[4,4]').value).toEqual([4, 4]);
    expect(parseOverride('a.options.fast=false').value).toBe(false);
    expect(parseOverride('a.options.limit=null').value).toBeNull();
  });

  it('keeps text that is not JSON as a string', () => {
    expect(parseOverride('images.options.path=data/my images').value).toBe('data/my images');
  });

  it('keeps everything after the first equals sign', () => {
    expect(parseOverride('a.options.query=x=1').value).toBe('x=1');
  });

  it('reads a quoted JSON string without its quotes', () => {
    expect(parseOverride('a.options.name="007"').value).toBe('007');
  });

  it('rejects a missing equals sign', () => {
    expect(() => parseOverride('code.options.lambda')).toThrow(UsageError);
  });

  it('rejects a path without a field', () => {
    expect(() => parseOverride('code=1')).toThrow(/must be a stage id followed by a field/);
  });

  it('rejects an empty path segment', () => {
    expect(() => parseOverride('code..lambda=1')).toThrow(UsageError);
  });
});

describe('applyOverrides', () => {
  it('sets an existing option', () => {
    const result = applyOverrides(document, [parseOverride('images.options.path=/data/kodak')]).document as typeof document;
    expect(result.stages.images.options.path).toBe('/data/kodak');
  });

  it('creates missing objects on the way', () => {
    const result = applyOverrides(document, [parseOverride('code.options.solver.maxIterations=50')]).document as {
      stages: { code: { options: { solver: { maxIterations: number } } } };
    };
    expect(result.stages.code.options.solver.maxIterations).toBe(50);
  });

  it('sets an array element by index', () => {
    const result = applyOverrides(document, [parseOverride('code.inputs.arrays.1=c')]).document as typeof document;
    expect(result.stages.code.inputs.arrays).toEqual(['a', 'c']);
  });

  it('leaves the input document unchanged', () => {
    const before = structuredClone(document);
    applyOverrides(document, [parseOverride('images.options.path=x')]);
    expect(document).toEqual(before);
  });

  it('reports every override that names a missing stage', () => {
    const { problems } = applyOverrides(document, [parseOverride('image.options.path=x'), parseOverride('other.options.a=1')]);
    expect(problems.map(formatProblem)).toEqual([
      '/stages/image: expected the id of a stage in the pipeline file, found the missing stage "image" (from --set image.options.path=x) (did you mean "images"?)',
      '/stages/other: expected the id of a stage in the pipeline file, found the missing stage "other" (from --set other.options.a=1)',
    ]);
  });

  it('applies the overrides that name existing stages', () => {
    const result = applyOverrides(document, [parseOverride('image.options.path=x'), parseOverride('images.options.path=y')]);
    expect((result.document as typeof document).stages.images.options.path).toBe('y');
  });
});
