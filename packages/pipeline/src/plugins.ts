import type { PluginRegistry } from '@heterosparse/core';

import { randomArraysPlugin } from './plugins/random-arrays.ts';
import { saveNpyPlugin } from './plugins/save-npy.ts';

/** Registers the generic plugins of this package: `pipeline/random-arrays` and `pipeline/save-npy`. */
export function registerPipelinePlugins(registry: PluginRegistry): PluginRegistry {
  return registry.register(randomArraysPlugin).register(saveNpyPlugin);
}
