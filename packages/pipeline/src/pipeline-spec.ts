/**
 * Types of a pipeline file after it passed validation. The JSON Schema that
 * checks the file is in `pipeline-schema.ts`.
 */

/** One stage: the plugin that implements it, where its inputs come from, and its options. */
export interface StageSpec {
  /** Plugin id, `package/name`. */
  readonly plugin: string;
  /** Free text for readers of the file. */
  readonly description?: string;
  /**
   * Input port name → id of the upstream stage, or a list of ids for a port
   * that accepts several streams.
   */
  readonly inputs: Readonly<Record<string, string | readonly string[]>>;
  /** Plugin options; after validation every default of the plugin's schema is filled in. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** A whole pipeline file. */
export interface PipelineSpec {
  /** Path or URI of the JSON Schema, for editors; ignored by the runtime. */
  readonly $schema?: string;
  /** Name of the pipeline, used in run directory names. */
  readonly name: string;
  readonly description?: string;
  /** Pipeline seed; each stage gets a seed derived from it and the stage id. */
  readonly seed: number;
  /** Stage id → stage, in the order the file lists them. */
  readonly stages: Readonly<Record<string, StageSpec>>;
}

/** Returns the upstream stage ids of an input entry as a list. */
export function inputIds(entry: string | readonly string[]): readonly string[] {
  return typeof entry === 'string' ? [entry] : entry;
}
