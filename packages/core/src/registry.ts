import { InvalidInputError } from './errors.ts';
import type { Plugin } from './plugin.ts';

/**
 * The set of plugins a pipeline can use. Each package exports a
 * `register…Plugins(registry)` function; nothing registers itself on import.
 */
export class PluginRegistry {
  readonly #plugins = new Map<string, Plugin<never>>();

  /** Adds a plugin; a second plugin with the same id is an error. */
  register<O>(plugin: Plugin<O>): this {
    if (this.#plugins.has(plugin.id)) {
      throw new InvalidInputError(`plugin "${plugin.id}" is already registered; give the second one another id`);
    }
    this.#plugins.set(plugin.id, plugin as unknown as Plugin<never>);
    return this;
  }

  /** Returns the plugin with `id`, or `undefined`. */
  get(id: string): Plugin<Record<string, unknown>> | undefined {
    return this.#plugins.get(id) as Plugin<Record<string, unknown>> | undefined;
  }

  has(id: string): boolean {
    return this.#plugins.has(id);
  }

  /** Returns all plugins, sorted by id. */
  list(): Plugin<Record<string, unknown>>[] {
    return [...this.#plugins.keys()].sort().map((id) => this.get(id) as Plugin<Record<string, unknown>>);
  }

  /** Returns the registered id closest to `id` by edit distance, for "did you mean" hints. */
  nearest(id: string): string | undefined {
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of this.#plugins.keys()) {
      const distance = editDistance(id, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
