/**
 * docs/cli.md, generated from the command classes (the same source as `revops <command> --help`):
 * `npm run docs:cli` writes it, tests/cli/docs.test.ts fails when it is stale.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Config, type Command } from '@oclif/core';
import { ROOT, standaloneLoadOptions } from './main.ts';

export const CLI_DOCS = join(ROOT, 'docs', 'cli.md');

/** The flags a command's help shows (framework flags included), in help order. */
export function visibleFlags(command: Command.Loadable): [string, Command.Flag.Cached][] {
  return Object.entries(command.flags)
    .filter(([, flag]) => !flag.hidden)
    .sort(([a], [b]) => a.localeCompare(b));
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function flagRow(name: string, flag: Command.Flag.Cached): string {
  const short = flag.char ? `-${flag.char}, ` : '';
  const value = flag.type === 'option' ? (flag.options?.length ? ` ${flag.options.join('\\|')}` : ' <value>') : '';
  const notes = [
    flag.required ? 'required' : '',
    flag.type === 'option' && flag.default !== undefined && typeof flag.default !== 'function'
      ? `default: ${String(flag.default)}`
      : '',
    flag.type === 'boolean' && flag.allowNo ? `--no-${name} to turn off` : '',
  ].filter(Boolean);
  return `| \`${short}--${name}${value}\` | ${cell(flag.summary ?? flag.description ?? '')}${notes.length ? ` (${notes.join('; ')})` : ''} |`;
}

export function renderCliDocs(config: Config): string {
  const commands = [...config.commands].filter((c) => !c.hidden).sort((a, b) => a.id.localeCompare(b.id));
  const name = (c: Command.Loadable) => `revops ${c.id.replaceAll(':', ' ')}`;
  const lines = [
    '# The revops CLI',
    '',
    '<!-- Generated from scripts/cli/commands by `npm run docs:cli`; do not edit. -->',
    '',
    'Run it as `npx revops <command>`, or as `sf revops <command>` once the project is linked as an sf plugin (`sf plugins link .`).',
    'Every command takes `--help` and `--json`. A failure prints one line with what to do and exits 1 (2 for a command line that',
    'cannot be acted on); `DEBUG=revops` adds the stack trace.',
    '',
    '| command | what it does |',
    '| --- | --- |',
    ...commands.map((c) => `| [\`${name(c)}\`](#${name(c).replaceAll(' ', '-')}) | ${cell(c.summary ?? '')} |`),
  ];
  for (const c of commands) {
    lines.push('', `## ${name(c)}`, '', c.summary ?? '', '');
    if (c.description && c.description !== c.summary) lines.push(c.description, '');
    const args = Object.entries(c.args);
    const usageArgs = args.map(([arg, a]) => (a.required ? ` <${arg}>` : ` [<${arg}>]`)).join('');
    lines.push('```', `${name(c)} [flags]${usageArgs}`, '```', '');
    for (const [arg, a] of args) lines.push(`- \`<${arg}>\`: ${a.description ?? ''}`);
    if (args.length) lines.push('');
    lines.push('| flag | |', '| --- | --- |', ...visibleFlags(c).map(([n, f]) => flagRow(n, f)));
  }
  return `${lines.join('\n')}\n`;
}

export async function loadStandaloneConfig(): Promise<Config> {
  return Config.load(standaloneLoadOptions());
}

if (import.meta.main) {
  await writeFile(CLI_DOCS, renderCliDocs(await loadStandaloneConfig()));
  console.log(`wrote ${CLI_DOCS}`);
}
