import type { ValidateFunction } from 'ajv';
import { InvalidInputError, type Plugin, type ValidationProblem } from '@heterosparse/core';

import { problemsFromAjvErrors } from './ajv-problems.ts';
import { createAjv } from './create-ajv.ts';

const ajv = createAjv();
const validators = new WeakMap<Plugin<Record<string, unknown>>, ValidateFunction>();

/**
 * Returns the compiled validator of a plugin's options schema, compiling it
 * once per plugin. Throws `InvalidInputError` naming the plugin when the
 * schema does not compile (a bug in the plugin, not in the pipeline file).
 */
export function optionsValidator(plugin: Plugin<Record<string, unknown>>): ValidateFunction {
  let validate = validators.get(plugin);
  if (validate === undefined) {
    try {
      validate = ajv.compile(plugin.optionsSchema);
    } catch (error) {
      throw new InvalidInputError(
        `the options schema of plugin "${plugin.id}" does not compile: ${(error as Error).message}; fix the schema in the plugin's package`,
        { cause: error },
      );
    }
    validators.set(plugin, validate);
  }
  return validate;
}

/**
 * Validates `options` against the plugin's schema, filling in defaults in
 * place, and returns one problem per invalid value with paths under `prefix`.
 */
export function checkPluginOptions(
  plugin: Plugin<Record<string, unknown>>,
  options: Record<string, unknown>,
  prefix: string,
): ValidationProblem[] {
  const validate = optionsValidator(plugin);
  return validate(options) ? [] : problemsFromAjvErrors(validate.errors ?? [], prefix);
}
