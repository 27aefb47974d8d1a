import { InvalidInputError, createRandom } from '@heterosparse/core';
import { describe, expect, it } from 'vitest';
import { createRealFft2d, createUnorderedRealFft2d } from './create-real-fft-2d.ts';
import type { FftBackendId } from './fft-backend-id.ts';
import type { RealFft2d } from './real-fft-2d.ts';
import type { UnorderedRealFft2d } from './unordered-real-fft-2d.ts';

/**
 * Tolerance of every check, relative to the largest magnitude involved. The
 * backends store float32 (ε ≈ 6e-8) and the pffft ones also compute in
 * float32, so errors grow like ε · log2(N) with small constants. 1e-5 leaves
 * room for that and still catches a wrong twiddle, sign or index, which
 * produce errors of order 1.
 */
const RELATIVE_TOLERANCE = 1e-5;

/** Returns `count` planes of seeded uniform values in [-1, 1). */
function randomPlanes(seed: number, length: number): Float32Array {
  const random = createRandom(seed);
  const values = new Float32Array(length);
  for (let i = 0; i < length; i++) values[i] = 2 * random.uniform() - 1;
  return values;
}

/** e^{-2πi j/n} for j = 0 … n−1, as [cos, sin] tables in float64. */
function twiddles(n: number): { cos: Float64Array; sin: Float64Array } {
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    cos[j] = Math.cos((2 * Math.PI * j) / n);
    sin[j] = -Math.sin((2 * Math.PI * j) / n);
  }
  return { cos, sin };
}

/** Computes the half spectrum of one plane by the O(N²) definition of numpy.fft.rfft2, in float64. */
function directRfft2(plane: Float32Array, height: number, width: number): Float64Array {
  const halfWidth = Math.floor(width / 2) + 1;
  const spectrum = new Float64Array(2 * height * halfWidth);
  for (let k = 0; k < height; k++) {
    for (let l = 0; l < halfWidth; l++) {
      let re = 0;
      let im = 0;
      for (let r = 0; r < height; r++) {
        for (let c = 0; c < width; c++) {
          // Reducing k·r and l·c first keeps the angle in [0, 4π), where it is accurate.
          const phase = ((k * r) % height) / height + ((l * c) % width) / width;
          const angle = 2 * Math.PI * phase;
          re += plane[r * width + c] * Math.cos(angle);
          im -= plane[r * width + c] * Math.sin(angle);
        }
      }
      spectrum[2 * (k * halfWidth + l)] = re;
      spectrum[2 * (k * halfWidth + l) + 1] = im;
    }
  }
  return spectrum;
}

/**
 * Computes one plane from a half spectrum by the definition of numpy.fft.irfft2: an
 * inverse complex DFT of each column, then a complex-to-real inverse DFT of
 * each row, which ignores the imaginary parts of the zero and Nyquist terms.
 */
function directIrfft2(spectrum: Float32Array, height: number, width: number): Float64Array {
  const halfWidth = Math.floor(width / 2) + 1;
  const columns = new Float64Array(2 * height * halfWidth);
  const rowTable = twiddles(height);
  for (let r = 0; r < height; r++) {
    for (let l = 0; l < halfWidth; l++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < height; k++) {
        const j = (k * r) % height;
        // e^{+2πi kr/H} = cos + i·(−sin table).
        const cos = rowTable.cos[j];
        const sin = -rowTable.sin[j];
        const xr = spectrum[2 * (k * halfWidth + l)];
        const xi = spectrum[2 * (k * halfWidth + l) + 1];
        re += xr * cos - xi * sin;
        im += xr * sin + xi * cos;
      }
      columns[2 * (r * halfWidth + l)] = re / height;
      columns[2 * (r * halfWidth + l) + 1] = im / height;
    }
  }
  const plane = new Float64Array(height * width);
  const columnTable = twiddles(width);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      let sum = columns[2 * r * halfWidth];
      for (let l = 1; l < halfWidth; l++) {
        const j = (l * c) % width;
        const cos = columnTable.cos[j];
        const sin = -columnTable.sin[j];
        const term = columns[2 * (r * halfWidth + l)] * cos - columns[2 * (r * halfWidth + l) + 1] * sin;
        // Terms 1 … ⌈W/2⌉−1 stand for themselves and their conjugate mirror; the Nyquist term of an even width does not.
        sum += width % 2 === 0 && l === halfWidth - 1 ? columns[2 * (r * halfWidth + l)] * cos : 2 * term;
      }
      plane[r * width + c] = sum / width;
    }
  }
  return plane;
}

