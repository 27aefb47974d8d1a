import { describe, expect, it } from 'vitest';

import { InvalidInputError } from '@heterosparse/core';

import { createRandomBank } from './random-bank.ts';

describe('createRandomBank', () => {
  it('normalises each atom to unit l2 norm', () => {
    const bank = createRandomBank({ name: 'r', size: 5, atoms: 4, seed: 3, normalise: 'l2' });
    for (let k = 0; k < 4; k++) {
      let sum = 0;
      for (let pixel = 0; pixel < 25; pixel++) sum += bank.data[pixel * 4 + k] ** 2;
      expect(Math.sqrt(sum)).toBeCloseTo(1, 6);
    }
  });

  it('repeats with the same seed', () => {
    const options = { name: 'r', size: 3, atoms: 2, seed: 11, normalise: 'max-abs' } as const;

    expect(createRandomBank(options).data).toEqual(createRandomBank(options).data);
    expect(createRandomBank({ ...options, seed: 12 }).data).not.toEqual(createRandomBank(options).data);
  });

  it('rejects zero atoms', () => {
    expect(() => createRandomBank({ name: 'r', size: 3, atoms: 0, seed: 1, normalise: 'l2' })).toThrow(InvalidInputError);
  });
});
