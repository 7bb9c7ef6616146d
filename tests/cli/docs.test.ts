/**
 * docs/cli.md, the top-level help and each command's --help list the same commands and flags:
 * all three come from the command classes, and this fails when docs/cli.md was not regenerated.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { Help } from '@oclif/core';
import { CLI_DOCS, renderCliDocs, visibleFlags } from '../../scripts/cli/docs.ts';
import { revopsConfig } from './run-command.ts';

/** oclif's help renderer, with the two renderings this test compares made public. */
class HelpText extends Help {
  commandHelp(command: Parameters<Help['formatCommand']>[0]): string {
    return this.formatCommand(command);
  }
  topicsHelp(topics: Parameters<Help['formatTopics']>[0]): string {
    return this.formatTopics(topics);
  }
}

const EVERY_COMMAND = [
  'access review',
  'access signoff',
  'attribution',
  'attribution push',
  'capacity',
  'comp calculate',
  'data check',
  'data generate',
  'data load',
  'deploy',
  'diff',
  'formula check',
  'formula eval',
  'generate',
  'impact',
  'lifecycle simulate',
  'org create',
  'org delete',
  'org up',
  'permsets assign',
  'plan',
  'quote check',
  'quote order-form',
  'release',
  'report',
  'retention simulate',
  'rfc check',
  'rfc new',
  'rollback',
  'route simulate',
  'territory plan',
  'verify',
];

test('every command of the issue exists', async () => {
  const config = await revopsConfig();
  assert.deepEqual(config.commands.map((c) => c.id.replaceAll(':', ' ')).sort(), EVERY_COMMAND);
});

test('docs/cli.md is generated from the commands (npm run docs:cli)', async () => {
  const expected = renderCliDocs(await revopsConfig());
  assert.equal(await readFile(CLI_DOCS, 'utf8'), expected, 'docs/cli.md is stale: run `npm run docs:cli`');
});

test('each command’s help and docs/cli.md list the same flags; the top-level help lists every command', async () => {
  const config = await revopsConfig();
  const help = new HelpText(config, { stripAnsi: true });
  const docs = await readFile(CLI_DOCS, 'utf8');
  const root = help.formatRoot() + help.topicsHelp(config.topics.filter((t) => !t.name.includes(':')));
  for (const command of config.commands) {
    const words = command.id.split(':');
    assert.match(root, new RegExp(`\\n\\s+${words[0]}\\s`), `top-level help lists ${words[0]}`);
    const from = docs.indexOf(`## revops ${words.join(' ')}\n`);
    const to = docs.indexOf('\n## ', from + 1);
    const section = docs.slice(from, to === -1 ? undefined : to);
    const documented = [...section.matchAll(/^\| `(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]);
    const shown = help.commandHelp(command);
    const flags = visibleFlags(command).map(([name]) => name);
    assert.deepEqual(documented.sort(), [...flags].sort(), `docs/cli.md lists the flags of ${command.id}`);
    for (const flag of flags) assert.ok(shown.includes(`--${flag}`), `${command.id} --help shows --${flag}`);
  }
});
