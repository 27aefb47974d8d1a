import { availableBackends, describeGolden64Parity } from './conformance.ts';

// Every 64×64 reference image with both dictionaries, 200 iterations (golden64/golden.json).
for (const backend of await availableBackends()) describeGolden64Parity(backend);
