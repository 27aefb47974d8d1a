import type { PluginRegistry } from '@heterosparse/core';

import { centerCropPlugin } from './plugins/center-crop-plugin.ts';
import { greyPlugin } from './plugins/grey-plugin.ts';
import { imageFolderPlugin } from './plugins/image-folder-plugin.ts';
import { lcnPlugin } from './plugins/lcn-plugin.ts';
import { npyFolderPlugin } from './plugins/npy-folder-plugin.ts';
import { resizePlugin } from './plugins/resize-plugin.ts';
import { toArrayPlugin } from './plugins/to-array-plugin.ts';

/** Registers the image sources and the preprocessing steps of `@heterosparse/datasets`, and the image-to-array step for `.npy` sinks. */
export function registerDatasetsPlugins(registry: PluginRegistry): PluginRegistry {
  return registry
    .register(imageFolderPlugin)
    .register(npyFolderPlugin)
    .register(greyPlugin)
    .register(centerCropPlugin)
    .register(resizePlugin)
    .register(lcnPlugin)
    .register(toArrayPlugin);
}
