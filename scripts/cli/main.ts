/**
 * `revops` on its own (bin/revops.js → here): the same command files `sf revops …` runs as an sf
 * plugin, loaded one folder lower so that `scripts/cli/commands/revops/plan.ts` is `revops plan`
 * here and `sf revops plan` in the sf CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execute, settings, type Interfaces } from '@oclif/core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface PackageJson extends Interfaces.PJSON {
  oclif: Interfaces.PJSON['oclif'] & { commands: string; topics: Record<string, { description: string }> };
}

/** The plugin's package.json as a standalone CLI: bin `revops`, commands and topics without the `revops` topic. */
export function standaloneLoadOptions(root = ROOT): Interfaces.LoadOptions & { root: string } {
  const pjson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  const topics = Object.fromEntries(
    Object.entries(pjson.oclif.topics)
      .filter(([name]) => name.startsWith('revops:'))
      .map(([name, topic]) => [name.slice('revops:'.length), topic]),
  );
  return {
    root,
    pjson: {
      ...pjson,
      oclif: {
        ...pjson.oclif,
        bin: 'revops',
        commands: `${pjson.oclif.commands}/revops`,
        topics,
        hooks: { command_not_found: './scripts/cli/not-found.ts' },
      },
    },
  };
}

export async function runCli(argv: string[]): Promise<void> {
  // Node runs the .ts command files itself (type stripping): oclif must not look for ts-node.
  settings.enableAutoTranspile = false;
  await execute({ args: argv, loadOptions: standaloneLoadOptions() });
}
