import { join, relative } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadModel, openProject, type Project } from '../project.ts';
import { buildSchema } from '../schema/build.ts';
import {
  assignPermissionSets,
  createScratchOrg,
  deleteScratchOrg,
  deployProject,
  DeployProgress,
  formatDeployFailures,
  formatTable,
  loadDataset,
  orgUp,
  OrgToolkitError,
  daysSinceAnchor,
  readDataset,
  readScratchDefinition,
  resolveDevHub,
  resolveTargetOrg,
  schemaRelationships,
  TEST_LEVELS,
  usernameOf,
  type Dataset,
  type LoadEvent,
  type LoadOptions,
  type LoadResult,
  type OrgUpResult,
  type RelationshipResolver,
  type TestLevel,
} from '../org/index.ts';

/**
 * The org commands: argument parsing and printing only, over scripts/org/. Results go to stdout,
 * progress to stderr; a failure prints what failed and where, and returns a non-zero exit code.
 * Orgs are named as `sf` names them (alias or username; defaults from `sf config`), and auth
 * stays with the sf CLI: nothing here reads, prints or stores a token.
 */
export const ORG_USAGE = `Commands that need an org (auth comes from the sf CLI: sf org login web | jwt | sfdx-url):
  org create [--alias A] [--duration-days N] [--target-dev-hub HUB] [--set-default]
                                   scratch org from config/project-scratch-def.json
  org delete [--target-org ORG]    delete a scratch org (refuses any other kind of org)
  org up [--alias A] [--target-dev-hub HUB] [--dataset DIR] [--duration-days N] [--fresh-data]
                                   create → deploy → assign permission sets → load data; resumes
  deploy [--target-org ORG] [--dry-run] [--test-level LEVEL] [--tests A,B]
                                   deploy force-app (rollbackOnError always on; --dry-run validates)
  permsets assign [--target-org ORG] [--name NAME ...]
                                   assign permission sets (default: the model's); existing = success
  data load [--target-org ORG] [--dataset DIR] [--out DIR] [--fresh] [--bulk-threshold N]
                                   upsert a dataset (default data/seed) by external id; resumable;
                                   report and checkpoint in out/load/<run>/`;

const DEFAULT_ALIAS = 'revops';
const DEFAULT_DATASET = join('data', 'seed');

type Handler = (args: string[]) => Promise<number>;

