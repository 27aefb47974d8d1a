export type { RealFft2d } from './real-fft-2d.ts';
export type { UnorderedRealFft2d, WebAssemblyBuffers } from './unordered-real-fft-2d.ts';
export { FFT_BACKEND_IDS, type FftBackendId, type RealFft2dOptions } from './fft-backend-id.ts';
export { createRealFft2d, createUnorderedRealFft2d, chooseFftBackend, backendSizeProblem } from './create-real-fft-2d.ts';
export { wasmApi, type WasmApi, type WasmInstance, type WasmMemory, type WasmModule } from './types/wasm-api.ts';
export { compileWat } from './compile-wat.ts';
