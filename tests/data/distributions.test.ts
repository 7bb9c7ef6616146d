/**
 * The medium dataset measured against the blueprints' benchmarks, and the stories the records
 * must tell: every stage, stale and slipped deals, reasons on losses, contracts due for renewal.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  analyzeDataset,
  BENCHMARKS,
  benchmarkChecks,
  createWorld,
  generateDataset,
  storyCycleDays,
  type DatasetStats,
} from '../../scripts/data/index.ts';
import { model, readLines, relationId, removeDir, SEED_DIR, tempDir } from './support.ts';

let dir: string;
let stats: DatasetStats;
const within = (value: number, range: { min: number; max: number }, what: string) =>
  assert.ok(value >= range.min && value <= range.max, `${what}: ${value} not in [${range.min}, ${range.max}]`);

before(async () => {
  dir = await tempDir();
  await generateDataset({ model, out: join(dir, 'medium'), scale: 'medium' });
  stats = await analyzeDataset(join(dir, 'medium'), model);
});
after(() => removeDir(dir));

describe('medium dataset against the blueprint benchmarks', () => {
  test('lead funnel: MQL → SAL 60-80 %, SAL → SQL 40-60 %, SQL → Opportunity 50-70 %', () => {
    within(stats.leads.mqlToSal, BENCHMARKS.mqlToSal, 'MQL → SAL');
    within(stats.leads.salToSql, BENCHMARKS.salToSql, 'SAL → SQL');
    within(stats.leads.sqlToOpportunity, BENCHMARKS.sqlToOpportunity, 'SQL → Opportunity');
    assert.ok(stats.leads.prospects > 0 && stats.leads.inFlight > 0, 'pre-MQL nurture and MQLs awaiting acceptance');
  });

  test('win rate 20-30 %, and deal sizes by segment in their ACV bands', () => {
    within(stats.opportunities.winRate, BENCHMARKS.winRate, 'win rate');
    for (const segment of ['ENT', 'MM', 'SMB'] as const)
      within(
        stats.opportunities.bySegment[segment]!.medianWonArr!,
        BENCHMARKS.arr[segment],
        `median won ARR ${segment}`,
      );
    assert.ok(benchmarkChecks(stats).every((c) => c.ok));
  });

  test('sales cycles by segment: ENT 90-180, MM 45-90, SMB 14-45 days (median of won deals)', () => {
    const cycles = storyCycleDays(createWorld(model, { scale: 'medium' }));
    for (const segment of ['ENT', 'MM', 'SMB'] as const)
      within(cycles[segment]!, BENCHMARKS.cycleDays[segment], `${segment} cycle`);
    assert.ok(cycles.ENT! > cycles.MM! && cycles.MM! > cycles.SMB!);
  });

  test('contracts fall due in each renewal window (90 / 120 / 180 days), with renewal opportunities', () => {
    const w = stats.contracts.renewalWindows;
    assert.ok(w.within90 > 10 && w.within120 > 5 && w.within180 > 10, JSON.stringify(w));
    assert.ok(stats.contracts.renewalOpportunities > 0);
    assert.ok(stats.contracts.renewalOpportunities <= w.within90 + w.within120 + w.within180);
    assert.ok(stats.contracts.nonRenewing > 0, 'some customers gave notice');
  });
});

describe('the records tell the stories', () => {
  let deals: Record<string, unknown>[];
  before(async () => {
    deals = await readLines(join(dir, 'medium'), 'Opportunity.ndjson');
  });

  test('deals in every stage of the model, closed won, lost and no decision included', () => {
    for (const stage of model.opportunityStages!.stages)
      assert.ok((stats.opportunities.byStage[stage.name] ?? 0) > 0, `no deal in ${stage.name}`);
  });

  test('losses carry a reason; competitor losses name the competitor', () => {
    const lost = deals.filter((d) => /^Closed (Lost|No Decision)$/.test(String(d.StageName)));
    assert.ok(lost.every((d) => d.Loss_Reason__c));
    const toCompetitor = lost.filter((d) => d.Loss_Reason__c === 'Competitor');
    assert.ok(toCompetitor.length > 20 && toCompetitor.every((d) => d.Primary_Competitor__c));
    const noDecision = lost.filter((d) => d.StageName === 'Closed No Decision');
    assert.ok(noDecision.every((d) => ['No Decision', 'No Budget', 'Timing'].includes(String(d.Loss_Reason__c))));
  });

  test('closed won deals carry the signed terms, and a contract with the same CLM id', async () => {
    const contracts = new Map(
      (await readLines(join(dir, 'medium'), 'Contract.ndjson')).map((c) => [c.CLM_Contract_Id__c as string, c]),
    );
    const won = deals.filter((d) => d.StageName === 'Closed Won');
    assert.ok(won.length > 100);
    for (const d of won) {
      for (const f of [
        'Contract_Id__c',
        'Contract_Start_Date__c',
        'ARR__c',
        'Term_Months__c',
        'Seats__c',
        'Primary_SKU__c',
      ])
        assert.ok(d[f] !== null, `${d.External_Id__c}.${f}`);
      const contract = contracts.get(d.Contract_Id__c as string);
      assert.ok(contract, `no contract ${d.Contract_Id__c}`);
      assert.equal(contract.ARR__c, d.ARR__c);
      assert.equal(relationId(contract.Account), relationId(d.Account));
    }
  });

  test('stale deals (due on the anchor day or past it, nudged) and slipped deals (push count and slip reason)', () => {
    const open = stats.opportunities.open;
    assert.ok(stats.opportunities.stale > 0.05 * open && stats.opportunities.stale < 0.25 * open);
    const slipped = deals.filter((d) => (d.Push_Count__c as number) > 0);
    assert.ok(slipped.length > 100 && slipped.every((d) => d.Slip_Reason__c && d.Last_Slip_Date__c));
    assert.ok(deals.filter((d) => d.Push_Count__c === 0).every((d) => d.Slip_Reason__c === null));
  });

  test('accounts form hierarchies; subsidiaries share the parent domain on a country TLD', async () => {
    const accounts = await readLines(join(dir, 'medium'), 'Account.ndjson');
    const byId = new Map(accounts.map((a) => [a.External_Id__c, a]));
    const children = accounts.filter((a) => a.Parent);
    assert.ok(children.length > 50);
    for (const child of children) {
      const parent = byId.get(relationId(child.Parent))!;
      const label = String(parent.Website_Domain__c).split('.')[0];
      assert.ok(
        String(child.Website_Domain__c).startsWith(`${label}.`),
        `${child.Website_Domain__c} vs ${parent.Website_Domain__c}`,
      );
    }
    const domains = accounts.map((a) => a.Website_Domain__c);
    assert.equal(new Set(domains).size, domains.length, 'domains are unique');
  });

  test('leads have sources, UTM on web channels, scores 0-100, reasons when disqualified, SLA timestamps', async () => {
    const leads = await readLines(join(dir, 'medium'), 'Lead.ndjson');
    assert.ok(leads.every((l) => l.Lead_Source_Original__c && l.LeadSource));
    assert.ok(leads.filter((l) => l.Status === 'Disqualified').every((l) => l.Disqualification_Reason__c));
    assert.ok(leads.every((l) => (l.Segment_Fit_Score__c as number) >= 0 && (l.Segment_Fit_Score__c as number) <= 100));
    assert.ok(leads.filter((l) => l.UTM_Source__c).length > leads.length / 3);
    const breachRate = stats.leads.slaBreached / stats.leads.touched;
    assert.ok(breachRate > 0.05 && breachRate < 0.4, `SLA breach rate ${breachRate}`);
    assert.ok(stats.leads.medianSpeedToLeadMinutes! < BENCHMARKS.speedToLeadMinutes);
  });

  test('every hand-off of the blueprint appears: SDR→AE, AE→SE, AE→CS, CS→Renewals', () => {
    for (const type of ['SDR to AE', 'AE to SE', 'AE to CS', 'CS to Renewals'])
      assert.ok((stats.handoffsByType[type] ?? 0) > 0, type);
  });
});

test('the bundled (small) dataset also has renewals in each window and deals in every stage', async () => {
  const small = await analyzeDataset(SEED_DIR, model);
  const w = small.contracts.renewalWindows;
  assert.ok(w.within90 > 0 && w.within120 > 0 && w.within180 > 0, JSON.stringify(w));
  for (const stage of model.opportunityStages!.stages)
    assert.ok(small.opportunities.byStage[stage.name]! > 0, stage.name);
  within(small.opportunities.winRate, BENCHMARKS.winRate, 'bundled win rate');
});
