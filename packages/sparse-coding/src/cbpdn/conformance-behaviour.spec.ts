import { availableBackends, describeBackendBehaviour } from './conformance.ts';

for (const backend of await availableBackends()) describeBackendBehaviour(backend);
