import { InvalidInputError } from '@heterosparse/core';
import { describe, expect, it } from 'vitest';
import { chooseFftBackend, createRealFft2d } from './create-real-fft-2d.ts';
import { describeRealFft2dConformance, describeUnorderedRealFft2dConformance } from './real-fft-2d.conformance.ts';

describeRealFft2dConformance('fftjs', [
  [8, 8],
  [4, 16],
  [16, 2],
  [1, 8],
  [2, 1],
]);
describeRealFft2dConformance('fftjs-bluestein', [
  [12, 10],
  [6, 16],
  [7, 9],
  [5, 5],
  [3, 1],
  [1, 1],
  [8, 8],
]);
describeRealFft2dConformance('pffft', [
  [12, 10],
  [8, 8],
  [4, 6],
  [20, 30],
  [1, 2],
  [2, 4],
]);
describeRealFft2dConformance('pffft-simd', [
  [16, 32],
  [48, 32],
  [32, 96],
]);

describeUnorderedRealFft2dConformance('fftjs', [
  [8, 8],
  [4, 2],
]);
describeUnorderedRealFft2dConformance('fftjs-bluestein', [
  [7, 9],
  [6, 10],
]);
describeUnorderedRealFft2dConformance('pffft', [
  [12, 10],
  [4, 6],
]);
describeUnorderedRealFft2dConformance('pffft-simd', [
  [16, 32],
  [48, 32],
]);

describe('createRealFft2d', () => {
  it('picks pffft-simd for 256 × 256', async () => {
    const fft = await createRealFft2d(256, 256);
    expect(fft.backend).toBe('pffft-simd');
    fft.dispose();
  });

  it('picks the scalar pffft when the SIMD build cannot', () => {
    // 240 = 16 · 15 suits the SIMD build as a height, but a real length must be a multiple of 32.
    expect(chooseFftBackend(240, 240)).toBe('pffft');
    expect(chooseFftBackend(12, 10)).toBe('pffft');
  });

  it('picks fftjs-bluestein for 250 × 250', () => {
    // 250 = 2 · 5³: the scalar pffft would end its column transform on a radix-5 pass.
    expect(chooseFftBackend(250, 250)).toBe('fftjs-bluestein');
  });

  it('rejects column lengths that end on a radix-3 pass in pffft', async () => {
    await expect(createRealFft2d(6, 16, { backend: 'pffft' })).rejects.toThrow(/height 6 must be a power of two, or a multiple of 4/);
  });

  it('picks fftjs-bluestein for odd sizes', () => {
    expect(chooseFftBackend(7, 9)).toBe('fftjs-bluestein');
    expect(chooseFftBackend(64, 127)).toBe('fftjs-bluestein');
  });

  it('rejects a size the named backend cannot take', async () => {
    await expect(createRealFft2d(8, 8, { backend: 'pffft-simd' })).rejects.toThrow(InvalidInputError);
    await expect(createRealFft2d(8, 8, { backend: 'pffft-simd' })).rejects.toThrow(/width 8 must be a multiple of 32/);
    await expect(createRealFft2d(6, 8, { backend: 'fftjs' })).rejects.toThrow(/powers of two/);
  });

  it('rejects non-positive sizes and unknown backends', async () => {
    await expect(createRealFft2d(0, 8)).rejects.toThrow(/height must be a positive integer, got 0/);
    await expect(createRealFft2d(8, 2.5)).rejects.toThrow(/width must be a positive integer, got 2.5/);
    // @ts-expect-error an id outside FftBackendId, as a JSON pipeline could pass it
    await expect(createRealFft2d(8, 8, { backend: 'fftw' })).rejects.toThrow(/unknown backend "fftw"/);
  });
});
