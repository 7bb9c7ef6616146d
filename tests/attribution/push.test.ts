/**
 * `revops attribution push` without an org: @salesforce/core's TestContext routes every request
 * of the connection to FakeInfluenceOrg below — an API TEST DOUBLE (not Salesforce) holding
 * opportunities and campaigns by External_Id__c, the CampaignInfluenceModel records and the
 * CampaignInfluence table, answering SOQL, composite inserts and deletes, and injecting the faults
 * a real org gives (no influence model, refused rows, a refused delete). What only an org shows is
 * in tests/org/attribution-push.integration.test.ts.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { MockTestOrgData } from '@salesforce/core/testSetup';
import { MODEL_NAMES, MODELS, runAttribution, type AttributionResult } from '../../scripts/attribution/index.ts';
import { influenceModelName, influenceRows, pushInfluence } from '../../scripts/attribution/push.ts';
import AttributionPush from '../../scripts/cli/commands/revops/attribution/push.ts';
import type { PushResult } from '../../scripts/attribution/push.ts';
import { runCommand } from '../cli/run-command.ts';
import { coreTestContext } from '../org/core-test-context.ts';
import { model, SEED_DIR } from '../data/support.ts';

interface FakeRequest {
  method: string;
  url: string;
  body?: string;
}
interface Row {
  Id: string;
  ModelId: string;
  OpportunityId: string;
  CampaignId: string;
  Influence: number;
}

/** API TEST DOUBLE: the slice of an org campaign influence needs, with faults on request. */
class FakeInfluenceOrg {
  readonly influence = new Map<string, Row>();
  readonly models = new Map<string, string>([['RevOps_W_Shaped', '0uM000000000001AAA']]);
  readonly requests: FakeRequest[] = [];
  refuse: (row: Row) => string | undefined = () => undefined;
  refuseDelete = false;
  private next = 1;
  readonly opportunities: Map<string, string>;
  readonly campaigns: Map<string, string>;
  constructor(opportunities: Map<string, string>, campaigns: Map<string, string>) {
    this.opportunities = opportunities;
    this.campaigns = campaigns;
  }

  answer(r: FakeRequest): unknown {
    this.requests.push(r);
    const url = new URL(r.url);
    const soql = url.searchParams.get('q') ?? '';
    if (r.method === 'GET' && soql) return this.query(soql);
    if (r.method === 'POST' && url.pathname.endsWith('/composite/sobjects')) {
      const { records } = JSON.parse(r.body ?? '{}') as { records: Omit<Row, 'Id'>[] };
      return records.map((rec) => {
        const row = { ...rec, Id: `0cI${String(this.next++).padStart(15, '0')}` };
        const error = this.refuse(row);
        if (error) return { success: false, errors: [{ statusCode: error.split(':')[0], message: error }] };
        this.influence.set(row.Id, row);
        return { id: row.Id, success: true, errors: [] };
      });
    }
    if (r.method === 'DELETE' && url.pathname.endsWith('/composite/sobjects')) {
      const ids = (url.searchParams.get('ids') ?? '').split(',');
      return ids.map((id) => {
        if (this.refuseDelete)
          return { id, success: false, errors: [{ statusCode: 'INSUFFICIENT_ACCESS', message: 'no delete' }] };
        this.influence.delete(id);
        return { id, success: true, errors: [] };
      });
    }
    throw new Error(`FakeInfluenceOrg: unexpected request ${r.method} ${r.url}`);
  }

