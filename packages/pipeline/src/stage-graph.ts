/**
 * Graph helpers over `stage id → upstream stage ids`. Edges to ids that are
 * not keys of the map are ignored, so the helpers work on pipelines that
 * still have missing-stage problems.
 */

/** Stage id → ids of the stages it reads from, in file order. */
export type UpstreamMap = ReadonlyMap<string, readonly string[]>;

/**
 * Finds every cycle of the graph once. Each cycle is listed in data-flow
 * order and closed, `['a', 'b', 'a']` meaning a feeds b and b feeds a.
 */
export function findCycles(upstream: UpstreamMap): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();

  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const input of upstream.get(id) ?? []) {
      if (!upstream.has(input)) continue;
      if (state.get(input) === 'open') {
        // The stack from `input` to `id` follows "reads from" edges; reverse it for data flow.
        const loop = stack.slice(stack.indexOf(input)).reverse();
        const key = [...loop].sort().join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...loop, loop[0]]);
        }
      } else if (!state.has(input)) {
        visit(input);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };

  for (const id of upstream.keys()) if (!state.has(id)) visit(id);
  return cycles;
}

/**
 * Orders stages so that every stage comes after the stages it reads from,
 * keeping file order where the graph allows (Kahn's algorithm). Throws on a
 * cycle; validation reports cycles before this runs.
 */
export function topologicalOrder(upstream: UpstreamMap): string[] {
  const ids = [...upstream.keys()];
  const placed = new Set<string>();
  const order: string[] = [];
  while (order.length < ids.length) {
    const next = ids.find(
      (id) => !placed.has(id) && (upstream.get(id) ?? []).every((input) => placed.has(input) || !upstream.has(input)),
    );
    if (next === undefined) {
      const rest = ids.filter((id) => !placed.has(id));
      throw new Error(`topologicalOrder: the stages ${rest.join(', ')} form a cycle`);
    }
    placed.add(next);
    order.push(next);
  }
  return order;
}
