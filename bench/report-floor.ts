/**
 * The benchmark's floor: the report's headline metrics in one streaming pass of plain TypeScript
 * per file (each line parsed once, only keys and counters kept), with the report's definitions
 * (docs/metrics.md). It is the least work the figures can cost in this language; the DuckDB path
 * is measured against it.
 */
import type { Interface } from 'node:readline';
import type { RevOpsModel } from '../scripts/dsl/index.ts';

export interface FloorMetrics {
  readonly winRate: number | null;
  readonly winRateBySegment: Record<string, number | null>;
  /** MQL → SAL, SAL → SQL, SQL → SAO, SAO → Won. */
  readonly funnel: readonly (number | null)[];
  readonly coverage: number | null;
  readonly weightedPipeline: number | null;
  readonly velocityPerDay: number | null;
  readonly nrr: number | null;
  readonly grr: number | null;
}

type Rec = Record<string, unknown>;
type Lines = (file: string) => Interface;
const DAY = 86_400_000;
const key = (v: unknown) => (v && typeof v === 'object' ? ((v as Rec).External_Id__c as string) : undefined);
const day = (d: unknown) =>
  typeof d === 'string' ? Math.floor(Date.parse(d.length === 10 ? `${d}T00:00:00Z` : d) / DAY) : null;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

async function each(lines: Lines, file: string, visit: (r: Rec) => void): Promise<void> {
  for await (const line of lines(file)) if (line) visit(JSON.parse(line) as Rec);
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  xs.sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
}

interface LeadPass {
  counts: { disp: number; sal: number; sql: number; sao: number };
  /** Converted leads per opportunity, and the earliest MQL day of the leads that opened it. */
  converted: Map<string, number>;
  mqlStart: Map<string, number>;
}

async function leadPass(
  lines: Lines,
  model: RevOpsModel,
  asOf: number,
  handoff: Map<string, string>,
): Promise<LeadPass> {
  const converted = new Set(model.leadStatuses!.statuses.filter((s) => s.converted).map((s) => s.name));
  const out: LeadPass = { counts: { disp: 0, sal: 0, sql: 0, sao: 0 }, converted: new Map(), mqlStart: new Map() };
  await each(lines, 'Lead.ndjson', (l) => {
    const mql = day(l.MQL_Date__c);
    const opp = handoff.get(l.External_Id__c as string);
    if (opp && mql !== null) out.mqlStart.set(opp, Math.min(out.mqlStart.get(opp) ?? Infinity, mql));
    if (mql === null || mql > asOf || l.Status === 'MQL') return;
    const c = out.counts;
    c.disp++;
    const isConverted = converted.has(l.Status as string);
    if (isConverted || l.Status === 'SAL' || l.Status === 'SQL') c.sal++;
    if (isConverted || l.Status === 'SQL') c.sql++;
    if (isConverted) {
      c.sao++;
      if (opp) out.converted.set(opp, (out.converted.get(opp) ?? 0) + 1);
    }
  });
  return out;
}

interface OppTotals {
  closed: number;
  won: number;
  wonAmount: number;
  open: number;
  pipeline: number;
  weighted: number;
  saoClosed: number;
  saoWon: number;
  cycles: number[];
  bySegment: Map<string, { closed: number; won: number }>;
}

async function opportunityPass(
  lines: Lines,
  model: RevOpsModel,
  asOf: number,
  segmentOf: Map<string, string>,
  leads: LeadPass,
): Promise<OppTotals> {
  const stages = new Map(model.opportunityStages!.stages.map((s) => [s.name, s]));
  const t: OppTotals = {
    closed: 0,
    won: 0,
    wonAmount: 0,
    open: 0,
    pipeline: 0,
    weighted: 0,
    saoClosed: 0,
    saoWon: 0,
    cycles: [],
    bySegment: new Map(),
  };
  await each(lines, 'Opportunity.ndjson', (o) => {
    const type = String(o.Type ?? '').toLowerCase();
    const stage = stages.get(o.StageName as string);
    const closed = stage?.closed ?? false;
    const won = stage?.won ?? false;
    const amount = typeof o.Amount === 'number' ? o.Amount : 0;
    const id = o.External_Id__c as string;
    const leadsIn = leads.converted.get(id) ?? 0;
    if (closed) t.saoClosed += leadsIn;
    if (won) t.saoWon += leadsIn;
    // The weighted pipeline counts every open deal, renewals too; the selling figures do not.
    if (!closed) t.weighted += (amount * (stage?.probability ?? 0)) / 100;
    if (key(o.Contract) || type.includes('renewal')) return;
    const close = day(o.CloseDate)!;
    if (won) {
      const start = day(o.CreatedDate) ?? leads.mqlStart.get(id);
      if (start !== undefined && start !== null && start > asOf - 545 && start <= asOf - 180)
        t.cycles.push(close - start);
    }
    if (!closed) {
      t.open++;
      if (close <= asOf + 90) {
        const past = asOf - close;
        t.pipeline += amount * (past < 30 ? 1 : past < 60 ? 0.5 : 0.25);
      }
      return;
    }
    if (close <= asOf - 365 || close > asOf) return;
    const segment = segmentOf.get(key(o.Account) ?? '') ?? 'Unknown';
    const s = t.bySegment.get(segment) ?? { closed: 0, won: 0 };
    t.bySegment.set(segment, s);
    t.closed++;
    s.closed++;
    if (!won) return;
    t.won++;
    s.won++;
    t.wonAmount += amount;
  });
  return t;
}

