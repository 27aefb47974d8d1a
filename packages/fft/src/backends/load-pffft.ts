import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import type { PffftModule } from '../types/pffft-module.ts';
import { wasmApi, type WasmInstance, type WasmMemory, type WasmModule } from '../types/wasm-api.ts';

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

/** A loaded PFFFT instance and its linear memory, which other WebAssembly modules can import. */
export interface PffftInstance {
  readonly module: PffftModule;
  readonly memory: WasmMemory;
}

const loaded = new Map<PffftFlavour, Promise<PffftInstance>>();

function isPffftModule(value: unknown): value is PffftModule {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return REQUIRED_EXPORTS.every((name) => typeof record[name] === 'function') && record.HEAPF32 instanceof Float32Array;
}

async function instantiate(flavour: PffftFlavour): Promise<PffftInstance> {
  const specifier = flavour === 'simd' ? '@echogarden/pffft-wasm/simd' : '@echogarden/pffft-wasm';
  const imported = flavour === 'simd' ? await import('@echogarden/pffft-wasm/simd') : await import('@echogarden/pffft-wasm');
  // The Emscripten module keeps its memory private, so instantiate the binary here (its
  // `instantiateWasm` hook) to get hold of the WebAssembly.Memory it exports.
  const wasmPath = new URL('pffft.wasm', `file://${createRequire(import.meta.url).resolve(specifier)}`);
  const bytes = await readFile(wasmPath);
  let memory: WasmMemory | undefined;
  let failLoad: (error: unknown) => void = () => {};
  const loadFailed = new Promise<never>((_, reject) => (failLoad = reject));
  const instantiateWasm = (
    imports: object,
    receive: (instance: WasmInstance, module: WasmModule) => void,
  ): object => {
    wasmApi.instantiate(bytes, imports).then(({ instance, module }) => {
      memory = Object.values(instance.exports).find((value): value is WasmMemory => value instanceof wasmApi.Memory);
      receive(instance, module);
    }, failLoad);
    return {};
  };
  const instance = await Promise.race([imported.default({ instantiateWasm }), loadFailed]);
  if (!isPffftModule(instance)) {
    throw new Error(`${specifier} does not export the PFFFT functions this package expects (version 0.4.2 does)`);
  }
  if (memory === undefined) throw new Error(`${specifier} exports no WebAssembly.Memory`);
  return { module: instance, memory };
}

/**
 * Loads one PFFFT WebAssembly instance per flavour and thread, and shares it
 * between plans. Each plan allocates its own buffers in that instance.
 */
export function loadPffft(flavour: PffftFlavour): Promise<PffftInstance> {
  let promise = loaded.get(flavour);
  if (promise === undefined) {
    promise = instantiate(flavour);
    // A failed load is not cached, so a later call can retry.
    promise.catch(() => loaded.delete(flavour));
    loaded.set(flavour, promise);
  }
  return promise;
}
