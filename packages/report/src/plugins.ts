import type { PluginRegistry } from '@heterosparse/core';

import { htmlReportPlugin } from './plugins/html-report-plugin.ts';

/** Registers the report package's plugins: `report/html`. */
export function registerReportPlugins(registry: PluginRegistry): void {
  registry.register(htmlReportPlugin);
}
