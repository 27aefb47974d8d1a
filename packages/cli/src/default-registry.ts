import { PluginRegistry } from '@heterosparse/core';
import { registerDatasetsPlugins } from '@heterosparse/datasets';
import { registerDictionaryPlugins } from '@heterosparse/dictionary';
import { registerMetricsPlugins } from '@heterosparse/metrics';
import { registerPipelinePlugins } from '@heterosparse/pipeline';
import { registerReportPlugins } from '@heterosparse/report';
import { registerSparseCodingPlugins } from '@heterosparse/sparse-coding';

/**
 * Creates the registry the command uses: the plugins of every package.
 * A package that adds plugins adds its `register…Plugins` call here.
 */
export function createDefaultRegistry(): PluginRegistry {
  const registry = new PluginRegistry();
  registerPipelinePlugins(registry);
  registerDictionaryPlugins(registry);
  registerDatasetsPlugins(registry);
  registerSparseCodingPlugins(registry);
  registerMetricsPlugins(registry);
  registerReportPlugins(registry);
  return registry;
}
