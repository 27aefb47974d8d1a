import { readFile } from 'node:fs/promises';

import wabtFactory from 'wabt';

import { wasmApi, type WasmModule } from './types/wasm-api.ts';

const compiled = new Map<string, Promise<WasmModule>>();

async function compile(url: URL): Promise<WasmModule> {
  const source = await readFile(url, 'utf8');
  const wabt = await wabtFactory();
  const parsed = wabt.parseWat(url.pathname, source, { simd: true });
  try {
    parsed.validate();
    return await wasmApi.compile(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}

/**
 * Assembles a WebAssembly text file (with SIMD) using wabt and compiles it,
 * once per file and thread. The kernels of this project ship as `.wat`
 * source and are assembled at load time, which takes a few milliseconds.
 */
export function compileWat(url: URL): Promise<WasmModule> {
  let module = compiled.get(url.href);
  if (module === undefined) {
    module = compile(url);
    // A failed compilation is not cached, so a later call reports the error again.
    module.catch(() => compiled.delete(url.href));
    compiled.set(url.href, module);
  }
  return module;
}
