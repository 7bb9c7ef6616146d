/**
 * `revops access review --target-org` against a real org: the queries run (the fields and objects
 * the model names exist once it is deployed), every active user is a holder, the review file is
 * written. Runs when REVOPS_REVIEW_ORG names an org the sf CLI is logged in to (a scratch org
 * after `revops org up`); otherwise it is reported as skipped, with the reason. What only an org
 * shows: the aggregate permission sets of groups, muting sets, profile permissions.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import AccessReviewCommand, { type AccessReviewResult } from '../../scripts/cli/commands/revops/access/review.ts';
import { runCommand } from '../cli/run-command.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ORG = process.env.REVOPS_REVIEW_ORG;
const skip = ORG
  ? false
  : 'no org configured: set REVOPS_REVIEW_ORG to an sf alias (a scratch org with the project deployed) to review its users';

describe('access review of a real org', { skip }, () => {
  test('every active user is a holder; the review and its Markdown are written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'revops-review-org-'));
    try {
      const run = await runCommand<AccessReviewResult>(
        AccessReviewCommand,
        ['--target-org', ORG!, '--out', join(dir, 'review.json')],
        ROOT,
      );
      assert.equal(run.status, 0, run.stderr);
      assert.ok(run.result!.review.holders.length > 0, 'the org has at least its admin user');
      assert.ok(
        run.result!.review.holders.some((h) => Object.keys(h.entitlements).some((k) => k.startsWith('profile:'))),
        'profiles are read through their owned permission sets',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