function maxAbs(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  return max;
}

/** Largest |actual − expected| divided by the largest |expected|. */
function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < expected.length; i++) max = Math.max(max, Math.abs(actual[i] - expected[i]));
  return max / Math.max(maxAbs(expected), Number.MIN_VALUE);
}

/**
 * Runs the conformance specs of the {@link RealFft2d} contract against one
 * backend, for each `[height, width]` in `sizes`.
 */
export function describeRealFft2dConformance(backend: FftBackendId, sizes: ReadonlyArray<readonly [number, number]>): void {
  describe(`RealFft2d conformance: ${backend}`, () => {
    for (const [height, width] of sizes) {
      describe(`${height} × ${width}`, () => {
        const halfWidth = Math.floor(width / 2) + 1;
        const planeSize = height * width;
        const spectrumSize = 2 * height * halfWidth;
        const create = (): Promise<RealFft2d> => createRealFft2d(height, width, { backend });

        it('reports its size and backend', async () => {
          const fft = await create();
          expect(fft.backend).toBe(backend);
          expect([fft.height, fft.width, fft.halfWidth]).toEqual([height, width, halfWidth]);
          fft.dispose();
        });

        it('forward matches the direct DFT', async () => {
          const fft = await create();
          const plane = randomPlanes(1, planeSize);
          const spectrum = new Float32Array(spectrumSize);
          fft.forward(plane, spectrum);
          expect(relativeError(spectrum, directRfft2(plane, height, width))).toBeLessThan(RELATIVE_TOLERANCE);
          fft.dispose();
        });

        it('inverse matches the direct inverse DFT', async () => {
          const fft = await create();
          // An arbitrary half spectrum, not the transform of a real plane, so the
          // zero and Nyquist terms carry imaginary parts the inverse must ignore.
          const spectrum = randomPlanes(2, spectrumSize);
          const expected = directIrfft2(spectrum, height, width);
          const plane = new Float32Array(planeSize);
          fft.inverse(spectrum.slice(), plane);
          expect(relativeError(plane, expected)).toBeLessThan(RELATIVE_TOLERANCE);
          fft.dispose();
        });

        it('inverse undoes forward', async () => {
          const fft = await create();
          const plane = randomPlanes(3, planeSize);
          const spectrum = new Float32Array(spectrumSize);
          const roundTrip = new Float32Array(planeSize);
          fft.forward(plane, spectrum);
          fft.inverse(spectrum, roundTrip);
          expect(relativeError(roundTrip, plane)).toBeLessThan(RELATIVE_TOLERANCE);
          fft.dispose();
        });

        it('preserves energy (Parseval)', async () => {
          const fft = await create();
          const plane = randomPlanes(4, planeSize);
          const spectrum = new Float32Array(spectrumSize);
          fft.forward(plane, spectrum);
          let spatialEnergy = 0;
          for (const value of plane) spatialEnergy += value * value;
          let spectralEnergy = 0;
          for (let k = 0; k < height; k++) {
            for (let l = 0; l < halfWidth; l++) {
              // Columns other than zero and (even width) Nyquist also stand for their mirror image.
              const mirrored = l > 0 && !(width % 2 === 0 && l === halfWidth - 1);
              const re = spectrum[2 * (k * halfWidth + l)];
              const im = spectrum[2 * (k * halfWidth + l) + 1];
              spectralEnergy += (mirrored ? 2 : 1) * (re * re + im * im);
            }
          }
          expect(Math.abs(spectralEnergy / planeSize - spatialEnergy) / spatialEnergy).toBeLessThan(RELATIVE_TOLERANCE);
          fft.dispose();
        });

        it('is linear', async () => {
          const fft = await create();
          const x = randomPlanes(5, planeSize);
          const y = randomPlanes(6, planeSize);
          const [a, b] = [0.75, -2.5];
          const combined = x.map((value, i) => a * value + b * y[i]);
          const [fx, fy, fCombined] = [new Float32Array(spectrumSize), new Float32Array(spectrumSize), new Float32Array(spectrumSize)];
          fft.forward(x, fx);
          fft.forward(y, fy);
          fft.forward(combined, fCombined);
          const expected = fx.map((value, i) => a * value + b * fy[i]);
          expect(relativeError(fCombined, expected)).toBeLessThan(RELATIVE_TOLERANCE);
          fft.dispose();
        });

        it('transforms a batch like single planes', async () => {
          const fft = await create();
          const count = 3;
          const planes = randomPlanes(7, count * planeSize);
          const batch = new Float32Array(count * spectrumSize);
          fft.forward(planes, batch, count);
          const single = new Float32Array(spectrumSize);
          for (let p = 0; p < count; p++) {
            fft.forward(planes.subarray(p * planeSize, (p + 1) * planeSize), single);
            expect(batch.subarray(p * spectrumSize, (p + 1) * spectrumSize)).toEqual(single);
          }
          const back = new Float32Array(count * planeSize);
          fft.inverse(batch, back, count);
          expect(relativeError(back, planes)).toBeLessThan(RELATIVE_TOLERANCE);
          fft.dispose();
        });
      });
    }

    it('rejects buffers that are too short', async () => {
      const [height, width] = sizes[0];
      const fft = await createRealFft2d(height, width, { backend });
      const spectrumSize = 2 * height * fft.halfWidth;
      expect(() => fft.forward(new Float32Array(height * width), new Float32Array(spectrumSize - 1))).toThrow(InvalidInputError);
      expect(() => fft.forward(new Float32Array(height * width), new Float32Array(2 * spectrumSize), 2)).toThrow(InvalidInputError);
      expect(() => fft.inverse(new Float32Array(spectrumSize), new Float32Array(height * width), -1)).toThrow(InvalidInputError);
      fft.dispose();
    });

    it('leaves the output alone for a count of zero', async () => {
      const [height, width] = sizes[0];
      const fft = await createRealFft2d(height, width, { backend });
      const output = new Float32Array(2 * height * fft.halfWidth).fill(7);
      fft.forward(new Float32Array(0), output, 0);
      expect(maxAbs(output.map((value) => value - 7))).toBe(0);
      fft.dispose();
    });
  });
}

