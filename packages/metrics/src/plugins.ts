import type { PluginRegistry } from '@heterosparse/core';

import { codeMetricsPlugin } from './plugins/code-metrics.ts';
import { resiliencePlugin } from './plugins/resilience.ts';
import { summaryPlugin } from './plugins/summary.ts';

/** Registers `metrics/code-metrics`, `metrics/resilience` and `metrics/summary`. */
export function registerMetricsPlugins(registry: PluginRegistry): PluginRegistry {
  return registry.register(codeMetricsPlugin).register(resiliencePlugin).register(summaryPlugin);
}