export const orgCommands: Record<string, Handler> = {
  'org create': command(
    'org create',
    {
      alias: { type: 'string', default: DEFAULT_ALIAS },
      'duration-days': { type: 'string', default: '7' },
      'target-dev-hub': { type: 'string' },
      'set-default': { type: 'boolean' },
    },
    async (values) => {
      const durationDays = whole('--duration-days', values['duration-days']);
      const project = await openProject();
      const definitionFile = join(project.root, 'config', 'project-scratch-def.json');
      await readScratchDefinition(definitionFile);
      const hub = await resolveDevHub(values['target-dev-hub']);
      console.error(`org create: asking Dev Hub ${usernameOf(hub)} for a scratch org (this takes a few minutes)`);
      const created = await createScratchOrg({
        hub,
        definitionFile,
        alias: values.alias,
        durationDays,
        setDefault: values['set-default'],
      });
      for (const warning of created.warnings) console.error(`warning: ${warning}`);
      const expires = created.expirationDate ? `; expires ${created.expirationDate}` : '';
      console.log(
        `Created scratch org ${created.username} (alias ${created.alias}) from Dev Hub ${created.devHub}${expires}`,
      );
      return 0;
    },
  ),

  'org delete': command('org delete', { 'target-org': { type: 'string' } }, async (values) => {
    const org = await resolveTargetOrg(values['target-org']);
    const deleted = await deleteScratchOrg(org);
    console.log(`Deleted scratch org ${deleted.username} (Dev Hub ${deleted.devHub})`);
    return 0;
  }),

  deploy: command(
    'deploy',
    {
      'target-org': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'test-level': { type: 'string' },
      tests: { type: 'string' },
    },
    async (values) => {
      const testLevel = values['test-level'];
      if (testLevel !== undefined && !(TEST_LEVELS as readonly string[]).includes(testLevel))
        throw new UsageProblem(`--test-level must be one of ${TEST_LEVELS.join(', ')}`);
      if (values.tests && testLevel !== 'RunSpecifiedTests')
        throw new UsageProblem('--tests needs --test-level RunSpecifiedTests');
      const project = await openProject();
      const org = await resolveTargetOrg(values['target-org']);
      const dryRun = values['dry-run'] ?? false;
      const progress = new DeployProgress(process.stderr, `${dryRun ? 'validate' : 'deploy'} → ${usernameOf(org)}`);
      const outcome = await deployProject({
        project,
        connection: org.getConnection(project.apiVersion),
        checkOnly: dryRun,
        testLevel: testLevel as TestLevel | undefined,
        runTests: list(values.tests),
        onStatus: (status) => progress.update(status),
      }).finally(() => progress.stop());
      const counts = `${outcome.componentsDeployed}/${outcome.componentsTotal} components`;
      const tests = outcome.testsTotal ? `, ${outcome.testsCompleted}/${outcome.testsTotal} tests` : '';
      if (!outcome.success) {
        console.error(formatDeployFailures(outcome));
        console.error(
          `\ndeploy: ${outcome.status} (${outcome.id}): nothing was changed in ${usernameOf(org)} (rollbackOnError)`,
        );
        return 1;
      }
      console.log(
        dryRun
          ? `validate: ${outcome.status} — ${counts}${tests} would deploy to ${usernameOf(org)}; nothing was changed (${outcome.id})`
          : `deploy: ${outcome.status} — ${counts}${tests} deployed to ${usernameOf(org)} (${outcome.id})`,
      );
      return 0;
    },
  ),

  'permsets assign': command(
    'permsets assign',
    { 'target-org': { type: 'string' }, name: { type: 'string', multiple: true } },
    async (values) => {
      const project = await openProject();
      const names = values.name?.length ? values.name.flatMap(list) : await modelPermissionSets(project);
      const org = await resolveTargetOrg(values['target-org']);
      const result = await assignPermissionSets(org.getConnection(project.apiVersion), names);
      for (const name of result.assigned) console.log(`  assigned          ${name}`);
      for (const name of result.alreadyAssigned) console.log(`  already assigned  ${name}`);
      console.log(`permsets: ${names.length} permission set(s) held by ${result.assignee}`);
      return 0;
    },
  ),

  'data load': command(
    'data load',
    {
      'target-org': { type: 'string' },
      dataset: { type: 'string', default: DEFAULT_DATASET },
      out: { type: 'string' },
      fresh: { type: 'boolean' },
      'bulk-threshold': { type: 'string' },
    },
    async (values) => {
      const project = await openProject();
      const dataset = await readDataset(values.dataset);
      const resolveRelationship = await modelRelationships(project);
      const org = await resolveTargetOrg(values['target-org']);
      const result = await loadDataset(org.getConnection(project.apiVersion), {
        dataset: values.dataset,
        targetOrg: usernameOf(org),
        resolveRelationship,
        outDir: values.out ?? join(project.root, 'out', 'load'),
        fresh: values.fresh,
        bulkThreshold: values['bulk-threshold'] ? whole('--bulk-threshold', values['bulk-threshold']) : undefined,
        dateShift: await datesToToday(project, dataset),
        onEvent: printLoadEvent,
      });
      printLoadSummary(result, project.root);
      return result.ok ? 0 : 1;
    },
  ),

  'org up': command(
    'org up',
    {
      alias: { type: 'string', default: DEFAULT_ALIAS },
      'target-dev-hub': { type: 'string' },
      dataset: { type: 'string', default: DEFAULT_DATASET },
      'duration-days': { type: 'string' },
      'fresh-data': { type: 'boolean' },
    },
    async (values) => {
      const durationDays = values['duration-days'] ? whole('--duration-days', values['duration-days']) : undefined;
      const project = await openProject();
      const dataset = await readDataset(values.dataset);
      let progress: DeployProgress | undefined;
      const result = await orgUp({
        project,
        alias: values.alias,
        devHub: values['target-dev-hub'],
        durationDays,
        dataset: values.dataset,
        permissionSets: await modelPermissionSets(project),
        resolveRelationship: await modelRelationships(project),
        onProgress: (line) => {
          progress?.stop();
          console.error(`org up: ${line}`);
          if (line.startsWith('deploy: running')) progress = new DeployProgress(process.stderr, 'deploy');
        },
        deployOptions: { onStatus: (status) => progress?.update(status) },
        loadOptions: {
          outDir: join(project.root, 'out', 'load'),
          fresh: values['fresh-data'],
          dateShift: await datesToToday(project, dataset),
          onEvent: printLoadEvent,
        },
      }).finally(() => progress?.stop());
      printOrgUp(result, project.root);
      return result.ok ? 0 : 1;
    },
  ),
};

/** A command line that cannot be acted on: message, usage, exit 2. */
class UsageProblem extends Error {}

