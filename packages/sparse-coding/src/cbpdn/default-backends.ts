import { CbpdnBackendRegistry } from './backend.ts';
import { cpuFastBackend } from './cpu-fast/cpu-fast-backend.ts';
import { cpuReferenceBackend } from './cpu-reference.ts';

/**
 * Creates a registry holding every CBPDN backend of this package. A new
 * backend is added here with one `register` line; `auto` then prefers it
 * over the others when its priority is higher and it is available.
 */
export function createCbpdnBackendRegistry(): CbpdnBackendRegistry {
  return new CbpdnBackendRegistry().register(cpuReferenceBackend).register(cpuFastBackend);
}

/** The registry `solveCbpdn` uses unless it is given another one. */
export const cbpdnBackends: CbpdnBackendRegistry = createCbpdnBackendRegistry();
