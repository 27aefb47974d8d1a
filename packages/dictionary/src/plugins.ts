import type { PluginRegistry } from '@heterosparse/core';

import { loadPlugin } from './plugins/load-plugin.ts';
import { logGaborPlugin } from './plugins/log-gabor-plugin.ts';
import { randomPlugin } from './plugins/random-plugin.ts';

/** Registers `dictionary/log-gabor`, `dictionary/random` and `dictionary/load`. */
export function registerDictionaryPlugins(registry: PluginRegistry): PluginRegistry {
  return registry.register(logGaborPlugin).register(randomPlugin).register(loadPlugin);
}
