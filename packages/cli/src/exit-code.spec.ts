import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  FileReadError,
  FileWriteError,
  InvalidInputError,
  PipelineValidationError,
  StageError,
  UsageError,
} from '@heterosparse/core';

import { exitCodeFor } from './exit-code.ts';

describe('exitCodeFor', () => {
  it.each([
    ['UsageError', new UsageError('bad flag'), 2],
    ['FileReadError', new FileReadError('a.json', 'cannot read a.json'), 2],
    ['FileWriteError', new FileWriteError('x/D.npy', 'cannot write x/D.npy'), 2],
    ['PipelineValidationError', new PipelineValidationError([]), 1],
    ['InvalidInputError', new InvalidInputError('bad shape'), 1],
    ['StageError', new StageError('code', new Error('NaN')), 1],
    ['CancelledError', new CancelledError(), 130],
    ['StageError caused by a cancel', new StageError('code', new CancelledError()), 130],
    ['an unexpected error', new TypeError('x is undefined'), 1],
  ])('maps %s', (_name, error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});
