import { describe, expect, it } from 'vitest';

import { createRandom, deriveSeed } from './random.ts';

describe('createRandom', () => {
  it('repeats the sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    for (let i = 0; i < 10; i++) expect(a.uniform()).toBe(b.uniform());
  });

  it('differs between seeds', () => {
    expect(createRandom(1).uniform()).not.toBe(createRandom(2).uniform());
  });

  it('draws normal samples with mean 0 and variance 1', () => {
    // With n = 20000 the standard error of the mean is 1/sqrt(n) ≈ 0.007.
    const random = createRandom(7);
    const n = 20000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = random.normal();
      sum += x;
      squares += x * x;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.05);
  });

  it('keeps uniform samples in [0, 1)', () => {
    const random = createRandom(3);
    for (let i = 0; i < 1000; i++) {
      const u = random.uniform();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });
});

describe('deriveSeed', () => {
  it('gives different seeds to different stages', () => {
    expect(deriveSeed(0, 'a')).not.toBe(deriveSeed(0, 'b'));
  });
});
