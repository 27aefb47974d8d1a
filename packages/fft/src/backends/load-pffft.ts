import type { PffftModule } from '../types/pffft-module.ts';

/** `simd` loads `@echogarden/pffft-wasm/simd`, `scalar` the build without SIMD. */
export type PffftFlavour = 'simd' | 'scalar';

const REQUIRED_EXPORTS = [
  '_pffft_new_setup',
  '_pffft_destroy_setup',
  '_pffft_transform_ordered',
  '_pffft_transform',
  '_pffft_aligned_malloc',
  '_pffft_aligned_free',
  '_pffft_simd_size',
] as const;

const loaded = new Map<PffftFlavour, Promise<PffftModule>>();

function isPffftModule(value: unknown): value is PffftModule {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return REQUIRED_EXPORTS.every((name) => typeof record[name] === 'function') && record.HEAPF32 instanceof Float32Array;
}

async function instantiate(flavour: PffftFlavour): Promise<PffftModule> {
  const imported = flavour === 'simd' ? await import('@echogarden/pffft-wasm/simd') : await import('@echogarden/pffft-wasm');
  const instance = await imported.default();
  if (!isPffftModule(instance)) {
    throw new Error(`@echogarden/pffft-wasm (${flavour}) does not export the PFFFT functions this package expects (version 0.4.2 does)`);
  }
  return instance;
}

/**
 * Loads one PFFFT WebAssembly instance per flavour and thread, and shares it
 * between plans. Each plan allocates its own buffers in that instance.
 */
export function loadPffft(flavour: PffftFlavour): Promise<PffftModule> {
  let promise = loaded.get(flavour);
  if (promise === undefined) {
    promise = instantiate(flavour);
    // A failed load is not cached, so a later call can retry.
    promise.catch(() => loaded.delete(flavour));
    loaded.set(flavour, promise);
  }
  return promise;
}
