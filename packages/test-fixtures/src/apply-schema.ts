import { Ajv2020 } from 'ajv/dist/2020.js';

import type { JsonSchema } from '@heterosparse/core';

/**
 * Validates `options` against a plugin schema the way the pipeline does
 * (draft 2020-12, strict mode, defaults filled in) and returns the options
 * with defaults, or throws with every ajv message.
 */
export function applySchema<O>(schema: JsonSchema, options: Record<string, unknown>): O {
  const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: true });
  const validate = ajv.compile(schema);
  const copy = structuredClone(options);
  if (!validate(copy)) {
    throw new Error(ajv.errorsText(validate.errors));
  }
  return copy as O;
}
