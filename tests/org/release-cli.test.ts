/**
 * `revops release` and `revops rollback` as the admin types them (in-process, the org resolved
 * by @salesforce/core's TestContext): bad input is one line saying what is wrong, a non-zero
 * exit, no stack trace, and nothing asked of the org.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import Release from '../../scripts/cli/commands/revops/release.ts';
import Rollback from '../../scripts/cli/commands/revops/rollback.ts';
import { runCommand, type CommandRun } from '../cli/run-command.ts';
import { coreTestContext, stubDevHubAndScratchOrg, writeDeployProject } from './core-test-context.ts';

function assertExplained(run: CommandRun<unknown>, status: number, message: RegExp): void {
  assert.equal(run.status, status, run.stdout + run.stderr);
  assert.match(run.stderr, message);
  assert.doesNotMatch(run.stderr, /^\s+at .*:\d+:\d+\)?$/m, 'no stack trace');
}

describe('revops release / rollback: bad input', () => {
  const $$ = coreTestContext();
  let project = '';
  before(async () => {
    project = await writeDeployProject();
  });
  after(() => rm(project, { recursive: true, force: true }));

  test('no --rfc, or not a number: exit 2', async () => {
    await stubDevHubAndScratchOrg($$);
    assertExplained(await runCommand(Release, ['--target-org', 'so'], project), 2, /Missing required flag rfc/);
    assertExplained(
      await runCommand(Release, ['--target-org', 'so', '--rfc', 'seven'], project),
      2,
      /Expected an integer but received: seven/,
    );
    assertExplained(await runCommand(Rollback, ['--target-org', 'so'], project), 2, /Missing required flag release/);
  });

  test('not a git clone; no release tag to start from; no such RFC; no such release: exit 1, one line each', async () => {
    await stubDevHubAndScratchOrg($$);
    assertExplained(
      await runCommand(Release, ['--target-org', 'so', '--rfc', '1'], project),
      1,
      /is not a git repository/,
    );
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@revops-os.invalid', ...args], { cwd: project });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'project');
    assertExplained(
      await runCommand(Release, ['--target-org', 'so', '--rfc', '1'], project),
      1,
      /no release tag yet \(revops\/release\/\*\): there is no last release to compare with/,
    );
    assertExplained(
      await runCommand(Release, ['--target-org', 'so', '--rfc', '1', '--from', 'HEAD'], project),
      1,
      /RFC 1: no rfcs\/0001-\*\.md here/,
    );
    assertExplained(
      await runCommand(Rollback, ['--target-org', 'so', '--release', '20261130-104512-rfc1'], project),
      1,
      /release 20261130-104512-rfc1: no releases\/20261130-104512-rfc1\/release\.json here/,
    );
  });
});