  private query(soql: string) {
    const result = (records: object[]) => ({ totalSize: records.length, done: true, records });
    const model = /FROM CampaignInfluenceModel WHERE DeveloperName = '(\w+)'/.exec(soql);
    if (model) return result(this.models.has(model[1]!) ? [{ Id: this.models.get(model[1]!) }] : []);
    const byKey = /FROM (Opportunity|Campaign) WHERE External_Id__c IN \((.*)\)/.exec(soql);
    if (byKey) {
      const table = byKey[1] === 'Opportunity' ? this.opportunities : this.campaigns;
      const keys = [...byKey[2]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
      return result(keys.filter((k) => table.has(k)).map((k) => ({ Id: table.get(k), External_Id__c: k })));
    }
    const existing = /FROM CampaignInfluence WHERE ModelId = '(\w+)'/.exec(soql);
    if (existing)
      return result([...this.influence.values()].filter((x) => x.ModelId === existing[1]).map((x) => ({ Id: x.Id })));
    throw new Error(`FakeInfluenceOrg: unexpected SOQL ${soql}`);
  }
}

let wShaped: AttributionResult;
before(async () => {
  wShaped = await runAttribution(SEED_DIR, { model, attribution: 'w-shaped' });
});

describe('influence rows', () => {
  test("per deal, the campaigns' percents and the uncampaigned share add up to 100 % exactly", () => {
    const plan = influenceRows(wShaped);
    assert.ok(plan.rows.length > 50, `only ${plan.rows.length} rows`);
    for (const deal of wShaped.credits) {
      const rows = plan.rows.filter((r) => r.opportunity === deal.opportunity);
      const none = deal.credits.filter((c) => !c.campaign).reduce((s, c) => s + c.cents, 0);
      const points = rows.reduce((s, r) => s + Math.round(r.influence * 100), 0);
      // Campaign basis points plus the uncampaigned bucket's are 10,000; each differs from its exact share by < 1.
      const exactNone = (none * 10_000) / deal.amountCents;
      assert.ok(Math.abs(10_000 - points - exactNone) < 1, `${deal.opportunity}: ${points} bp + ${exactNone}`);
      for (const r of rows) {
        assert.ok(Number.isInteger(Math.round(r.influence * 100)) && r.influence > 0 && r.influence <= 100);
        assert.ok(Math.abs(r.influence - (r.cents * 100) / deal.amountCents) < 0.01, `${r.opportunity} ${r.campaign}`);
      }
    }
    const total = wShaped.credits.reduce((s, d) => s + d.amountCents, 0);
    assert.equal(plan.creditedCents + plan.uncampaignedCents, total, 'every closed-won cent is campaign or not');
  });

  test('a campaign on two touches of a deal is one row with both credits; a deal of 0 has none', () => {
    const plan = influenceRows({
      credits: [
        {
          opportunity: 'O1',
          amountCents: 300,
          credits: [
            { touch: 't1', channel: 'Webinar', campaign: 'C1', cents: 100 },
            { touch: 't2', channel: 'Sales Meeting', campaign: null, cents: 100 },
            { touch: 't3', channel: 'Webinar', campaign: 'C1', cents: 100 },
          ],
        },
        { opportunity: 'O2', amountCents: 0, credits: [{ touch: 't4', channel: 'Webinar', campaign: 'C1', cents: 0 }] },
      ],
    });
    assert.deepEqual(plan.rows, [{ opportunity: 'O1', campaign: 'C1', influence: 66.67, cents: 200 }]);
    assert.equal(plan.uncampaignedCents, 100);
  });

  test('every attribution model has its influence model in the project model, named and described alike', () => {
    for (const name of MODEL_NAMES) {
      const def = model.campaignInfluenceModels.find((m) => m.name === influenceModelName(name));
      assert.ok(def, `no CampaignInfluenceModel ${influenceModelName(name)} for ${name}`);
      assert.equal(def.label, `RevOps ${MODELS[name].label}`);
      assert.ok(def.description.includes(MODELS[name].description), def.description);
      assert.ok(def.modelLocked && def.active, `${def.name}: API-only and active`);
    }
    assert.equal(model.campaignInfluenceModels.filter((m) => m.isDefault).length, 1);
  });
});

describe('pushing to an org (API test double)', () => {
  const $$ = coreTestContext();
  let org: FakeInfluenceOrg;

  const connection = async () => {
    const data = new MockTestOrgData();
    await $$.stubAuths(data);
    const { Org } = await import('@salesforce/core');
    return (await Org.create({ aliasOrUsername: data.username })).getConnection('66.0');
  };

  /** An org holding every opportunity and campaign of the plan but `except`. */
  function loadedOrg(except: { opportunity?: string; campaign?: string } = {}): FakeInfluenceOrg {
    const rows = influenceRows(wShaped).rows;
    const ids = (keys: string[], prefix: string, skip?: string) =>
      new Map(
        [...new Set(keys)].filter((k) => k !== skip).map((k, i) => [k, `${prefix}${String(i).padStart(15, '0')}`]),
      );
    const fake = new FakeInfluenceOrg(
      ids(
        rows.map((r) => r.opportunity),
        '006',
        except.opportunity,
      ),
      ids(
        rows.map((r) => r.campaign),
        '701',
        except.campaign,
      ),
    );
    $$.fakeConnectionRequest = async (request) => fake.answer(request as unknown as FakeRequest) as never;
    return fake;
  }

  test('writes one record per (deal, campaign) under RevOps_W_Shaped; a re-run replaces them', async () => {
    org = loadedOrg();
    const conn = await connection();
    const first = await pushInfluence(conn, { model: 'w-shaped', result: wShaped });
    const plan = influenceRows(wShaped);
    assert.equal(first.influenceModelId, '0uM000000000001AAA');
    assert.equal(first.written, plan.rows.length);
    assert.equal(org.influence.size, plan.rows.length);
    assert.deepEqual([first.deleted, first.failed.length], [0, 0]);
    const row = plan.rows[0]!;
    const stored = [...org.influence.values()].find(
      (x) =>
        x.OpportunityId === org.opportunities.get(row.opportunity) && x.CampaignId === org.campaigns.get(row.campaign),
    );
    assert.equal(stored?.Influence, row.influence);
    assert.equal(stored?.ModelId, '0uM000000000001AAA');
    const inserts = org.requests.filter((r) => r.method === 'POST');
    assert.equal(inserts.length, Math.ceil(plan.rows.length / 200), 'at most 200 rows a request');

    const again = await pushInfluence(conn, { model: 'w-shaped', result: wShaped });
    assert.deepEqual(
      [again.deleted, again.written, org.influence.size],
      [plan.rows.length, plan.rows.length, plan.rows.length],
    );
  });

  test('the command writes through --target-org and says what it wrote; an unknown model is a usage error', async () => {
    org = loadedOrg();
    const data = new MockTestOrgData();
    await $$.stubAuths(data);
    const run = await runCommand<PushResult>(AttributionPush, ['--target-org', data.username, '--model', 'w-shaped']);
    assert.equal(run.status, 0, run.error?.message);
    assert.equal(run.result!.written, influenceRows(wShaped).rows.length);
    assert.match(run.stdout, /CampaignInfluence records written under RevOps_W_Shaped/);
    const bad = await runCommand(AttributionPush, ['--target-org', data.username, '--model', 'w-shape']);
    assert.equal(bad.status, 2);
    assert.match(bad.error!.message, /Unknown attribution model "w-shape"/);
  });

  test('an org without the influence model is refused before anything is written', async () => {
    org = loadedOrg();
    org.models.clear();
    await assert.rejects(pushInfluence(await connection(), { model: 'w-shaped', result: wShaped }), (e: Error) => {
      assert.equal(e.name, 'InfluenceModelMissing');
      assert.match(e.message, /has no CampaignInfluenceModel RevOps_W_Shaped/);
      return true;
    });
    assert.ok(
      org.requests.every((r) => r.method === 'GET'),
      'only reads',
    );
  });

  test('rows the org refuses are reported with its error; the rest are written', async () => {
    org = loadedOrg();
    const bad = org.campaigns.values().next().value!;
    org.refuse = (row) => (row.CampaignId === bad ? 'FIELD_INTEGRITY_EXCEPTION: campaign is not active' : undefined);
    const result = await pushInfluence(await connection(), { model: 'w-shaped', result: wShaped });
    const refused = [...org.campaigns].find(([, id]) => id === bad)![0];
    const expected = influenceRows(wShaped).rows.filter((r) => r.campaign === refused).length;
    assert.ok(expected > 0);
    assert.equal(result.failed.length, expected);
    assert.ok(result.failed.every((f) => f.campaign === refused && /FIELD_INTEGRITY_EXCEPTION/.test(f.error)));
    assert.equal(result.written, org.influence.size);
  });

  test('a deal or campaign missing from the org is reported, not sent', async () => {
    const rows = influenceRows(wShaped).rows;
    org = loadedOrg({ opportunity: rows[0]!.opportunity });
    const result = await pushInfluence(await connection(), { model: 'w-shaped', result: wShaped });
    assert.deepEqual(result.notInOrg.opportunities, [rows[0]!.opportunity]);
    assert.equal(result.written, rows.filter((r) => r.opportunity !== rows[0]!.opportunity).length);
  });

  test('a refused delete of the earlier records stops the push before anything new is written', async () => {
    org = loadedOrg();
    const conn = await connection();
    await pushInfluence(conn, { model: 'w-shaped', result: wShaped });
    const before = org.influence.size;
    org.refuseDelete = true;
    const posts = org.requests.filter((r) => r.method === 'POST').length;
    await assert.rejects(pushInfluence(conn, { model: 'w-shaped', result: wShaped }), {
      name: 'InfluenceDeleteFailed',
    });
    assert.equal(org.requests.filter((r) => r.method === 'POST').length, posts, 'no insert after a refused delete');
    assert.equal(org.influence.size, before);
  });
});
