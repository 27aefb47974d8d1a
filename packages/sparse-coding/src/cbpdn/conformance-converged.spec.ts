import { FULL_PARITY, GOLDEN64_CASES, describeConvergedParity, slowParityBackends, type ParityCase } from './conformance.ts';

// All twelve cases of golden64/golden-converged.json run on the fastest
// available backend (a few seconds each with cpu-fast). 2000 iterations take
// about 35 s per case with cpu-reference on 2 cores, so when that is the
// fastest backend only two cases run by default; HETEROSPARSE_FULL_PARITY=1
// checks all twelve cases on every backend.
const DEFAULT_CASES: readonly ParityCase[] = [
  { image: 'camera', dictionaries: ['homogeneous'] },
  { image: 'grass', dictionaries: ['heterogeneous'] },
];

for (const backend of await slowParityBackends()) {
  const everyCase = FULL_PARITY || backend.id !== 'cpu-reference';
  describeConvergedParity(backend, everyCase ? GOLDEN64_CASES : DEFAULT_CASES);
}
