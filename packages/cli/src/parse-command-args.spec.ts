import { describe, expect, it } from 'vitest';

import { UsageError } from '@heterosparse/core';

import { parseCommandArgs } from './parse-command-args.ts';

const OPTIONS = { lambda: { type: 'string' }, quiet: { type: 'boolean' } } as const;

describe('parseCommandArgs', () => {
  it.each([['-1'], ['-0.5'], ['-.5'], ['-1e-3']])('reads the negative value %s after a space', (value) => {
    const { values } = parseCommandArgs('code', ['--lambda', value], OPTIONS);
    expect(values.lambda).toBe(value);
  });

  it('keeps a following flag as a flag', () => {
    expect(() => parseCommandArgs('code', ['--lambda', '-h'], OPTIONS)).toThrow(UsageError);
  });

  it('joins no value to a boolean flag', () => {
    expect(() => parseCommandArgs('code', ['--quiet', '-1'], OPTIONS)).toThrow(/Unknown option '-1'/);
  });
});
