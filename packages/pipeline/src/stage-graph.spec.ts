import { describe, expect, it } from 'vitest';

import { findCycles, topologicalOrder } from './stage-graph.ts';

const graph = (entries: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(entries));

describe('findCycles', () => {
  it('finds no cycle in a diamond', () => {
    expect(findCycles(graph({ a: [], b: ['a'], c: ['a'], d: ['b', 'c'] }))).toEqual([]);
  });

  it('lists a two-stage cycle in data-flow order', () => {
    // b reads a and a reads b: a feeds b, b feeds a.
    expect(findCycles(graph({ a: ['b'], b: ['a'] }))).toEqual([['b', 'a', 'b']]);
  });

  it('finds a stage that reads itself', () => {
    expect(findCycles(graph({ a: ['a'] }))).toEqual([['a', 'a']]);
  });

  it('reports two separate cycles', () => {
    expect(findCycles(graph({ a: ['b'], b: ['a'], c: ['d'], d: ['c'] }))).toHaveLength(2);
  });

  it('ignores edges to unknown stages', () => {
    expect(findCycles(graph({ a: ['missing'] }))).toEqual([]);
  });
});

describe('topologicalOrder', () => {
  it('keeps file order where the graph allows', () => {
    expect(topologicalOrder(graph({ a: [], b: [], c: ['a'] }))).toEqual(['a', 'b', 'c']);
  });

  it('moves a stage after the stages it reads', () => {
    expect(topologicalOrder(graph({ sink: ['code'], code: ['images'], images: [] }))).toEqual(['images', 'code', 'sink']);
  });

  it('throws on a cycle', () => {
    expect(() => topologicalOrder(graph({ a: ['b'], b: ['a'] }))).toThrow(/a, b form a cycle/);
  });
});
