import { parseArgs } from 'node:util';
import { generate } from '../commands/generate.ts';
import { openProject } from '../project.ts';

/** The CLI: a thin shell that parses arguments, calls the library and prints. */
const USAGE = `revops <command> [options]

Commands (no org needed):
  plan [--json] [--out DIR]     drift check, verify, build the deployable package, summary
  generate [--check]            write force-app/generated from model/ (--check: fail on drift)
  verify [--json]               offline checks: SDR conversion, cross-references, formulas, Apex, LWC
  formula check|eval ...        check or evaluate a Salesforce formula against the model

Run \`revops <command> --help\` for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate':
      return runGenerate(rest);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      return command === undefined ? 1 : 0;
    default:
      console.error(`revops: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

async function runGenerate(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { check: { type: 'boolean' } } });
  const project = await openProject();
  const result = await generate(project, { check: values.check });
  const { added, changed, removed } = result.drift;
  if (values.check) {
    if (result.inSync) {
      console.log(`generate --check: ${result.files.length} generated files match model/`);
      return 0;
    }
    console.error('generate --check: force-app/ and model/ disagree (run `revops generate` and commit):');
    for (const [label, paths] of [['missing', added], ['differs', changed], ['not in model', removed]] as const) {
      for (const p of paths) console.error(`  ${label.padEnd(12)} ${p}`);
    }
    return 1;
  }
  console.log(`generate: ${result.files.length} files; ${added.length} added, ${changed.length} changed, ${removed.length} removed`);
  return 0;
}