function command<O extends NonNullable<ParseArgsConfig['options']>>(
  name: string,
  options: O,
  run: (values: ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values']) => Promise<number>,
): Handler {
  return async (args) => {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(usageOf(name));
      return 0;
    }
    try {
      const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
      return await run(values);
    } catch (error) {
      if (
        error instanceof UsageProblem ||
        (error instanceof Error && 'code' in error && /^ERR_PARSE_ARGS/.test(String(error.code)))
      ) {
        console.error(`revops ${name}: ${error.message}\n\n${usageOf(name)}`);
        return 2;
      }
      if (error instanceof OrgToolkitError) {
        console.error(`revops ${name}: ${error.message}`);
        return 1;
      }
      throw error;
    }
  };
}

function usageOf(name: string): string {
  const lines = ORG_USAGE.split('\n');
  const at = lines.findIndex((l) => l.trimStart().startsWith(`${name} `) || l.trim() === name);
  const block = [lines[at]!.trim()];
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith('      ')) break;
    block.push(`  ${line.trim()}`);
  }
  return `usage: revops ${block.join('\n')}`;
}

function whole(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageProblem(`${flag} must be a whole number (got "${text}")`);
  return value;
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

async function modelPermissionSets(project: Project): Promise<string[]> {
  return (await loadModel(project)).permissionSets.map((p) => p.name);
}

/** Loads the dataset as of today: every model date field moves by (today − the dataset's anchor date). */
async function datesToToday(project: Project, dataset: Dataset): Promise<LoadOptions['dateShift']> {
  const schema = buildSchema(await loadModel(project));
  const days = daysSinceAnchor(dataset.manifest, new Date());
  const fields = (sobject: string) =>
    new Set(
      (schema.object(sobject)?.fields() ?? [])
        .filter((f) => (f.type === 'date' || f.type === 'datetime') && !f.calculated)
        .map((f) => f.name),
    );
  return { days, fields };
}

async function modelRelationships(project: Project): Promise<RelationshipResolver> {
  return schemaRelationships(buildSchema(await loadModel(project)));
}

function printLoadEvent(event: LoadEvent): void {
  if (event.type === 'start')
    console.error(
      `data load: ${event.resumed ? 'resuming' : 'starting'} run ${event.runDir} (${event.steps.length} steps)`,
    );
  else if (event.type === 'skip')
    console.error(`  ${event.step}: ${event.batches} batch(es) done in an earlier run, skipped`);
  else if (event.type === 'retry')
    console.error(
      `  retry ${event.retry.attempt}: ${event.retry.label}: ${event.retry.error} (waiting ${event.retry.delayMs} ms)`,
    );
  else
    console.error(
      `  ${event.step} batch ${event.batch + 1} (${event.api}): ${event.rows} rows, ${event.created} created, ` +
        `${event.updated} updated, ${event.failed} failed (${(event.ms / 1000).toFixed(1)} s)`,
    );
}

function printLoadSummary(result: LoadResult, root: string): void {
  const { rows, created, updated, failed } = result.totals;
  console.log(
    `data load: ${rows} rows into ${result.targetOrg}: ${created} created, ${updated} updated, ${failed} failed` +
      (result.accounted ? ' (every row accounted for)' : ' — NOT every row accounted for'),
  );
  console.log(
    formatTable(
      ['OBJECT', 'API', 'ROWS', 'CREATED', 'UPDATED', 'FAILED', 'CHECK'],
      result.objects.map((o) => [
        o.sobject,
        o.api,
        String(o.rows),
        String(o.created),
        String(o.updated),
        String(o.failed),
        o.accounted ? 'ok' : `manifest says ${o.manifestCount}`,
      ]),
      { rightAligned: [2, 3, 4, 5] },
    ),
  );
  console.log(`  report  ${shown(root, result.report)}\n  summary ${shown(root, result.summaryFile)}`);
}

function printOrgUp(result: OrgUpResult, root: string): void {
  for (const step of result.steps) if (step.report) console.error(`\n${step.report}\n`);
  const who = result.username ? `${result.username} (alias ${result.alias})` : `alias ${result.alias}`;
  console.log(result.ok ? `org up: ${who} is ready` : `org up: stopped; run it again to resume (${who})`);
  console.log(
    formatTable(
      ['STEP', 'STATUS', 'TIME', 'DETAIL'],
      result.steps.map((s) => [s.step, s.status, s.ms === undefined ? '-' : `${(s.ms / 1000).toFixed(1)} s`, s.detail]),
    ),
  );
  console.log(`  state   ${shown(root, result.stateFile)}`);
}

/** A path as the admin would type it: relative inside the project, absolute elsewhere. */
function shown(root: string, path: string): string {
  const inside = relative(root, path);
  return inside.startsWith('..') ? path : inside;
}