/** Float indices of the real and imaginary parts of value f (see `complexBlock`). */
function complexIndices(fft: UnorderedRealFft2d, f: number): [number, number] {
  const block = fft.complexBlock;
  const re = 2 * block * Math.floor(f / block) + (f % block);
  return [re, re + block];
}

/** Circular convolution of two planes by its definition, in float64. */
function directCircularConvolution(a: Float32Array, b: Float32Array, height: number, width: number): Float64Array {
  const result = new Float64Array(height * width);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      let sum = 0;
      for (let i = 0; i < height; i++) {
        for (let j = 0; j < width; j++) {
          sum += a[i * width + j] * b[((r - i + height) % height) * width + ((c - j + width) % width)];
        }
      }
      result[r * width + c] = sum;
    }
  }
  return result;
}

/**
 * Runs the conformance specs of {@link UnorderedRealFft2d} against one
 * backend: round trip, Parseval with `parsevalWeights`, the convolution
 * theorem (which fails if the order differs between spectra or pairs the
 * wrong real and imaginary parts), and the same set of magnitudes as the
 * ordered transform.
 */
export function describeUnorderedRealFft2dConformance(
  backend: FftBackendId,
  sizes: ReadonlyArray<readonly [number, number]>,
): void {
  describe(`UnorderedRealFft2d conformance: ${backend}`, () => {
    for (const [height, width] of sizes) {
      describe(`${height} × ${width}`, () => {
        const planeSize = height * width;
        const create = (): Promise<UnorderedRealFft2d> => createUnorderedRealFft2d(height, width, { backend });

        it('reports its size and buffers', async () => {
          const fft = await create();
          expect(fft.backend).toBe(backend);
          expect(fft.frequencies).toBe(height * (Math.floor(width / 2) + 1));
          expect(fft.plane().length).toBe(planeSize);
          expect(fft.spectrum().length).toBe(2 * fft.frequencies);
          expect(fft.parsevalWeights.length).toBe(fft.frequencies);
          expect(fft.frequencies % fft.complexBlock).toBe(0);
          fft.dispose();
        });

        it('inverse undoes forward', async () => {
          const fft = await create();
          const plane = randomPlanes(11, planeSize);
          fft.plane().set(plane);
          fft.forward();
          fft.inverse(1 / planeSize);
          expect(relativeError(fft.plane(), plane)).toBeLessThan(RELATIVE_TOLERANCE);
          fft.dispose();
        });

        it('preserves energy with its weights', async () => {
          const fft = await create();
          const plane = randomPlanes(12, planeSize);
          fft.plane().set(plane);
          fft.forward();
          const spectrum = fft.spectrum();
          let spectralEnergy = 0;
          for (let f = 0; f < fft.frequencies; f++) {
            const [re, im] = complexIndices(fft, f);
            spectralEnergy += fft.parsevalWeights[f] * (spectrum[re] ** 2 + spectrum[im] ** 2);
          }
          let spatialEnergy = 0;
          for (const value of plane) spatialEnergy += value * value;
          expect(Math.abs(spectralEnergy / planeSize - spatialEnergy) / spatialEnergy).toBeLessThan(RELATIVE_TOLERANCE);
          fft.dispose();
        });

        it('multiplies spectra as circular convolution', async () => {
          const fft = await create();
          const a = randomPlanes(13, planeSize);
          const b = randomPlanes(14, planeSize);
          fft.plane().set(a);
          fft.forward();
          const spectrumA = fft.spectrum().slice();
          fft.plane().set(b);
          fft.forward();
          const spectrum = fft.spectrum();
          for (let f = 0; f < fft.frequencies; f++) {
            const [re, im] = complexIndices(fft, f);
            const [ar, ai] = [spectrumA[re], spectrumA[im]];
            const [br, bi] = [spectrum[re], spectrum[im]];
            spectrum[re] = ar * br - ai * bi;
            spectrum[im] = ar * bi + ai * br;
          }
          fft.inverse(1 / planeSize);
          expect(relativeError(fft.plane(), directCircularConvolution(a, b, height, width))).toBeLessThan(RELATIVE_TOLERANCE);
          fft.dispose();
        });

        it('holds the magnitudes of the ordered spectrum', async () => {
          const fft = await create();
          const plane = randomPlanes(15, planeSize);
          fft.plane().set(plane);
          fft.forward();
          const spectrum = fft.spectrum();
          const actual = Array.from({ length: fft.frequencies }, (_, f) => {
            const [re, im] = complexIndices(fft, f);
            return Math.hypot(spectrum[re], spectrum[im]);
          }).sort((x, y) => x - y);
          const ordered = directRfft2(plane, height, width);
          const expected = Array.from({ length: fft.frequencies }, (_, f) => Math.hypot(ordered[2 * f], ordered[2 * f + 1])).sort((x, y) => x - y);
          expect(relativeError(actual, expected)).toBeLessThan(RELATIVE_TOLERANCE);
          fft.dispose();
        });
      });
    }
  });
}
