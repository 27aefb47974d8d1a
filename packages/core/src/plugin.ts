/**
 * The plugin contract. A plugin is one implementation of a pipeline stage:
 * an id, a JSON Schema for its options, the kinds it consumes and produces,
 * and a factory that turns validated options into a stream function.
 *
 * Two plugins whose `inputs` and `output` kinds are equal are interchangeable
 * in a pipeline file (for example two sparse coders, or two dictionaries).
 */
import type { Observable, OperatorFunction } from 'rxjs';
import { map } from 'rxjs';

import type { DataKind, KindItemMap } from './kinds.ts';
import type { Logger } from './logger.ts';

/** A JSON Schema (draft 2020-12 subset understood by ajv). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** One named input port of a plugin. */
export interface InputPort {
  /** Kinds this port accepts. */
  readonly kinds: readonly DataKind[];
  /**
   * When true, the port may name several upstream stages; their streams are
   * merged in the order the pipeline file lists them.
   */
  readonly many?: boolean;
  /** When true, the pipeline may leave the port unconnected; the stage then receives `EMPTY`. */
  readonly optional?: boolean;
  readonly description: string;
}

/** Progress of a long stage, for progress bars and log lines. */
export interface ProgressEvent {
  readonly stageId: string;
  /** Units of work done so far. */
  readonly done: number;
  /** Total units, when known. */
  readonly total?: number;
  /** Short description of the last unit (`coffee / heterogeneous`). */
  readonly message?: string;
}

/** Services and settings the runtime passes to each stage. */
export interface StageContext {
  /** Id of the stage in the pipeline file. */
  readonly stageId: string;
  /** Absolute path of the run directory. Stages write files only through `writeFile`. */
  readonly runDir: string;
  /** Seed of the stage, derived from the pipeline seed and the stage id. */
  readonly seed: number;
  readonly logger: Logger;
  /** Aborted when the run is cancelled; long loops check it between units of work. */
  readonly signal: AbortSignal;
  /** Reports progress; the CLI draws a bar on a terminal and logs lines otherwise. */
  progress(event: Omit<ProgressEvent, 'stageId'>): void;
  /**
   * Writes a file atomically (temporary name, then rename) at `relativePath`
   * inside the run directory and returns its absolute path.
   */
  writeFile(relativePath: string, data: Uint8Array | string): Promise<string>;
  /** Stores a JSON-serialisable value under the top-level `key` of `results.json`. */
  setResult(key: string, value: unknown): void;
  /** The whole resolved pipeline (after `--set` overrides), for reports. */
  readonly pipeline: Readonly<Record<string, unknown>>;
}

/** Upstream streams of a stage, keyed by input port name. */
export type StageInputs = Readonly<Record<string, Observable<unknown>>>;

/** A created stage: maps its input streams to its output stream. */
export type StageFunction = (inputs: StageInputs) => Observable<unknown>;

/** A registered plugin. `O` is the type of its validated options. */
export interface Plugin<O = Record<string, unknown>> {
  /** `package/name`, for example `sparse-coding/cbpdn`. */
  readonly id: string;
  /** One sentence saying what the stage does. */
  readonly description: string;
  /** JSON Schema of the options, with `default` values ajv fills in. */
  readonly optionsSchema: JsonSchema;
  /** Input ports; empty for sources. */
  readonly inputs: Readonly<Record<string, InputPort>>;
  /** Kind of the items the stage emits. */
  readonly output: DataKind;
  /** Builds the stage from options already validated against `optionsSchema`. */
  create(options: O, context: StageContext): StageFunction;
}

/** Defines a plugin with typed options (identity function that keeps the types). */
export function definePlugin<O>(plugin: Plugin<O>): Plugin<O> {
  return plugin;
}

/** Adapts an RxJS operator to a stage with a single input port named `port`. */
export function fromOperator<I, O>(port: string, operator: OperatorFunction<I, O>): StageFunction {
  return (inputs) => (inputs[port] as Observable<I>).pipe(operator);
}

/** Adapts a source observable to a stage without inputs. */
export function fromSource<O>(source: Observable<O>): StageFunction {
  return () => source;
}

/** Narrows a stream of unknown items to the item type of `kind`, checking each item at run time. */
export function ofKind<K extends DataKind>(kind: K, stageId: string): OperatorFunction<unknown, KindItemMap[K]> {
  return map((item) => {
    const found = (item as { kind?: unknown } | null)?.kind;
    if (found !== kind) {
      throw new TypeError(`stage "${stageId}" expected items of kind "${kind}", received "${String(found)}"`);
    }
    return item as KindItemMap[K];
  });
}
