export { reconstruct } from './reconstruct.ts';
export * from './cbpdn/options.ts';
export * from './cbpdn/backend.ts';
export * from './cbpdn/validate-problem.ts';
export { cpuReferenceBackend, solveCbpdnReference } from './cbpdn/cpu-reference.ts';
export {
  cpuFastBackend,
  createCpuFastBackend,
  type CpuFastBackend,
  type CpuFastSettings,
} from './cbpdn/cpu-fast/cpu-fast-backend.ts';
export { cbpdnBackends, createCbpdnBackendRegistry } from './cbpdn/default-backends.ts';
export { solveCbpdn, type SolveCbpdnSettings } from './cbpdn/solve-cbpdn.ts';
export { coefficientsToCoordinateList, coefficientsToHeightWidthAtoms } from './code-layout.ts';
export { registerSparseCodingPlugins } from './plugins.ts';
export { cbpdnPlugin, type CbpdnPluginOptions } from './plugins/cbpdn-plugin.ts';
export { codeFileStem, saveCodesPlugin, type SaveCodesPluginOptions } from './plugins/save-codes-plugin.ts';
