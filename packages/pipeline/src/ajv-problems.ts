import type { ErrorObject } from 'ajv';
import { editDistance, type ValidationProblem } from '@heterosparse/core';

import { describeValue, escapePointer } from './describe-value.ts';

/**
 * Converts ajv errors (from an instance created with `verbose: true`) into
 * one problem per offending value, with JSON paths prefixed by `prefix`.
 *
 * `anyOf` and `oneOf` branch errors are folded into one problem, unless
 * exactly one branch matched the value's type, whose errors are then kept
 * because they are the specific ones. `if` errors are dropped because the
 * failing `then` branch reports its own errors.
 */
export function problemsFromAjvErrors(errors: readonly ErrorObject[], prefix = ''): ValidationProblem[] {
  const relevant = dropBesideTypeErrors(foldAlternatives(errors).filter((error) => error.keyword !== 'if'));
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  for (const error of relevant) {
    const problem = problemFromError(error, prefix);
    const key = `${problem.path}\u0000${problem.expected}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

/** Keeps only the type error for a value of the wrong type: its range or pattern errors add nothing. */
function dropBesideTypeErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return errors.filter((e) => e.keyword === 'type' || !wrongType.has(e.instancePath) || PARENT_KEYWORDS.has(e.keyword));
}

/** Keywords whose error points at a child of the value, not at the value itself. */
const PARENT_KEYWORDS = new Set(['required', 'additionalProperties', 'propertyNames']);

function foldAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'propertyNames') {
      for (const inner of branchErrors(errors, error)) dropped.add(inner);
    }
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') continue;
    const inner = branchErrors(errors, error);
    const branchCount = Array.isArray(error.schema) ? error.schema.length : 0;
    const typeFailed = new Set(
      inner
        .filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath)
        .map((e) => branchIndex(error, e)),
    );
    const matchingBranches = Array.from({ length: branchCount }, (_, i) => i).filter((i) => !typeFailed.has(i));
    if (matchingBranches.length === 1) {
      // The value has the type of one branch, so that branch's errors describe what is wrong.
      dropped.add(error);
      for (const e of inner) if (branchIndex(error, e) !== matchingBranches[0]) dropped.add(e);
    } else {
      for (const e of inner) dropped.add(e);
    }
  }
  return errors.filter((error) => !dropped.has(error));
}

/** Errors raised inside `parent`'s subschemas on `parent`'s value or values below it. */
function branchErrors(errors: readonly ErrorObject[], parent: ErrorObject): ErrorObject[] {
  const schemaPrefix = `${parent.schemaPath}/`;
  const instancePrefix = `${parent.instancePath}/`;
  return errors.filter(
    (e) =>
      e !== parent &&
      e.schemaPath.startsWith(schemaPrefix) &&
      (e.instancePath === parent.instancePath || e.instancePath.startsWith(instancePrefix)),
  );
}

function branchIndex(parent: ErrorObject, inner: ErrorObject): number {
  return Number.parseInt(inner.schemaPath.slice(parent.schemaPath.length + 1).split('/')[0], 10);
}

function problemFromError(error: ErrorObject, prefix: string): ValidationProblem {
  const path = prefix + error.instancePath;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const description = typeof parent.description === 'string' ? parent.description : undefined;
  const params = error.params as Record<string, unknown>;

  switch (error.keyword) {
    case 'required': {
      const name = String(params.missingProperty);
      return withHint(
        { path: `${path}/${escapePointer(name)}`, expected: 'a value (the property is required)', found: 'nothing' },
        propertyDescription(parent, name),
      );
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((parent.properties ?? {}) as Record<string, unknown>);
      const nearest = nearestName(name, known);
      return withHint(
        {
          path: `${path}/${escapePointer(name)}`,
          expected: known.length === 0 ? 'no property here' : `one of the properties ${known.join(', ')}`,
          found: `the unknown property "${name}"`,
        },
        nearest === undefined ? undefined : `did you mean "${nearest}"?`,
      );
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      const pattern = (error.schema as { pattern?: string } | undefined)?.pattern;
      return withHint(
        {
          path: `${path}/${escapePointer(name)}`,
          expected: pattern === undefined ? 'a valid property name' : `a property name matching ${pattern}`,
          found: `the name "${name}"`,
        },
        description,
      );
    }
    case 'anyOf':
    case 'oneOf':
      return withHint({ path, expected: describeAlternatives(error.schema), found: describeValue(error.data) }, description);
    default:
      return withHint({ path, expected: expectedFor(error), found: describeValue(error.data) }, description);
  }
}

function expectedFor(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return describeTypes(params.type);
    case 'enum':
      return `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return JSON.stringify(params.allowedValue);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `a number ${String(params.comparison)} ${String(params.limit)}`;
    case 'multipleOf':
      return `a multiple of ${String(params.multipleOf)}`;
    case 'minLength':
      return `a string of at least ${count(params.limit, 'character', 'characters')}`;
    case 'maxLength':
      return `a string of at most ${count(params.limit, 'character', 'characters')}`;
    case 'minItems':
      return `at least ${count(params.limit, 'item', 'items')}`;
    case 'maxItems':
      return `at most ${count(params.limit, 'item', 'items')}`;
    case 'minProperties':
      return `at least ${count(params.limit, 'property', 'properties')}`;
    case 'maxProperties':
      return `at most ${count(params.limit, 'property', 'properties')}`;
    case 'pattern':
      return `a string matching ${String(params.pattern)}`;
    case 'format':
      return `a string in the "${String(params.format)}" format`;
    case 'uniqueItems':
      return 'items that are all different';
    default:
      // Any other keyword: ajv's own message, for example "must match exactly one schema in oneOf".
      return error.message ?? `a value accepted by the "${error.keyword}" keyword`;
  }
}

function count(limit: unknown, singular: string, plural: string): string {
  return `${String(limit)} ${limit === 1 ? singular : plural}`;
}

const ARTICLE_TYPES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function describeTypes(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => ARTICLE_TYPES[String(t)] ?? String(t)).join(' or ');
}

function describeAlternatives(branches: unknown): string {
  if (!Array.isArray(branches)) return 'a value matching one of the alternatives';
  const words = branches.map((branch) => {
    const type = (branch as { type?: unknown }).type;
    return type === undefined ? 'a value matching an alternative' : describeTypes(type);
  });
  return [...new Set(words)].join(' or ');
}

function propertyDescription(schema: Record<string, unknown>, name: string): string | undefined {
  const property = (schema.properties as Record<string, { description?: unknown }> | undefined)?.[name];
  return typeof property?.description === 'string' ? property.description : undefined;
}

/** Returns the candidate nearest to `name` within edit distance 3, for "did you mean" hints. */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function withHint(problem: ValidationProblem, hint: string | undefined): ValidationProblem {
  return hint === undefined ? problem : { ...problem, hint };
}
