import type { MetricsItem } from '@heterosparse/core';
import { InvalidInputError } from '@heterosparse/core';

/** All metrics of one (image, dictionary) pair, merged from one or more metrics items. */
export interface MergedMetrics {
  readonly imageId: string;
  readonly dictionaryName: string;
  readonly values: Readonly<Record<string, number>>;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * Merges metrics items that describe the same image and dictionary (for
 * example one from `metrics/code-metrics` and one from `metrics/resilience`)
 * and sorts the result by image id, then dictionary name.
 *
 * Throws `InvalidInputError` when two items give different numbers for the
 * same value key, or both carry the same details key, for one pair: that
 * happens when a metrics stage is connected twice.
 */
export function mergeMetrics(items: readonly MetricsItem[]): MergedMetrics[] {
  const merged = new Map<string, { imageId: string; dictionaryName: string; values: Record<string, number>; details: Record<string, unknown> }>();
  for (const item of items) {
    const key = JSON.stringify([item.imageId, item.dictionaryName]);
    const entry = merged.get(key) ?? { imageId: item.imageId, dictionaryName: item.dictionaryName, values: {}, details: {} };
    merged.set(key, entry);
    const pair = `image "${item.imageId}" with dictionary "${item.dictionaryName}"`;

    for (const [name, value] of Object.entries(item.values)) {
      if (name in entry.values && !Object.is(entry.values[name], value)) {
        throw new InvalidInputError(
          `metrics of ${pair} give ${name} twice (${entry.values[name]} and ${value}); connect each metrics stage once`,
        );
      }
      entry.values[name] = value;
    }
    for (const [name, value] of Object.entries(item.details ?? {})) {
      if (name in entry.details) {
        throw new InvalidInputError(`metrics of ${pair} give details.${name} twice; connect each metrics stage once`);
      }
      entry.details[name] = value;
    }
  }
  return [...merged.values()].sort(
    (a, b) => compareStrings(a.imageId, b.imageId) || compareStrings(a.dictionaryName, b.dictionaryName),
  );
}

/** Returns the solver backend that `metrics/code-metrics` stored in `details.backend`, or undefined when no item gave one. */
export function backendOf(row: MergedMetrics): string | undefined {
  const backend = row.details.backend;
  return typeof backend === 'string' ? backend : undefined;
}

/** Orders strings by UTF-16 code units, the same on every machine and locale. */
function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
