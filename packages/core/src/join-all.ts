import { Observable } from 'rxjs';

/**
 * Pairs every item of `each$` with all items of `all$`.
 *
 * Subscribes to both streams at once, because the runtime multicasts stage
 * outputs without replay: a stage that subscribed to `each$` only after
 * `all$` completed would miss items. Items of `each$` that arrive before
 * `all$` completes are buffered, then emitted in order as `[allItems, item]`.
 *
 * Completes when both inputs have completed; errors as soon as either errors;
 * unsubscribing unsubscribes from both.
 */
export function joinAll<A, B>(all$: Observable<A>, each$: Observable<B>): Observable<[readonly A[], B]> {
  return new Observable<[readonly A[], B]>((subscriber) => {
    const all: A[] = [];
    const pending: B[] = [];
    let allDone = false;
    let eachDone = false;

    const eachSubscription = each$.subscribe({
      next: (item) => (allDone ? subscriber.next([all, item]) : pending.push(item)),
      error: (error: unknown) => subscriber.error(error),
      complete: () => {
        eachDone = true;
        if (allDone) subscriber.complete();
      },
    });
    const allSubscription = all$.subscribe({
      next: (item) => all.push(item),
      error: (error: unknown) => subscriber.error(error),
      complete: () => {
        allDone = true;
        for (const item of pending.splice(0)) subscriber.next([all, item]);
        if (eachDone) subscriber.complete();
      },
    });
    return () => {
      eachSubscription.unsubscribe();
      allSubscription.unsubscribe();
    };
  });
}
