export * from './atomic-write.ts';
export * from './errors.ts';
export * from './kinds.ts';
export * from './logger.ts';
export * from './npy.ts';
export * from './npy-file.ts';
export * from './plugin.ts';
export * from './registry.ts';
