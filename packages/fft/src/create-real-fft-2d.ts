import { InvalidInputError } from '@heterosparse/core';
import { createAnyLengthFft, createPowerOfTwoFft, isPowerOfTwo } from './backends/complex-fft-1d.ts';
import { PffftRealFft2d, pffftSizeProblem } from './backends/pffft-real-fft-2d.ts';
import { OrderedAsUnorderedRealFft2d } from './backends/ordered-as-unordered.ts';
import { PffftUnorderedRealFft2d } from './backends/pffft-unordered-real-fft-2d.ts';
import { SeparableRealFft2d } from './backends/separable-real-fft-2d.ts';
import { FFT_BACKEND_IDS, type FftBackendId, type RealFft2dOptions } from './fft-backend-id.ts';
import type { RealFft2d } from './real-fft-2d.ts';
import type { UnorderedRealFft2d } from './unordered-real-fft-2d.ts';

/** Returns why `backend` cannot transform a `height` × `width` plane, or undefined when it can. */
export function backendSizeProblem(backend: FftBackendId, height: number, width: number): string | undefined {
  switch (backend) {
    case 'pffft-simd':
      return pffftSizeProblem('simd', height, width);
    case 'pffft':
      return pffftSizeProblem('scalar', height, width);
    case 'fftjs':
      return isPowerOfTwo(height) && isPowerOfTwo(width) ? undefined : `height ${height} and width ${width} must be powers of two`;
    case 'fftjs-bluestein':
      return undefined;
  }
}

/** Returns the first backend of {@link FFT_BACKEND_IDS} (fastest first) that supports the size. */
export function chooseFftBackend(height: number, width: number): FftBackendId {
  const backend = FFT_BACKEND_IDS.find((id) => backendSizeProblem(id, height, width) === undefined);
  // fftjs-bluestein accepts every size, so the search always succeeds.
  return backend ?? 'fftjs-bluestein';
}

/** Validates the size and backend option, and returns the backend to use. */
function resolveBackend(caller: string, height: number, width: number, options: RealFft2dOptions): FftBackendId {
  for (const [name, value] of [['height', height], ['width', width]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new InvalidInputError(`${caller}: ${name} must be a positive integer, got ${String(value)}`);
    }
  }
  const requested = options.backend ?? 'auto';
  if (requested !== 'auto' && !(FFT_BACKEND_IDS as readonly string[]).includes(requested)) {
    throw new InvalidInputError(
      `${caller}: unknown backend "${String(requested)}", expected "auto" or one of ${FFT_BACKEND_IDS.join(', ')}`,
    );
  }
  const backend = requested === 'auto' ? chooseFftBackend(height, width) : requested;
  const problem = backendSizeProblem(backend, height, width);
  if (problem !== undefined) {
    throw new InvalidInputError(
      `${caller}: backend ${backend} cannot transform ${height} × ${width} planes: ${problem}. Use backend "auto" or "fftjs-bluestein", which accept any size.`,
    );
  }
  return backend;
}

/**
 * Creates a batched 2-D real FFT of `height` × `width` planes (see
 * {@link RealFft2d} for the layout and scaling).
 *
 * @param options.backend a backend id, or `auto` (default) for the fastest one that supports the size
 * @throws InvalidInputError when a size is not a positive integer, the backend id is unknown,
 *   or the named backend does not support the size
 *
 * @example
 * const fft = await createRealFft2d(256, 256);
 * const spectrum = new Float32Array(2 * fft.height * fft.halfWidth);
 * fft.forward(image, spectrum);
 */
export async function createRealFft2d(height: number, width: number, options: RealFft2dOptions = {}): Promise<RealFft2d> {
  const backend = resolveBackend('createRealFft2d', height, width, options);
  switch (backend) {
    case 'pffft-simd':
      return PffftRealFft2d.create('simd', height, width);
    case 'pffft':
      return PffftRealFft2d.create('scalar', height, width);
    case 'fftjs':
      return new SeparableRealFft2d(height, width, 'fftjs', createPowerOfTwoFft(width), createPowerOfTwoFft(height), width >= 4);
    case 'fftjs-bluestein':
      return new SeparableRealFft2d(
        height,
        width,
        'fftjs-bluestein',
        createAnyLengthFft(width),
        createAnyLengthFft(height),
        isPowerOfTwo(width) && width >= 4,
      );
  }
}

/**
 * Creates a one-plane 2-D real FFT whose spectrum is in a backend-specific
 * order (see {@link UnorderedRealFft2d}). The pffft backends skip the final
 * transposes and reorders; the others keep the usual order.
 *
 * @param options.backend a backend id, or `auto` (default) for the fastest one that supports the size
 * @throws InvalidInputError as {@link createRealFft2d}
 */
export async function createUnorderedRealFft2d(
  height: number,
  width: number,
  options: RealFft2dOptions = {},
): Promise<UnorderedRealFft2d> {
  const backend = resolveBackend('createUnorderedRealFft2d', height, width, options);
  if (backend === 'pffft-simd' || backend === 'pffft') {
    return PffftUnorderedRealFft2d.create(backend === 'pffft-simd' ? 'simd' : 'scalar', height, width);
  }
  return new OrderedAsUnorderedRealFft2d(await createRealFft2d(height, width, { backend }));
}
