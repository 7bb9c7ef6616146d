/**
 * A small dataset with everything an org would add and the seed lacks — opportunity owners and
 * CreatedDate, OpportunityHistory, two years of contracts with renewals and churn — so that the
 * metrics the seed leaves empty (forecast accuracy, time in stage, scorecard, trailing NRR/GRR,
 * created pipeline) are computed and checked too. Deterministic: a seeded generator.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../org/seeded-random.ts';

export const FIXTURE_AS_OF = '2026-06-30';
const DAY = 86_400_000;
const AS_OF = Date.parse(`${FIXTURE_AS_OF}T00:00:00Z`) / DAY;
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const OPEN = [
  ['Discovery', 10],
  ['Value Demo', 25],
  ['Validation', 50],
  ['Business Case', 70],
  ['Commercials', 90],
] as const;
const SEGMENTS = ['ENT', 'MM', 'SMB'];
const SOURCES = ['Webinar', 'Partner Referral', 'Outbound Prospecting', 'Demo Request'];
const OWNERS = ['Ada Byron', 'Grace Hopper', 'Linus Pauling'];

type Rec = Record<string, unknown>;

interface Built {
  opps: Rec[];
  history: Rec[];
  wonIds: { id: string; account: string; closeDay: number; amount: number }[];
}

function buildOpportunities(rand: () => number, accounts: number): Built {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const built: Built = { opps: [], history: [], wonIds: [] };
  for (let i = 1; i <= 240; i++) {
    const id = `OPP-${i}`;
    const account = `ACC-${1 + (i % accounts)}`;
    const created = AS_OF - Math.floor(rand() * 700);
    const pushes = rand() < 0.3 ? 1 + Math.floor(rand() * 2) : 0;
    const planned = created + 15 + Math.floor(rand() * 150);
    const close = planned + pushes * 20;
    const closed = close <= AS_OF;
    const outcome = closed ? (rand() < 0.3 ? 'Closed Won' : rand() < 0.6 ? 'Closed Lost' : 'Closed No Decision') : null;
    const reached = closed ? (outcome === 'Closed Won' ? 5 : Math.floor(rand() * 5)) : Math.floor(rand() * 5);
    const amount = 1000 * (5 + Math.floor(rand() * 120));
    const owner = rand() < 0.9 ? pick(OWNERS) : null;
    const stage = outcome ?? OPEN[reached]![0];
    built.opps.push({
      External_Id__c: id,
      Account: { External_Id__c: account },
      Contract: null,
      Type: i % 4 === 0 ? 'Existing Customer - Upgrade' : 'New Customer',
      StageName: stage,
      CloseDate: iso(close),
      Amount: amount,
      NextStep: closed ? null : rand() < 0.8 ? 'Call the champion' : null,
      Next_Step_Date__c: closed ? null : iso(AS_OF + Math.floor(rand() * 10)),
      Lead_Source_Original__c: pick(SOURCES),
      Primary_Competitor__c: rand() < 0.4 ? pick(['Acme', 'Globex']) : null,
      Loss_Reason__c: outcome && outcome !== 'Closed Won' ? pick(['Competitor', 'Pricing', 'Timing']) : null,
      Slip_Reason__c: pushes ? pick(['Legal Review', 'Budget Cycle']) : null,
      Push_Count__c: pushes,
      CreatedDate: `${iso(created)}T09:30:00.000Z`,
      Owner: owner ? { Name: owner } : null,
    });
    // The history Salesforce keeps: one row per change, each stage entered in order, the close date pushed.
    const steps = Math.min(reached, OPEN.length - 1);
    const span = Math.max(1, Math.min(close, AS_OF) - created);
    for (let s = 0; s <= steps; s++) {
      const day = created + Math.floor((span * s) / (steps + 2));
      built.history.push(
        historyRow(id, built.history.length, day, OPEN[s]![0], amount, s === 0 ? planned : close, OPEN[s]![1]),
      );
    }
    if (outcome)
      built.history.push(
        historyRow(id, built.history.length, close, outcome, amount, close, outcome === 'Closed Won' ? 100 : 0),
      );
    if (outcome === 'Closed Won') built.wonIds.push({ id, account, closeDay: close, amount });
  }
  return built;
}

function historyRow(
  opp: string,
  n: number,
  day: number,
  stage: string,
  amount: number,
  close: number,
  probability: number,
): Rec {
  return {
    External_Id__c: `HIST-${n + 1}`,
    Opportunity: { External_Id__c: opp },
    CreatedDate: `${iso(day)}T${String(10 + (n % 8)).padStart(2, '0')}:00:00.000Z`,
    StageName: stage,
    Amount: amount,
    CloseDate: iso(close),
    Probability: probability,
    ForecastCategory: null,
  };
}

function buildContracts(rand: () => number, won: Built['wonIds']): Rec[] {
  const contracts: Rec[] = [];
  for (const w of won) {
    const start = w.closeDay + 5;
    const term = rand() < 0.7 ? 12 : 24;
    const leaving = rand() < 0.15;
    contracts.push(contract(`CTR-${w.id}`, w.account, start, term, w.amount, leaving, rand));
    // A contract that ended before as-of was renewed (sometimes smaller, sometimes larger) unless notice was given.
    const end = new Date(start * DAY);
    end.setUTCMonth(end.getUTCMonth() + term);
    const next = end.getTime() / DAY;
    if (!leaving && next <= AS_OF)
      contracts.push(
        contract(`CTR-${w.id}-R`, w.account, next, 12, Math.round(w.amount * (0.8 + rand() * 0.5)), false, rand),
      );
  }
  return contracts;
}

function contract(
  id: string,
  account: string,
  start: number,
  term: number,
  arr: number,
  leaving: boolean,
  rand: () => number,
): Rec {
  return {
    External_Id__c: id,
    Account: { External_Id__c: account },
    Status: 'Activated',
    StartDate: iso(start),
    ContractTerm: term,
    ARR__c: arr,
    Renewal_Type__c: leaving ? 'Non-Renewing' : 'Auto-Renew',
    Churn_Reason__c: leaving ? 'Pricing' : null,
    Uplift_Percent__c: leaving ? null : Math.round(rand() * 10) / 2,
  };
}

function buildLeads(rand: () => number, opps: Rec[]): { leads: Rec[]; handoffs: Rec[] } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const leads: Rec[] = [];
  const handoffs: Rec[] = [];
  for (let i = 1; i <= 260; i++) {
    const converted = i <= 90 ? opps[i * 2] : undefined;
    const status = converted ? 'Converted' : pick(['MQL', 'SAL', 'SQL', 'Nurture', 'Disqualified', 'Nurture']);
    const mqlDay = converted ? Date.parse(String(converted.CreatedDate)) / DAY - 3 : AS_OF - Math.floor(rand() * 400);
    const touched = rand() < 0.9;
    const mqlMs = mqlDay * DAY + 9 * 3_600_000;
    leads.push({
      External_Id__c: `LEAD-${i}`,
      Status: status,
      Segment__c: pick(SEGMENTS),
      Lead_Source_Original__c: converted ? converted.Lead_Source_Original__c : pick(SOURCES),
      Email: `person${i}@acc${1 + (i % 50)}.example.com`,
      MQL_Date__c: status === 'Nurture' && rand() < 0.3 ? null : new Date(mqlMs).toISOString(),
      First_Touch_At__c: touched ? new Date(mqlMs + rand() * 40 * 60_000).toISOString() : null,
      Disqualification_Reason__c: status === 'Disqualified' ? pick(['Wrong ICP', 'Duplicate']) : null,
    });
    if (converted)
      handoffs.push({
        External_Id__c: `HOP-${i}`,
        Handoff_Type__c: 'SDR to AE',
        Lead__r: { External_Id__c: `LEAD-${i}` },
        Opportunity__r: { External_Id__c: converted.External_Id__c },
      });
  }
  return { leads, handoffs };
}

/** Writes the fixture dataset to `dir` (a new temp folder unless given) and returns the folder. */
export async function writeRichFixture(dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(join(tmpdir(), 'revops-analytics-fixture-')));
  await mkdir(root, { recursive: true });
  const rand = seededRandom(16);
  const accounts = Array.from({ length: 40 }, (_, i) => ({
    External_Id__c: `ACC-${i + 1}`,
    Segment__c: SEGMENTS[i % 3],
    // Accounts 7 and 8 share a domain: one duplicate pair for the hygiene check.
    Website_Domain__c: `acc${i === 7 ? 7 : i + 1}.example.com`,
  }));
  const { opps, history, wonIds } = buildOpportunities(rand, accounts.length);
  const contracts = buildContracts(rand, wonIds);
  const { leads, handoffs } = buildLeads(rand, opps);
  const objects: [string, Rec[]][] = [
    ['Account', accounts],
    ['Lead', leads],
    ['Contract', contracts],
    ['Opportunity', opps],
    ['Handoff_Packet__c', handoffs],
    ['OpportunityHistory', history],
  ];
  for (const [sobject, records] of objects)
    await writeFile(join(root, `${sobject}.ndjson`), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const manifest = {
    format: 'revops-dataset/1',
    seed: 16,
    scale: 'fixture',
    anchorDate: FIXTURE_AS_OF,
    records: objects.reduce((n, [, r]) => n + r.length, 0),
    objects: objects.map(([sobject, records]) => ({
      sobject,
      file: `${sobject}.ndjson`,
      count: records.length,
      externalIdField: 'External_Id__c',
    })),
  };
  await writeFile(join(root, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return root;
}
