import type { Plugin, PluginRegistry, ValidationProblem } from '@heterosparse/core';
import { PipelineValidationError, editDistance } from '@heterosparse/core';

import { nearestName, problemsFromAjvErrors } from './ajv-problems.ts';
import { createAjv } from './create-ajv.ts';
import { describeValue, escapePointer } from './describe-value.ts';
import { PIPELINE_SCHEMA } from './pipeline-schema.ts';
import type { PipelineSpec } from './pipeline-spec.ts';
import { checkPluginOptions } from './plugin-options.ts';
import { findCycles } from './stage-graph.ts';

const validateSchema = createAjv().compile(PIPELINE_SCHEMA);

type AnyPlugin = Plugin<Record<string, unknown>>;
type JsonObject = Record<string, unknown>;

/** Outcome of `checkPipeline`: every problem found, and the resolved pipeline when there were none. */
export interface PipelineCheck {
  readonly problems: readonly ValidationProblem[];
  /** The pipeline with defaults filled in; present only when `problems` is empty. */
  readonly pipeline?: PipelineSpec;
}

/**
 * Validates a parsed pipeline file and collects every problem at once:
 * schema violations, unknown plugin ids, options rejected by the plugin's
 * schema, inputs naming unknown ports or missing stages, kinds that do not
 * match, and cycles. `document` is not modified; defaults are filled into a copy.
 */
export function checkPipeline(document: unknown, registry: PluginRegistry): PipelineCheck {
  const copy: unknown = structuredClone(document);
  const problems: ValidationProblem[] = [];
  if (!validateSchema(copy)) problems.push(...problemsFromAjvErrors(validateSchema.errors ?? []));

  const stages = isObject(copy) && isObject(copy.stages) ? copy.stages : {};
  const plugins = new Map<string, AnyPlugin>();
  for (const [id, stage] of Object.entries(stages)) {
    if (!isObject(stage) || typeof stage.plugin !== 'string') continue;
    const plugin = registry.get(stage.plugin);
    if (plugin === undefined) {
      problems.push(unknownPlugin(id, stage.plugin, registry));
      continue;
    }
    plugins.set(id, plugin);
    if (isObject(stage.options)) {
      problems.push(...checkPluginOptions(plugin, stage.options, `/stages/${escapePointer(id)}/options`));
    }
  }

  for (const [id, stage] of Object.entries(stages)) {
    const plugin = plugins.get(id);
    if (plugin !== undefined && isObject(stage) && isObject(stage.inputs)) {
      problems.push(...checkInputs(id, plugin, stage.inputs, stages, plugins));
    }
  }
  problems.push(...cycleProblems(stages));

  return problems.length === 0 ? { problems, pipeline: copy as PipelineSpec } : { problems };
}

/** Validates a parsed pipeline file and returns it with defaults filled in; throws `PipelineValidationError` listing every problem. */
export function validatePipeline(document: unknown, registry: PluginRegistry): PipelineSpec {
  const { problems, pipeline } = checkPipeline(document, registry);
  if (pipeline === undefined) throw new PipelineValidationError(problems);
  return pipeline;
}

function unknownPlugin(stageId: string, pluginId: string, registry: PluginRegistry): ValidationProblem {
  const nearest = registry.nearest(pluginId);
  // Suggest only an id within a third of the typed id's length, so that an id from a missing package gets no misleading guess.
  const close = nearest !== undefined && editDistance(pluginId, nearest) <= Math.max(3, pluginId.length / 3);
  return {
    path: `/stages/${escapePointer(stageId)}/plugin`,
    expected: 'the id of a registered plugin',
    found: `the unknown plugin "${pluginId}"`,
    hint: close ? `did you mean "${nearest}"? \`heterosparse plugins\` lists every plugin` : '`heterosparse plugins` lists every plugin',
  };
}

function checkInputs(
  stageId: string,
  plugin: AnyPlugin,
  inputs: JsonObject,
  stages: JsonObject,
  plugins: ReadonlyMap<string, AnyPlugin>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const base = `/stages/${escapePointer(stageId)}/inputs`;
  const ports = Object.keys(plugin.inputs);

  for (const [portName, entry] of Object.entries(inputs)) {
    const port = plugin.inputs[portName];
    const path = `${base}/${escapePointer(portName)}`;
    if (port === undefined) {
      const nearest = nearestName(portName, ports);
      problems.push({
        path,
        expected: ports.length === 0 ? `no inputs (plugin "${plugin.id}" is a source)` : `an input port of plugin "${plugin.id}": ${ports.join(', ')}`,
        found: `the unknown port "${portName}"`,
        ...(nearest === undefined ? {} : { hint: `did you mean "${nearest}"?` }),
      });
      continue;
    }
    if (Array.isArray(entry) && entry.length > 1 && port.many !== true) {
      problems.push({
        path,
        expected: `one stage id (port "${portName}" of plugin "${plugin.id}" reads one stream)`,
        found: describeValue(entry),
      });
    }
    const ids = typeof entry === 'string' ? [[entry, path] as const] : Array.isArray(entry) ? entry.map((id, i) => [id, `${path}/${i}`] as const) : [];
    for (const [upstreamId, idPath] of ids) {
      if (typeof upstreamId !== 'string') continue;
      if (!(upstreamId in stages)) {
        const nearest = nearestName(upstreamId, Object.keys(stages));
        problems.push({
          path: idPath,
          expected: 'the id of a stage in this pipeline',
          found: `the missing stage "${upstreamId}"`,
          ...(nearest === undefined ? {} : { hint: `did you mean "${nearest}"?` }),
        });
        continue;
      }
      const upstream = plugins.get(upstreamId);
      if (upstream !== undefined && !port.kinds.includes(upstream.output)) {
        problems.push({
          path: idPath,
          expected: `a stage producing ${port.kinds.join(' or ')} (port "${portName}" of plugin "${plugin.id}")`,
          found: `stage "${upstreamId}" producing ${upstream.output}`,
        });
      }
    }
  }

  for (const [portName, port] of Object.entries(plugin.inputs)) {
    if (port.optional !== true && !(portName in inputs)) {
      problems.push({
        path: `${base}/${escapePointer(portName)}`,
        expected: `a stage producing ${port.kinds.join(' or ')} (port "${portName}" of plugin "${plugin.id}" is required)`,
        found: 'nothing',
        hint: port.description,
      });
    }
  }
  return problems;
}

function cycleProblems(stages: JsonObject): ValidationProblem[] {
  const upstream = new Map<string, string[]>();
  for (const [id, stage] of Object.entries(stages)) {
    const inputs = isObject(stage) && isObject(stage.inputs) ? Object.values(stage.inputs) : [];
    upstream.set(
      id,
      inputs.flatMap((entry) => (typeof entry === 'string' ? [entry] : Array.isArray(entry) ? entry.filter((x): x is string => typeof x === 'string') : [])),
    );
  }
  return findCycles(upstream).map((cycle) => ({
    path: `/stages/${escapePointer(cycle[0])}/inputs`,
    expected: 'stages that form no cycle',
    found: `the cycle ${cycle.join(' → ')} (each stage feeds the next)`,
  }));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
