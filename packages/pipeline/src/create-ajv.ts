import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; depending on the loader its default export is the plugin or the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

/**
 * Creates the ajv instance used for pipeline files and plugin options:
 * JSON Schema draft 2020-12, every error at once, defaults filled in,
 * the schema and data attached to each error for messages, and strict
 * mode, so a plugin schema with an unknown keyword fails to compile.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, useDefaults: true, verbose: true, strict: true });
  addFormats(ajv);
  return ajv;
}
