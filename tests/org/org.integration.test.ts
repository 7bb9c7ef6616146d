/**
 * `revops org up` end to end against a real Dev Hub: create a scratch org, deploy, assign
 * permission sets, load the bundled dataset; run it again (every step skipped); reload the data
 * (every row updated, none duplicated); the duplicate rules are active (deployed inactive, then
 * activated once their matching rules were: scripts/org/activate.ts); run the routing Apex tests
 * (the conformance vectors through the Apex router, and the router's limits per 200 leads);
 * delete the org. Runs when the environment names a Dev Hub:
 *
 *   SF_DEVHUB_ALIAS        an alias or username the sf CLI is already logged in to, or
 *   DEVHUB_SFDX_AUTH_URL   an SFDX auth URL; the sf CLI logs in with it (`sf org login sfdx-url`)
 *
 * Otherwise it is reported as skipped, with the reason. No Salesforce org is reachable from the
 * development machines, so this suite runs in CI (see .github/workflows).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import DataLoad from '../../scripts/cli/commands/revops/data/load.ts';
import OrgDelete from '../../scripts/cli/commands/revops/org/delete.ts';
import OrgUp from '../../scripts/cli/commands/revops/org/up.ts';
import { runCommand } from '../cli/run-command.ts';
import model from '../../model/index.ts';
import { modelActivations } from '../../scripts/metadata/activations.ts';
import { resolveTargetOrg } from '../../scripts/org/connection.ts';
import { readDataset } from '../../scripts/org/dataset.ts';
import { devHub, sfCli } from './dev-hub.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATASET = join(ROOT, 'data', 'seed');

function skipReason(): string | undefined {
  if (!process.env.SF_DEVHUB_ALIAS && !process.env.DEVHUB_SFDX_AUTH_URL)
    return 'no Dev Hub configured: set SF_DEVHUB_ALIAS (an sf alias) or DEVHUB_SFDX_AUTH_URL to run org up against a real scratch org';
  if (!existsSync(join(DATASET, 'manifest.json'))) return `no dataset at ${DATASET}: run revops data generate first`;
  if (!process.env.SF_DEVHUB_ALIAS && !sfCli())
    return 'DEVHUB_SFDX_AUTH_URL is set but the sf CLI is not installed (npm install --no-save @salesforce/cli)';
  return undefined;
}

async function countByExternalId(alias: string, sobject: string): Promise<{ total: number; distinct: number }> {
  const connection = (await resolveTargetOrg(alias)).getConnection();
  const total = await connection.query(`SELECT COUNT() FROM ${sobject} WHERE External_Id__c != null`);
  const distinct = await connection.query(
    `SELECT COUNT_DISTINCT(External_Id__c) n FROM ${sobject} WHERE External_Id__c != null`,
  );
  return { total: total.totalSize, distinct: Number((distinct.records[0] as { n?: number } | undefined)?.n ?? 0) };
}

/** The Apex half of routing's conformance (RoutingConformance_Test is generated from data/routing-vectors). */
const ROUTING_APEX_TESTS = ['RoutingConformance_Test', 'LeadRouterTest'];

function assertApexTestsPass(alias: string, classes: readonly string[]): void {
  const names = classes.flatMap((c) => ['--class-names', c]);
  const run = spawnSync(
    sfCli() ?? 'sf',
    ['apex', 'run', 'test', '--target-org', alias, ...names, '--synchronous', '--json'],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  const json = JSON.parse(run.stdout || '{}') as {
    result?: { summary?: { outcome?: string }; tests?: { FullName: string; Outcome: string; Message?: string }[] };
  };
  const failed = (json.result?.tests ?? []).filter((t) => t.Outcome !== 'Pass');
  assert.deepEqual(
    failed.map((t) => `${t.FullName}: ${t.Message ?? t.Outcome}`),
    [],
    `routing Apex tests failed (${json.result?.summary?.outcome ?? run.stderr})`,
  );
  assert.ok((json.result?.tests ?? []).length > 0, `no routing Apex test ran: ${run.stderr}`);
}

const reason = skipReason();

describe('org up against a real scratch org', () => {
  const alias = `revops-it-${Date.now().toString(36)}`;
  let created = false;

  after(async () => {
    if (created) await runCommand(OrgDelete, ['--target-org', alias]);
  });

  test(
    'org up from nothing, again (nothing to do), data reloaded without duplicates',
    { skip: reason, timeout: 45 * 60_000 },
    async () => {
      const hub = await devHub();
      const up = ['--alias', alias, '--target-dev-hub', hub, '--dataset', DATASET, '--duration-days', '1'];
      const first = (await runCommand(OrgUp, up)).status;
      created = true;
      assert.equal(first, 0, 'org up succeeded');
      // Two phases: the duplicate rules deployed inactive, then activated once their matching rules were.
      const activations = modelActivations(model);
      const rules = await (await resolveTargetOrg(alias)).getConnection().metadata.read(
        'DuplicateRule',
        activations.map((a) => a.fullName),
      );
      for (const rule of [rules].flat() as unknown as { fullName: string; isActive: string | boolean }[])
        assert.equal(String(rule.isActive), 'true', `DuplicateRule ${rule.fullName} is active after org up`);
      assert.equal((await runCommand(OrgUp, up)).status, 0, 'a second org up succeeds with nothing to do');
      assert.equal((await runCommand(DataLoad, ['--target-org', alias, '--dataset', DATASET, '--fresh'])).status, 0);
      const { manifest } = await readDataset(DATASET);
      for (const object of manifest.objects) {
        const counts = await countByExternalId(alias, object.sobject);
        assert.equal(counts.total, object.count, `${object.sobject}: one record per dataset row`);
        assert.equal(counts.distinct, object.count, `${object.sobject}: no duplicated external id`);
      }
      // The loader filled in the standard price book: every product's entry, every priced deal's book.
      const conn = (await resolveTargetOrg(alias)).getConnection();
      const strayLines = await conn.query(
        'SELECT COUNT() FROM OpportunityLineItem WHERE PricebookEntry.Pricebook2.IsStandard = false',
      );
      assert.equal(strayLines.totalSize, 0, 'every opportunity product is priced from the standard price book');
      const strayDeals = await conn.query(
        'SELECT COUNT() FROM Opportunity WHERE HasOpportunityLineItem = true AND Pricebook2.IsStandard = false',
      );
      assert.equal(strayDeals.totalSize, 0, 'every deal with products is on the standard price book');
      const strayQuoteLines = await conn.query(
        'SELECT COUNT() FROM QuoteLineItem WHERE PricebookEntry.Pricebook2.IsStandard = false OR Quote.Pricebook2.IsStandard = false',
      );
      assert.equal(strayQuoteLines.totalSize, 0, 'every quote line and its quote are on the standard price book');
      assertApexTestsPass(alias, ROUTING_APEX_TESTS);
    },
  );
});
