import { connectable, defer, EMPTY, merge, Observable, Subject, Subscription, catchError, throwError } from 'rxjs';
import type { Connectable } from 'rxjs';
import { StageError, type StageFunction, type StageInputs } from '@heterosparse/core';

/** A stage ready to run: its function and, per input port, the ids of the stages it reads. */
export interface ExecutableStage {
  readonly id: string;
  /** Port name → upstream stage ids; an empty list gives the port `EMPTY`, several ids are merged. */
  readonly inputs: Readonly<Record<string, readonly string[]>>;
  readonly run: StageFunction;
}

/** Event of the stage graph: an item of one stage, or the completion of one stage. */
export type StageEvent =
  | { readonly type: 'item'; readonly stageId: string; readonly item: unknown }
  | { readonly type: 'complete'; readonly stageId: string };

/**
 * Runs a stage graph. `stages` must be in topological order (upstream
 * before downstream).
 *
 * Each stage's output is multicast through a `Subject` without replay, so
 * a stage read by several consumers runs once. Every consumer subscribes
 * before any stage starts: outputs are connected from the last stage to the
 * first, so sources start only when everything downstream listens. As a
 * consequence, consumers of one stage receive each item in reverse file order.
 *
 * On subscribe, builds and starts every stage. Emits an `item` event for each
 * item of each stage and a `complete` event when a stage completes; completes
 * when all stages have. Errors with a `StageError` naming the first stage
 * that failed (an error that crosses downstream stages keeps the original
 * stage id). Unsubscribing unsubscribes every stage, which is how a run is cancelled.
 */
export function executeStages(stages: readonly ExecutableStage[]): Observable<StageEvent> {
  return new Observable<StageEvent>((subscriber) => {
    const outputs = new Map<string, Connectable<unknown>>();
    for (const stage of stages) {
      const inputs = stageInputs(stage, outputs);
      const output = defer(() => stage.run(inputs)).pipe(
        catchError((error: unknown) => throwError(() => (error instanceof StageError ? error : new StageError(stage.id, error)))),
      );
      outputs.set(stage.id, connectable(output, { connector: () => new Subject<unknown>(), resetOnDisconnect: false }));
    }

    const subscription = new Subscription();
    let running = stages.length;
    if (running === 0) subscriber.complete();
    for (const stage of stages) {
      const output = outputs.get(stage.id) as Connectable<unknown>;
      subscription.add(
        output.subscribe({
          next: (item) => subscriber.next({ type: 'item', stageId: stage.id, item }),
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            subscriber.next({ type: 'complete', stageId: stage.id });
            running -= 1;
            if (running === 0) subscriber.complete();
          },
        }),
      );
    }
    for (const stage of [...stages].reverse()) {
      // A source that fails synchronously closes the subscriber; start nothing after it.
      if (subscriber.closed) break;
      subscription.add((outputs.get(stage.id) as Connectable<unknown>).connect());
    }
    return subscription;
  });
}

function stageInputs(stage: ExecutableStage, outputs: ReadonlyMap<string, Observable<unknown>>): StageInputs {
  const inputs: Record<string, Observable<unknown>> = {};
  for (const [port, ids] of Object.entries(stage.inputs)) {
    const streams = ids.map((id) => {
      const stream = outputs.get(id);
      if (stream === undefined) {
        throw new Error(`executeStages: stage "${stage.id}" reads "${id}", which is not an earlier stage; order stages topologically`);
      }
      return stream;
    });
    if (streams.length === 0) inputs[port] = EMPTY;
    else if (streams.length === 1) inputs[port] = streams[0];
    else inputs[port] = merge(...streams);
  }
  return inputs;
}
