import type { InputPort, JsonSchema, Plugin } from '@heterosparse/core';
import { UsageError } from '@heterosparse/core';

import type { CliCommand } from '../command.ts';
import { createDefaultRegistry } from '../default-registry.ts';
import { EXIT } from '../exit-code.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

export const pluginsCommand: CliCommand = {
  name: 'plugins',
  summary: 'List every registered plugin with its kinds and options.',
  help: `Usage: heterosparse plugins [--json]

Lists every plugin a pipeline file can name: its id, what it does, the kinds
of its input ports and output, and its options with types and defaults.
Two plugins with the same input and output kinds can replace each other.

Options:
  --json      Print a JSON array instead, with each plugin's full options schema.
  -h, --help  Show this help.

Example:
  heterosparse plugins --json`,

  async run(args, io) {
    const { values, positionals, help } = parseCommandArgs('plugins', args, { json: { type: 'boolean' } });
    if (help) {
      io.stdout.write(`${this.help}\n`);
      return EXIT.success;
    }
    if (positionals.length > 0) {
      throw new UsageError(`plugins takes no arguments, received "${positionals.join(' ')}"; run heterosparse plugins --help`);
    }
    const plugins = createDefaultRegistry().list();
    if (values.json === true) {
      const described = plugins.map((plugin) => ({
        id: plugin.id,
        description: plugin.description,
        inputs: plugin.inputs,
        output: plugin.output,
        options: plugin.optionsSchema,
      }));
      io.stdout.write(`${JSON.stringify(described, null, 2)}\n`);
    } else {
      io.stdout.write(plugins.map(describePlugin).join('\n'));
    }
    return EXIT.success;
  },
};

function describePlugin(plugin: Plugin<Record<string, unknown>>): string {
  const lines = [`${plugin.id} → ${plugin.output}`, `  ${plugin.description}`];
  const ports = Object.entries(plugin.inputs);
  lines.push(ports.length === 0 ? '  inputs: none (source)' : '  inputs:');
  for (const [name, port] of ports) lines.push(`    ${name}: ${describePort(port)}. ${port.description}`);
  const options = Object.entries((plugin.optionsSchema.properties ?? {}) as Record<string, JsonSchema>);
  lines.push(options.length === 0 ? '  options: none' : '  options:');
  for (const [name, schema] of options) {
    const type = describeType(schema);
    const fallback = 'default' in schema ? `, default ${JSON.stringify(schema.default)}` : '';
    const description = typeof schema.description === 'string' ? ` ${schema.description}` : '';
    lines.push(`    ${name} (${type}${fallback}).${description}`);
  }
  return `${lines.join('\n')}\n`;
}

function describePort(port: InputPort): string {
  const notes = [port.many === true ? 'one or more stages' : 'one stage', ...(port.optional === true ? ['optional'] : [])];
  return `${port.kinds.join(' or ')}, ${notes.join(', ')}`;
}

function describeType(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  if (typeof schema.type === 'string') return schema.type;
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) return [...new Set(branches.map((branch: JsonSchema) => describeType(branch)))].join(' or ');
  return 'any';
}
