import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { generate } from '../commands/generate.ts';
import { checkFormula, evaluateBatch, evaluateFormula } from '../commands/formula.ts';
import { loadModel, openProject } from '../project.ts';
import { plan, type PlanResult } from '../plan/index.ts';
import { verifyProject } from '../verify/index.ts';
import { formatFinding } from '../verify/findings.ts';

/** The CLI: a thin shell that parses arguments, calls the library and prints. */
const USAGE = `revops <command> [options]

Commands (no org needed):
  plan [--json] [--out DIR] [--dataset DIR]
                                drift check, verify, package, rules run over the bundled dataset, summary
  generate [--check]            write force-app/generated from model/ (--check: fail on drift)
  verify [--json]               offline checks: SDR conversion, cross-references, formulas, Apex, LWC
  formula check --object O 'F'  type-check a formula against the model; prints its type and fields
  formula eval --object O --record JSON [--prior JSON] [--user JSON] [--permissions A,B]
               [--now ISO] [--time-zone TZ] [--blanks zero|blank] 'F'
  formula eval --batch FILE     JSON lines {object, formula, record, prior, user, permissions, now, blanks}

Data (no org needed):
  data generate [--scale small|medium|large|N] [--seed S] [--out DIR]   deterministic seed dataset
  data check [--dataset DIR]    evaluate every validation rule against every record

With an org (auth through the sf CLI; aliases as sf resolves them):
  org up [--alias A] [--target-dev-hub H] [--dataset DIR]   create, deploy, assign, load; resumable
  org create [--alias A] [--duration-days N] [--target-dev-hub H]
  org delete [--target-org A]
  deploy [--target-org A] [--dry-run] [--test-level L]      rollback on error, progress, failure table
  permsets assign [--target-org A] [--name N ...]           idempotent
  data load --target-org A [--dataset DIR]                  upsert by external id, resumable

Run \`revops <command> --help\` for a command's options.`;

/** Commands that need the org libraries or the data generator: loaded only when used. */
async function extensionCommands(): Promise<Record<string, (args: string[]) => Promise<number>>> {
  const [{ orgCommands }, { dataCommands }] = await Promise.all([import('./org.ts'), import('./data.ts')]);
  return { ...orgCommands, ...dataCommands };
}
const EXTENSION_GROUPS = new Set(['org', 'deploy', 'permsets', 'data']);

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command && EXTENSION_GROUPS.has(command)) {
    const commands = await extensionCommands();
    const two = `${command} ${rest[0] ?? ''}`;
    if (commands[two]) return commands[two](rest.slice(1));
    if (commands[command]) return commands[command](rest);
    console.error(`revops: unknown command "${two.trim()}"\n\n${USAGE}`);
    return 2;
  }
  switch (command) {
    case 'generate':
      return runGenerate(rest);
    case 'plan':
      return runPlan(rest);
    case 'verify':
      return runVerify(rest);
    case 'formula':
      return runFormula(rest);
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
    for (const [label, paths] of [
      ['missing', added],
      ['differs', changed],
      ['not in model', removed],
    ] as const) {
      for (const p of paths) console.error(`  ${label.padEnd(12)} ${p}`);
    }
    return 1;
  }
  console.log(
    `generate: ${result.files.length} files; ${added.length} added, ${changed.length} changed, ${removed.length} removed`,
  );
  return 0;
}

async function runVerify(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, out: { type: 'string', default: 'out/verify' } },
  });
  const project = await openProject();
  const report = await verifyProject(project, await loadModel(project), values.out!);
  const ok = report.errors.length === 0;
  if (values.json) {
    const { metadataPackage, ...result } = report;
    console.log(
      JSON.stringify(
        { status: ok ? 0 : 1, result: { ...result, package: metadataPackage }, warnings: report.warnings },
        null,
        2,
      ),
    );
  } else {
    for (const c of report.checks)
      console.log(`  ${c.name.padEnd(16)} ${String(c.checked).padStart(4)} checked  ${c.ms} ms`);
    for (const w of report.warnings) console.log(`warning ${formatFinding(w)}`);
    if (!ok)
      console.error(`verify: ${report.errors.length} problem(s):\n${report.errors.map(formatFinding).join('\n')}`);
    else console.log(`verify: ${report.components.length} components, no problems`);
  }
  return ok ? 0 : 1;
}

