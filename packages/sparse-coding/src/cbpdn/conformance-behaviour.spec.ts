import { describeBackendBehaviour } from './conformance.ts';
import { createCbpdnBackendRegistry } from './default-backends.ts';

for (const backend of createCbpdnBackendRegistry().list()) {
  if (await backend.isAvailable()) describeBackendBehaviour(backend);
}
