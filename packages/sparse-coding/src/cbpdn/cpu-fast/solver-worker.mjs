// Entry point of a solver worker. A worker thread does not inherit a
// TypeScript loader registered in its parent by an API call (as vitest
// does), so this file registers tsx before it loads the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./solver-worker.ts');
