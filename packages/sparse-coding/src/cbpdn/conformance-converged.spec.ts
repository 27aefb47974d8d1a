import { FULL_PARITY, GOLDEN64_CASES, describeConvergedParity, slowParityBackends, type ParityCase } from './conformance.ts';

// 2000 iterations take about 35 s per case with cpu-reference on 2 cores, so
// the default suite checks two images (one per dictionary) against
// golden64/golden-converged.json, on the fastest available backend only;
// HETEROSPARSE_FULL_PARITY=1 checks all twelve cases on every backend.
const DEFAULT_CASES: readonly ParityCase[] = [
  { image: 'camera', dictionaries: ['homogeneous'] },
  { image: 'grass', dictionaries: ['heterogeneous'] },
];

for (const backend of await slowParityBackends()) describeConvergedParity(backend, FULL_PARITY ? GOLDEN64_CASES : DEFAULT_CASES);
