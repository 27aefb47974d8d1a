import type { PluginRegistry } from '@heterosparse/core';

import { cbpdnPlugin } from './plugins/cbpdn-plugin.ts';
import { saveCodesPlugin } from './plugins/save-codes-plugin.ts';

/** Registers `sparse-coding/cbpdn` and `sparse-coding/save-codes`. */
export function registerSparseCodingPlugins(registry: PluginRegistry): void {
  registry.register(cbpdnPlugin).register(saveCodesPlugin);
}
