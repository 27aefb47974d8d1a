import { compileWat, wasmApi, type WasmMemory } from '@heterosparse/fft';

/** The exports of `atom-kernels.wat`; addresses are byte offsets into the imported memory. */
export interface AtomKernels {
  formX(d: number, z: number, image: number, gamma: number, out: number, blocks: number, rho: number): void;
  accumulateProducts(values: number, d: number, products: number, blocks: number): void;
  rescaleDual(y: number, u: number, out: number, count: number, factor: number): void;
  shrink(
    x: number,
    y: number,
    u: number,
    rows: number,
    width: number,
    alpha: number,
    threshold: number,
    nonNegative: number,
    sums: number,
  ): void;
}

const KERNEL_NAMES = ['formX', 'accumulateProducts', 'rescaleDual', 'shrink'] as const;

const instances = new WeakMap<WasmMemory, AtomKernels>();

function isAtomKernels(exports: Readonly<Record<string, unknown>>): exports is Readonly<Record<string, unknown>> & AtomKernels {
  return KERNEL_NAMES.every((name) => typeof exports[name] === 'function');
}

/** Returns the SIMD kernels bound to `memory`, instantiating them at the first call for that memory. */
export async function loadAtomKernels(memory: WasmMemory): Promise<AtomKernels> {
  const cached = instances.get(memory);
  if (cached !== undefined) return cached;
  const module = await compileWat(new URL('./atom-kernels.wat', import.meta.url));
  const instance = await wasmApi.instantiate(module, { env: { memory } });
  if (!isAtomKernels(instance.exports)) throw new Error('atom-kernels.wat does not export the expected kernels');
  instances.set(memory, instance.exports);
  return instance.exports;
}
