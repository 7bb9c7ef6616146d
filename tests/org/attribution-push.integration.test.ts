/**
 * `revops attribution push` against a real org: what the API test double (tests/attribution/
 * push.test.ts) cannot prove — that Customizable Campaign Influence takes records under the
 * deployed RevOps_W_Shaped model through the API although the model is locked, that Salesforce
 * computes RevenueShare as Amount × Influence, that a re-run replaces rather than duplicates.
 * Runs when the environment names an org the project was set up in with the bundled seed loaded
 * (`revops org up`, which deploys, assigns permission sets and loads data/seed):
 *
 *   REVOPS_ATTRIBUTION_ORG   an alias or username the sf CLI is logged in to
 *
 * Otherwise it is reported as skipped, with the reason.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runAttribution } from '../../scripts/attribution/index.ts';
import { influenceRows } from '../../scripts/attribution/push.ts';
import AttributionPush from '../../scripts/cli/commands/revops/attribution/push.ts';
import type { PushResult } from '../../scripts/attribution/push.ts';
import { resolveTargetOrg } from '../../scripts/org/connection.ts';
import { model, SEED_DIR } from '../data/support.ts';
import { runCommand } from '../cli/run-command.ts';

const ORG = process.env.REVOPS_ATTRIBUTION_ORG;
const reason = ORG
  ? undefined
  : 'no org configured: set REVOPS_ATTRIBUTION_ORG to an org set up with `revops org up` (seed loaded) to write campaign influence to it';

describe('attribution push against a real org', { skip: reason, timeout: 15 * 60_000 }, () => {
  test('writes W-shaped influence; Salesforce computes the revenue share; a re-run replaces', async () => {
    const push = async () => {
      const run = await runCommand<PushResult>(AttributionPush, ['--target-org', ORG!, '--model', 'w-shaped']);
      assert.equal(run.status, 0, run.error?.message ?? run.stderr);
      return run.result!;
    };
    const first = await push();
    const plan = influenceRows(await runAttribution(SEED_DIR, { model, attribution: 'w-shaped' }));
    assert.deepEqual([first.failed.length, first.notInOrg.opportunities.length], [0, 0]);
    assert.equal(first.written, plan.rows.length);

    const conn = (await resolveTargetOrg(ORG)).getConnection();
    const soql = `SELECT Influence, RevenueShare, Opportunity.Amount FROM CampaignInfluence WHERE ModelId = '${first.influenceModelId}'`;
    const stored = await conn.query<{ Influence: number; RevenueShare: number; Opportunity: { Amount: number } }>(
      soql,
      {
        autoFetch: true,
        maxFetch: 100_000,
      },
    );
    assert.equal(stored.records.length, plan.rows.length);
    for (const r of stored.records)
      assert.ok(Math.abs(r.RevenueShare - (r.Opportunity.Amount * r.Influence) / 100) < 0.01, JSON.stringify(r));

    const second = await push();
    assert.deepEqual([second.deleted, second.written], [plan.rows.length, plan.rows.length]);
  });
});
