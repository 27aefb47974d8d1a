export * from './command.ts';
export * from './commands/index.ts';
export * from './default-registry.ts';
export * from './exit-code.ts';
export * from './main.ts';
export * from './parse-command-args.ts';
export * from './progress-reporter.ts';
