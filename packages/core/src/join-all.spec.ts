import { describe, expect, it } from 'vitest';
import { TestScheduler } from 'rxjs/testing';

import { joinAll } from './join-all.ts';

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('joinAll', () => {
  it('buffers early items until the gate completes', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const all = cold('  -a--b--|');
      const each = cold(' x-y----------z-|');
      const expected = '-------(pq)--r-|';
      expectObservable(joinAll(all, each)).toBe(expected, {
        p: [['a', 'b'], 'x'],
        q: [['a', 'b'], 'y'],
        r: [['a', 'b'], 'z'],
      });
      expectSubscriptions(all.subscriptions).toBe('^------!');
      expectSubscriptions(each.subscriptions).toBe('^--------------!');
    });
  });

  it('errors when the gate errors', () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(joinAll(cold('-a-#'), cold('x-----|'))).toBe('---#');
    });
  });

  it('completes empty when each stream is empty', () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(joinAll(cold('-a|'), cold('|'))).toBe('--|');
    });
  });

  it('unsubscribes from both inputs early', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const all = cold('-a-----|');
      const each = cold('x------|');
      expectObservable(joinAll(all, each), '---!').toBe('---');
      expectSubscriptions(all.subscriptions).toBe('^--!');
      expectSubscriptions(each.subscriptions).toBe('^--!');
    });
  });
});