/** Contracted NRR/GRR over the year after as-of, account by account. */
async function retentionPass(lines: Lines, asOf: number): Promise<{ nrr: number | null; grr: number | null }> {
  const begin = new Map<string, number>();
  const end = new Map<string, number>();
  const horizon = asOf + 365;
  await each(lines, 'Contract.ndjson', (c) => {
    const start = day(c.StartDate)!;
    const d = new Date(start * DAY);
    const months = d.getUTCMonth() + Number(c.ContractTerm);
    const last = new Date(Date.UTC(d.getUTCFullYear(), months + 1, 0)).getUTCDate();
    const finish = Date.UTC(d.getUTCFullYear(), months, Math.min(d.getUTCDate(), last)) / DAY - 1;
    const account = key(c.Account)!;
    const arr = typeof c.ARR__c === 'number' ? c.ARR__c : 0;
    if (start <= asOf && finish >= asOf) begin.set(account, (begin.get(account) ?? 0) + arr);
    let atEnd = 0;
    if (start <= horizon && finish >= horizon) atEnd = arr;
    else if (start <= horizon && finish >= asOf && finish < horizon && !/^non.*renew/i.test(String(c.Renewal_Type__c)))
      atEnd = arr * (1 + (typeof c.Uplift_Percent__c === 'number' ? c.Uplift_Percent__c : 0) / 100);
    end.set(account, (end.get(account) ?? 0) + atEnd);
  });
  let b = 0;
  let e = 0;
  let kept = 0;
  for (const [account, arr] of begin) {
    const after = end.get(account) ?? 0;
    b += arr;
    e += after;
    kept += Math.min(arr, after);
  }
  return { nrr: ratio(e, b), grr: ratio(kept, b) };
}

export async function floorMetrics(lines: Lines, model: RevOpsModel, asOfIso: string): Promise<FloorMetrics> {
  const asOf = day(asOfIso)!;
  const segmentOf = new Map<string, string>();
  await each(lines, 'Account.ndjson', (a) =>
    segmentOf.set(a.External_Id__c as string, (a.Segment__c as string) || 'Unknown'),
  );
  const handoff = new Map<string, string>();
  await each(lines, 'Handoff_Packet__c.ndjson', (h) => {
    if (h.Handoff_Type__c === 'SDR to AE' && key(h.Lead__r) && key(h.Opportunity__r))
      handoff.set(key(h.Lead__r)!, key(h.Opportunity__r)!);
  });
  const leads = await leadPass(lines, model, asOf, handoff);
  const t = await opportunityPass(lines, model, asOf, segmentOf, leads);
  const winRate = ratio(t.won, t.closed);
  const asp = ratio(t.wonAmount, t.won);
  const cycle = median(t.cycles);
  const target = (t.wonAmount * 90) / 365;
  const c = leads.counts;
  return {
    winRate,
    winRateBySegment: Object.fromEntries([...t.bySegment].map(([s, v]) => [s, ratio(v.won, v.closed)])),
    funnel: [ratio(c.sal, c.disp), ratio(c.sql, c.sal), ratio(c.sao, c.sql), ratio(t.saoWon, t.saoClosed)],
    coverage: ratio(t.pipeline, target),
    weightedPipeline: t.weighted,
    velocityPerDay: cycle && winRate !== null && asp !== null ? (t.open * winRate * asp) / cycle : null,
    ...(await retentionPass(lines, asOf)),
  };
}
