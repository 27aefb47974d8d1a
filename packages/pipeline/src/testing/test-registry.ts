import { EMPTY } from 'rxjs';
import { PluginRegistry, definePlugin, fromSource } from '@heterosparse/core';

import { registerPipelinePlugins } from '../plugins.ts';

/** Source of images with no items; only its kinds and options matter in validation tests. */
const imagesPlugin = definePlugin({
  id: 'test/images',
  description: 'Emits no images.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { path: { type: 'string', default: 'images', description: 'Folder of images.' } },
  },
  inputs: {},
  output: 'image',
  create: () => fromSource(EMPTY),
});

/** A coder-like stage with one required single port and one optional port that accepts several stages. */
const codePlugin = definePlugin({
  id: 'test/code',
  description: 'Passes nothing on.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      lambda: { type: 'number', minimum: 0, default: 0.01, description: 'Sparsity weight λ.' },
      solver: {
        type: 'object',
        additionalProperties: false,
        default: {},
        description: 'Solver settings.',
        properties: { maxIterations: { type: 'integer', minimum: 1, default: 100, description: 'Iteration limit.' } },
      },
    },
  },
  inputs: {
    images: { kinds: ['image'], description: 'Images to code.' },
    arrays: { kinds: ['array'], many: true, optional: true, description: 'Arrays to code.' },
  },
  output: 'sparse-code',
  create: () => fromSource(EMPTY),
});

/** Creates a registry with the plugins of this package and two test plugins, `test/images` and `test/code`. */
export function createTestRegistry(): PluginRegistry {
  return registerPipelinePlugins(new PluginRegistry()).register(imagesPlugin).register(codePlugin);
}