async function runPlan(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, out: { type: 'string' }, dataset: { type: 'string' } },
  });
  const project = await openProject();
  const result = await plan(project, { outDir: values.out, dataset: values.dataset });
  if (values.json) {
    const { warnings, ...rest } = result;
    console.log(JSON.stringify({ status: result.ok ? 0 : 1, result: rest, warnings }, null, 2));
  } else {
    printPlan(result);
  }
  return result.ok ? 0 : 1;
}

function printPlan(result: PlanResult): void {
  if (result.errors.length) {
    console.error(`revops plan: FAILED (${result.errors.length} problem${result.errors.length === 1 ? '' : 's'})`);
    for (const e of result.errors) console.error(formatFinding(e));
    return;
  }
  const types = Object.entries(result.componentsByType).sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...types.map(([t]) => t.length));
  console.log(
    `revops plan: ${result.componentCount} components would deploy (${result.lockedDefinitions} locked definitions)\n`,
  );
  for (const [type, count] of types) console.log(`  ${type.padEnd(width)}  ${String(count).padStart(3)}`);
  console.log('');
  for (const w of result.warnings) console.log(`warning ${formatFinding(w)}`);
  const impact = result.datasetImpact;
  if (impact) {
    const blocked = impact.blocking.length
      ? `${impact.blocking.length} rule(s) would block records (warnings above)`
      : 'no record blocked';
    console.log(
      `  dataset: ${impact.dataset}: ${impact.records.toLocaleString('en-US')} records, ${impact.rules} rules, ${blocked}`,
    );
  }
  console.log(`  checks: ${result.checks.map((c) => `${c.name} ${c.checked}`).join(', ')}`);
  if (result.package) {
    console.log(
      `  package: ${result.package.zip} (${(result.package.zipBytes / 1024).toFixed(1)} KiB), manifest ${result.package.packageXml}`,
    );
  }
  console.log(`  model and force-app/ in sync; done in ${(result.durationMs / 1000).toFixed(1)} s`);
}

async function runFormula(args: string[]): Promise<number> {
  const [mode, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      object: { type: 'string' },
      record: { type: 'string' },
      prior: { type: 'string' },
      user: { type: 'string' },
      permissions: { type: 'string' },
      now: { type: 'string' },
      'time-zone': { type: 'string' },
      blanks: { type: 'string' },
      batch: { type: 'string' },
    },
  });
  const project = await openProject();
  const model = await loadModel(project);
  if (mode === 'eval' && values.batch) {
    const lines = (await readFile(values.batch, 'utf8')).split('\n');
    for (const line of evaluateBatch(model, lines)) console.log(line);
    return 0;
  }
  const formula = positionals.join(' ');
  if ((mode !== 'check' && mode !== 'eval') || !values.object || !formula) {
    console.error("usage: revops formula check|eval --object Opportunity [options] '<formula>' (see revops --help)");
    return 2;
  }
  if (values.blanks && values.blanks !== 'zero' && values.blanks !== 'blank') {
    console.error('revops formula: --blanks must be zero or blank');
    return 2;
  }
  if (mode === 'check') {
    console.log(JSON.stringify(checkFormula(model, values.object, formula)));
    return 0;
  }
  const json = (flag: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      throw new UsageError(`--${flag} is not valid JSON: ${(e as Error).message}`);
    }
  };
  const result = evaluateFormula(model, {
    object: values.object,
    formula,
    record: json('record', values.record),
    prior: json('prior', values.prior),
    user: json('user', values.user),
    permissions: values.permissions
      ?.split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    now: values.now,
    timeZone: values['time-zone'],
    blanks: values.blanks as 'zero' | 'blank' | undefined,
  });
  console.log(JSON.stringify(result));
  return 0;
}

/** A command line that cannot be acted on: message and exit code 2. */
export class UsageError extends Error {}
