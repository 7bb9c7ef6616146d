/**
 * Bad input, as issue 10 tried it: every failure is a one-line cause and what to do, exit 2 for a
 * command line that cannot be acted on and 1 for anything else, never a stack trace; under --json
 * every failure is the framework's envelope. Commands run in-process (fast); a few spawns of
 * bin/revops.js check what only the real entry point does (no command, --version, unknown words).
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Plan from '../../scripts/cli/commands/revops/plan.ts';
import DataGenerate from '../../scripts/cli/commands/revops/data/generate.ts';
import DataCheck from '../../scripts/cli/commands/revops/data/check.ts';
import FormulaEval from '../../scripts/cli/commands/revops/formula/eval.ts';
import { OUTPUT_MARKER, claimOutputFolder } from '../../scripts/cli/output-folder.ts';
import { projectCopy, revops, ROOT } from './project-copy.ts';
import { runCommand, type CommandRun } from './run-command.ts';

const STACK_FRAME = /^\s+at .*:\d+:\d+\)?$/m;

function assertFails(
  run: CommandRun<unknown> | { status: number | null; stderr: string },
  status: number,
  message: RegExp,
) {
  assert.equal(run.status, status, run.stderr);
  assert.match(run.stderr, message);
  assert.doesNotMatch(run.stderr, STACK_FRAME, 'no stack trace');
}

describe('the entry point', () => {
  test('`revops` alone shows the help and exits 0; --version names the package', () => {
    const help = revops(ROOT);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /USAGE\n {2}\$ revops \[COMMAND\]/);
    for (const topic of ['data', 'formula', 'org', 'permsets'])
      assert.match(help.stdout, new RegExp(`\\n {2}${topic} `));
    const version = revops(ROOT, '--version');
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^revops-os\/\d+\.\d+\.\d+ /);
  });

  test('an extra word after a command, and an unknown command: exit 2, one line', () => {
    assertFails(revops(ROOT, 'generate', 'extra'), 2, /revops generate takes no argument "extra"/);
    assertFails(revops(ROOT, 'nosuch'), 2, /"nosuch" is not a revops command/);
  });

  test('plan --help exits 0 and lists its flags', () => {
    const run = revops(ROOT, 'plan', '--help');
    assert.equal(run.status, 0, run.stderr);
    for (const flag of ['--out', '--force', '--dataset', '--json']) assert.ok(run.stdout.includes(flag), flag);
  });
});

describe('flags the framework rejects: exit 2', () => {
  test('plan --out with no value', async () => {
    assertFails(await runCommand(Plan, ['--out']), 2, /Flag --out expects a value/);
  });

  test('--seed abc is not an integer', async () => {
    assertFails(await runCommand(DataGenerate, ['--seed', 'abc']), 2, /--seed: Expected an integer but received: abc/);
  });

  test('formula eval --batch /nosuch', async () => {
    assertFails(await runCommand(FormulaEval, ['--batch', '/nosuch']), 2, /--batch: No file found at \/nosuch/);
  });

  test('plan --dataset /nosuchdir', async () => {
    assertFails(await runCommand(Plan, ['--dataset', '/nosuchdir']), 2, /--dataset: No directory found at \/nosuchdir/);
  });

  test('data check --anchor-date yesterday blames the flag, not the manifest', async () => {
    assertFails(
      await runCommand(DataCheck, ['--anchor-date', 'yesterday']),
      2,
      /--anchor-date: expected a date as YYYY-MM-DD, got "yesterday"/,
    );
  });

  test('formula eval with no formula says how to give one', async () => {
    assertFails(
      await runCommand(FormulaEval, ['--object', 'Opportunity']),
      2,
      /Give the formula as one quoted argument/,
    );
  });
});

describe('--out', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'revops-out-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('a file: plan and data generate say so, exit 1', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    assertFails(await runCommand(Plan, ['--out', file]), 1, /--out .*a-file is a file, not a folder/);
    assertFails(await runCommand(DataGenerate, ['--out', file]), 1, /--out .*a-file is a file, not a folder/);
  });

  test('a folder revops may not create: permission denied and what to do', async () => {
    // /sys refuses new entries even to root, so this holds however the tests are run.
    const run = await runCommand(Plan, ['--out', '/sys/revops-out']);
    assertFails(run, 1, /\/sys\/revops-out: permission denied \(EPERM, mkdir\)/);
    assert.match(run.stderr, /Write somewhere you have permission to/);
  });

  test('a non-empty folder is refused unless it is an earlier output of the same command, or --force', async () => {
    const folder = join(dir, 'mine');
    await mkdir(folder);
    await writeFile(join(folder, 'notes.txt'), 'keep me');
    await assert.rejects(
      claimOutputFolder(folder, { command: 'plan' }),
      /is not empty and was not written by `revops plan`/,
    );
    await claimOutputFolder(folder, { command: 'plan', force: true });
    assert.deepEqual(JSON.parse(await readFile(join(folder, OUTPUT_MARKER), 'utf8')), { command: 'plan' });
    await claimOutputFolder(folder, { command: 'plan' });
    await assert.rejects(claimOutputFolder(folder, { command: 'verify' }), /holds the output of `revops plan`/);
    assert.equal(await readFile(join(folder, 'notes.txt'), 'utf8'), 'keep me');
  });

  test('data generate writes again over an earlier dataset, and refuses any other folder', async () => {
    const folder = join(dir, 'dataset');
    await mkdir(folder);
    await writeFile(join(folder, 'manifest.json'), JSON.stringify({ format: 'revops-dataset/1' }));
    await claimOutputFolder(folder, { command: 'data generate', recognise: async () => true, noMarker: true });
    await writeFile(join(dir, 'other.txt'), 'x');
    assertFails(
      await runCommand(DataGenerate, ['--out', dir, '--scale', '10', '--no-stats']),
      1,
      /is not empty and was not written by `revops data generate`/,
    );
  });
});

describe('formula eval without --record', () => {
  test('says that it evaluates a blank record', async () => {
    const run = await runCommand(FormulaEval, ['--object', 'Opportunity', 'ISBLANK(Amount)']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /No --record given: evaluating against a blank record/);
    assert.deepEqual(JSON.parse(run.stdout), { value: true, type: 'Checkbox' });
  });
});

describe('--json: every failure is the framework envelope, without a stack', () => {
  let copy: string;
  before(async () => {
    copy = await projectCopy();
    const file = join(copy, 'model/objects/opportunity.ts');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Push_Count__c:', 'Push__Count__c:'));
  });
  after(() => rm(copy, { recursive: true, force: true }));

  test('plan --json on a model error', async () => {
    const run = await runCommand(Plan, ['--json'], copy);
    assert.equal(run.status, 1);
    const envelope = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(envelope.status, 1);
    assert.equal(envelope.name, 'ModelError');
    assert.match(
      String(envelope.message),
      /model\/objects\/opportunity\.ts:\d+: CustomField Opportunity\.Push__Count__c/,
    );
    assert.ok(Array.isArray(envelope.warnings));
    assert.equal(envelope.stack, undefined, 'no stack');
    assert.equal(envelope.cause, undefined, 'no cause (it would hold the stack)');
  });

  test('a usage error under --json', async () => {
    const run = await runCommand(DataGenerate, ['--json', '--seed', 'abc']);
    assert.equal(run.status, 2);
    const envelope = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(envelope.status, 2);
    assert.match(String(envelope.message), /--seed: Expected an integer/);
    assert.equal(envelope.stack, undefined);
  });

  test('DEBUG=revops puts the stack back, for developers', async () => {
    process.env.DEBUG = 'revops';
    try {
      const run = await runCommand(Plan, ['--json'], copy);
      assert.match(String((JSON.parse(run.stdout) as { stack?: string }).stack), /at .*\.ts:\d+:\d+/);
    } finally {
      delete process.env.DEBUG;
    }
  });
});

describe('plan --dataset with a broken dataset', () => {
  let dataset: string;
  before(async () => {
    dataset = await mkdtemp(join(tmpdir(), 'revops-broken-dataset-'));
    await writeFile(join(dataset, 'manifest.json'), '{"format": "revops-dataset/1", "objects": [');
  });
  after(() => rm(dataset, { recursive: true, force: true }));

  test('a truncated manifest: one line naming it, no stack', async () => {
    const run = await runCommand(Plan, ['--dataset', dataset, '--out', join(dataset, '..', `${dataset}-plan`)]);
    await rm(`${dataset}-plan`, { recursive: true, force: true });
    assert.notEqual(run.status, 0);
    assert.doesNotMatch(run.stderr, STACK_FRAME);
    assert.match(run.stderr, /^Error \(\w+\): .*manifest\.json/m);
  });
});
