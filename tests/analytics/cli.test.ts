/**
 * `revops report` from the command line, in-process: the three files on success, and every bad
 * input — no dataset, a broken file, an empty dataset, a wrong count, a bad --as-of, no source,
 * a foreign --out folder — one line saying what to do, a non-zero exit, no stack trace, and
 * nothing half-written (a new --out folder is not even created; an earlier report is untouched).
 */
import assert from 'node:assert/strict';
import { access, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ReportCommand, { type ReportCommandResult } from '../../scripts/cli/commands/revops/report.ts';
import { runCommand, type CommandRun } from '../cli/run-command.ts';

const SEED = fileURLToPath(new URL('../../data/seed', import.meta.url));
const STACK_FRAME = /^\s+at .*:\d+:\d+\)?$/m;
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

function assertFails(run: CommandRun<unknown>, status: number, message: RegExp): void {
  assert.equal(run.status, status, run.stdout + run.stderr);
  assert.match(run.stderr, message);
  assert.doesNotMatch(run.stderr, STACK_FRAME, 'no stack trace');
  const errorLine = run.stderr.split('\n').find((l) => l.startsWith('Error'));
  assert.ok(errorLine, 'an error line');
}

describe('revops report', () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'revops-report-cli-'));
  });
  after(() => rm(work, { recursive: true, force: true }));

  /** A copy of the seed to break. */
  async function brokenCopy(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
    const dir = join(work, name);
    await cp(SEED, dir, { recursive: true });
    await edit(dir);
    return dir;
  }

  test('writes index.html, metrics.json and summary.md and says where', async () => {
    const out = join(work, 'ok');
    const run = await runCommand<ReportCommandResult>(ReportCommand, ['--dataset', SEED, '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /revops report: \d+ charts as of 2026-12-01/);
    assert.deepEqual((await readdir(out)).sort(), ['.revops-output.json', 'index.html', 'metrics.json', 'summary.md']);
    assert.ok(run.result!.charts >= 8);
    assert.equal(run.result!.winRate, JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8')).winRate.overall);
    // Again into its own folder: allowed (the marker says it is a report).
    assert.equal(
      (await runCommand(ReportCommand, ['--dataset', SEED, '--out', out, '--as-of', '2026-11-01'])).status,
      0,
    );
    assert.match(await readFile(join(out, 'summary.md'), 'utf8'), /as of 2026-11-01/);
  });

  test('no dataset: a folder without manifest.json', async () => {
    const out = join(work, 'no-manifest-out');
    const empty = join(work, 'not-a-dataset');
    await mkdir(empty);
    assertFails(await runCommand(ReportCommand, ['--dataset', empty, '--out', out]), 1, /manifest\.json: not found/);
    assert.equal(await exists(out), false, 'nothing written');
  });

  test('a broken file names the file and the line; an earlier report stays as it was', async () => {
    const dir = await brokenCopy('broken', async (d) => {
      const file = join(d, 'Opportunity.ndjson');
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines[2] = lines[2]!.slice(0, 40);
      await writeFile(file, lines.join('\n'));
    });
    const out = join(work, 'ok');
    const before = await readFile(join(out, 'metrics.json'), 'utf8');
    assertFails(
      await runCommand(ReportCommand, ['--dataset', dir, '--out', out]),
      1,
      /Opportunity\.ndjson:3: not valid JSON/,
    );
    assert.equal(await readFile(join(out, 'metrics.json'), 'utf8'), before, 'the earlier report is untouched');
  });

  test('a value of the wrong type, and a count the manifest does not match', async () => {
    const typed = await brokenCopy('typed', async (d) => {
      const file = join(d, 'Opportunity.ndjson');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"Amount":100000', '"Amount":"a lot"'));
    });
    assertFails(
      await runCommand(ReportCommand, ['--dataset', typed, '--out', join(work, 't-out')]),
      1,
      /Opportunity\.ndjson: .*"a lot"/,
    );
    // The manifest claims one opportunity more than the file holds.
    let held = 0;
    const counted = await brokenCopy('counted', async (d) => {
      const file = join(d, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8')) as { objects: { sobject: string; count: number }[] };
      const opportunity = manifest.objects.find((o) => o.sobject === 'Opportunity')!;
      held = opportunity.count;
      opportunity.count += 1;
      await writeFile(file, JSON.stringify(manifest, null, 2));
    });
    assertFails(
      await runCommand(ReportCommand, ['--dataset', counted, '--out', join(work, 'c-out')]),
      1,
      new RegExp(`holds ${held} records, but manifest\\.json says ${held + 1}`),
    );
    assert.equal(await exists(join(work, 't-out')), false);
  });

  test('an empty dataset: nothing to report', async () => {
    const dir = await brokenCopy('empty', async (d) => {
      const manifest = JSON.parse(await readFile(join(d, 'manifest.json'), 'utf8'));
      for (const o of manifest.objects) {
        o.count = 0;
        await writeFile(join(d, o.file), '');
      }
      await writeFile(join(d, 'manifest.json'), JSON.stringify(manifest));
    });
    assertFails(
      await runCommand(ReportCommand, ['--dataset', dir, '--out', join(work, 'e-out')]),
      1,
      /has no Account records, so there is nothing to report/,
    );
  });

  test('a command line it cannot act on: exit 2', async () => {
    assertFails(
      await runCommand(ReportCommand, ['--dataset', SEED, '--as-of', 'yesterday']),
      2,
      /--as-of: expected a date as YYYY-MM-DD/,
    );
    assertFails(await runCommand(ReportCommand, ['--dataset', SEED, '--as-of', '2026-02-30']), 2, /--as-of/);
    assertFails(
      await runCommand(ReportCommand, ['--out', join(work, 'x')]),
      2,
      /Pass --dataset DIR or --target-org ORG/,
    );
    assertFails(
      await runCommand(ReportCommand, ['--dataset', '/nonexistent/seed']),
      2,
      /No directory found at \/nonexistent\/seed/,
    );
  });

  test('--out follows the CLI rules: a folder of other files is refused unless --force', async () => {
    const out = join(work, 'documents');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'mine');
    assertFails(
      await runCommand(ReportCommand, ['--dataset', SEED, '--out', out]),
      1,
      /is not empty and was not written by `revops report`/,
    );
    assert.deepEqual(await readdir(out), ['notes.txt']);
    assert.equal((await runCommand(ReportCommand, ['--dataset', SEED, '--out', out, '--force'])).status, 0);
    assert.equal(await readFile(join(out, 'notes.txt'), 'utf8'), 'mine');
  });
});
