export { reconstruct } from './reconstruct.ts';
export * from './cbpdn/options.ts';
export * from './cbpdn/backend.ts';
export * from './cbpdn/validate-problem.ts';
