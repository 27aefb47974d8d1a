import { UsageError, type ValidationProblem } from '@heterosparse/core';

import { nearestName } from './ajv-problems.ts';
import { escapePointer } from './describe-value.ts';

/** One `--set` override: a dotted path below `stages` and the value to put there. */
export interface Override {
  /** `stage.field.key…`, for example `code.options.lambda`. */
  readonly path: readonly string[];
  readonly value: unknown;
  /** The override as the user typed it, for messages. */
  readonly text: string;
}

/**
 * Parses `stage.options.key=value`. The value is parsed as JSON when it
 * parses (`0.1`, `true`, `[1,2]`, `"text"`), and kept as a string otherwise.
 * Throws `UsageError` when there is no `=` or the path has fewer than two parts.
 */
export function parseOverride(text: string): Override {
  const equals = text.indexOf('=');
  if (equals < 0) {
    throw new UsageError(`--set ${text}: missing "="; write --set stage.options.key=value`);
  }
  const path = text.slice(0, equals).split('.');
  if (path.length < 2 || path.some((part) => part.length === 0)) {
    throw new UsageError(
      `--set ${text}: the path "${text.slice(0, equals)}" must be a stage id followed by a field, for example code.options.lambda`,
    );
  }
  const raw = text.slice(equals + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return { path, value, text };
}

/** A pipeline file with overrides applied, and the overrides that named no stage. */
export interface OverrideResult {
  readonly document: unknown;
  readonly problems: readonly ValidationProblem[];
}

/**
 * Returns a copy of a parsed pipeline file with the overrides applied below
 * `stages`, creating intermediate objects as needed. An override naming a
 * stage the file does not have is skipped and returned as a problem, so it
 * can be reported together with the problems validation finds.
 */
export function applyOverrides(document: unknown, overrides: readonly Override[]): OverrideResult {
  if (overrides.length === 0) return { document, problems: [] };
  const copy: unknown = structuredClone(document);
  const stages = isObject(copy) && isObject(copy.stages) ? copy.stages : undefined;
  const problems: ValidationProblem[] = [];
  for (const override of overrides) {
    const [stageId, ...rest] = override.path;
    const stage = stages?.[stageId];
    if (!isObject(stage)) {
      const nearest = nearestName(stageId, Object.keys(stages ?? {}));
      problems.push({
        path: `/stages/${escapePointer(stageId)}`,
        expected: 'the id of a stage in the pipeline file',
        found: `the missing stage "${stageId}" (from --set ${override.text})`,
        ...(nearest === undefined ? {} : { hint: `did you mean "${nearest}"?` }),
      });
      continue;
    }
    setPath(stage, rest, override.value);
  }
  return { document: copy, problems };
}
function setPath(target: Record<string, unknown> | unknown[], path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  const key: string | number = Array.isArray(target) && /^\d+$/.test(head) ? Number(head) : head;
  if (rest.length === 0) {
    (target as Record<string | number, unknown>)[key] = value;
    return;
  }
  const child = (target as Record<string | number, unknown>)[key];
  if (isObject(child) || Array.isArray(child)) {
    setPath(child, rest, value);
  } else {
    // A missing or scalar intermediate value becomes an object, so deep options can be set from nothing.
    const created: Record<string, unknown> = {};
    (target as Record<string | number, unknown>)[key] = created;
    setPath(created, rest, value);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
