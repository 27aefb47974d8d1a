import { describe, expect, it } from 'vitest';
import { map, merge, throwError, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { StageError } from '@heterosparse/core';

import { executeStages, type ExecutableStage, type StageEvent } from './execute-stages.ts';

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** A stage that reads port `in` and upper-cases each letter. */
function upper(id: string, from: string): ExecutableStage {
  return { id, inputs: { in: [from] }, run: (inputs) => (inputs.in as Observable<string>).pipe(map((x) => x.toUpperCase())) };
}

function source(id: string, stream: Observable<string>): ExecutableStage {
  return { id, inputs: {}, run: () => stream };
}

const item = (stageId: string, value: string): StageEvent => ({ type: 'item', stageId, item: value });
const done = (stageId: string): StageEvent => ({ type: 'complete', stageId });

describe('executeStages', () => {
  it('emits every stage item and completes after the last stage', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const a = cold('-x----y----|');
      expectObservable(executeStages([source('a', a), upper('b', 'a')])).toBe('-(pq)-(rs)-(cd|)', {
        p: item('a', 'x'),
        q: item('b', 'X'),
        r: item('a', 'y'),
        s: item('b', 'Y'),
        c: done('a'),
        d: done('b'),
      });
    });
  });

  it('ends with one completion event per stage', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const stages = [source('a', cold('--|')), upper('b', 'a')];
      expectObservable(executeStages(stages)).toBe('--(cd|)', { c: done('a'), d: done('b') });
    });
  });

  // Consumers connect last stage first, so the later consumer of a shared stage sees each item first.
  it('runs a shared stage once for two consumers', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-x-----|');
      const stages = [source('a', a), upper('b', 'a'), upper('c', 'a')];
      expectObservable(executeStages(stages)).toBe('-(pqr)-(stu|)', {
        p: item('a', 'x'),
        q: item('c', 'X'),
        r: item('b', 'X'),
        s: done('a'),
        t: done('c'),
        u: done('b'),
      });
      expectSubscriptions(a.subscriptions).toBe('^------!');
    });
  });

  it('lets every consumer see items a source emits at once', () => {
    scheduler().run(({ cold, expectObservable }) => {
      // A synchronous source starts last, after both consumers subscribed.
      const stages = [source('a', cold('(x|)')), upper('b', 'a'), upper('c', 'a')];
      expectObservable(executeStages(stages)).toBe('(pqrstu|)', {
        p: item('a', 'x'),
        q: item('c', 'X'),
        r: item('b', 'X'),
        s: done('a'),
        t: done('c'),
        u: done('b'),
      });
    });
  });

  it('merges several upstream stages on one port', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const stages: ExecutableStage[] = [
        source('a', cold('-x--------|')),
        source('b', cold('-----y---|')),
        { id: 'c', inputs: { in: ['a', 'b'] }, run: (inputs) => inputs.in },
      ];
      const events = executeStages(stages).pipe(map((e) => (e.type === 'item' && e.stageId === 'c' ? e.item : '.')));
      expectObservable(events).toBe('-(.x)(.y).(..|)');
    });
  });

  it('gives an unconnected port an empty stream', () => {
    scheduler().run(({ expectObservable }) => {
      const stage: ExecutableStage = { id: 'a', inputs: { in: [] }, run: (inputs) => merge(inputs.in) };
      expectObservable(executeStages([stage])).toBe('(c|)', { c: done('a') });
    });
  });

  it('fails with the id of the stage that errored', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-x----#', undefined, new Error('disk full'));
      const other = cold('---------x|');
      const stages = [source('a', a), upper('b', 'a'), source('c', other)];
      const error = new StageError('a', new Error('disk full'));
      expectObservable(executeStages(stages)).toBe('-(pq)-#', { p: item('a', 'x'), q: item('b', 'X') }, error);
      expectSubscriptions(other.subscriptions).toBe('^-----!');
    });
  });

  it('keeps the first stage id when an error crosses downstream stages', async () => {
    const stages = [source('a', throwError(() => new Error('bad header'))), upper('b', 'a')];
    const failure = await new Promise<unknown>((resolve) => executeStages(stages).subscribe({ error: resolve }));
    expect(failure).toBeInstanceOf(StageError);
    expect((failure as StageError).stageId).toBe('a');
  });

  it('reports an error thrown while building a stage', () => {
    scheduler().run(({ expectObservable }) => {
      const broken: ExecutableStage = {
        id: 'a',
        inputs: {},
        run: () => {
          throw new Error('no such file');
        },
      };
      expectObservable(executeStages([broken])).toBe('#', undefined, new StageError('a', new Error('no such file')));
    });
  });

  it('unsubscribes from every stage when the run is cancelled', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = cold('-x-------|');
      const b = cold('-----y---|');
      const stages = [source('a', a), source('b', b), upper('c', 'a')];
      expectObservable(executeStages(stages), '-------!').toBe('-(pq)r', {
        p: item('a', 'x'),
        q: item('c', 'X'),
        r: item('b', 'y'),
      });
      expectSubscriptions(a.subscriptions).toBe('^------!');
      expectSubscriptions(b.subscriptions).toBe('^------!');
    });
  });

  it('completes at once for an empty graph', () => {
    scheduler().run(({ expectObservable }) => {
      expectObservable(executeStages([])).toBe('|');
    });
  });
});
