// Declarations for the Emscripten modules of @echogarden/pffft-wasm 0.4.2,
// which ships no types. The loader checks the exports it needs at run time.
declare module '@echogarden/pffft-wasm/simd' {
  const factory: (moduleArgument?: object) => Promise<unknown>;
  export default factory;
}

declare module '@echogarden/pffft-wasm' {
  const factory: (moduleArgument?: object) => Promise<unknown>;
  export default factory;
}
