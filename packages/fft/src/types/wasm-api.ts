/**
 * The part of the WebAssembly JavaScript API this project uses. The Node 20
 * type definitions (`@types/node` 20) do not declare the `WebAssembly`
 * global, and the DOM library is not loaded, so it is typed here under other
 * names to avoid clashing with either.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

/** A compiled module (opaque). */
export interface WasmModule {
  readonly compiledModule: true;
}

export interface WasmInstance {
  readonly exports: Readonly<Record<string, unknown>>;
}

export interface WasmApi {
  readonly Memory: abstract new (...args: never[]) => WasmMemory;
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: WasmInstance; module: WasmModule }>;
  instantiate(module: WasmModule, imports: object): Promise<WasmInstance>;
}

/** The global `WebAssembly` object. */
export const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
