/**
 * The report's metrics computed a second way, for the tests: plain TypeScript loops over the
 * records of a dataset, read line by line with JSON.parse — no SQL, no DuckDB, no staging. Dates
 * are handled with Date.UTC, medians by sorting. Where the two disagree, one of them is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RevOpsModel } from '../../scripts/dsl/index.ts';

type Rec = Record<string, unknown>;
const DAY = 86_400_000;

const read = (dir: string, sobject: string): Rec[] => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    objects: { sobject: string; file: string }[];
  };
  const entry = manifest.objects.find((o) => o.sobject === sobject);
  if (!entry) return [];
  return readFileSync(join(dir, entry.file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Rec);
};
const ref = (v: unknown) => (v && typeof v === 'object' ? ((v as Rec).External_Id__c as string) : undefined);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const dayOf = (date: unknown) =>
  typeof date === 'string' ? Math.floor(Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date) / DAY) : null;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY;
}
const quarterOf = (day: number) => {
  const d = new Date(day * DAY);
  return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
};

export interface RefOpp {
  id: string;
  segment: string;
  source: string;
  motion: 'new' | 'expansion' | 'renewal';
  stage: string;
  closed: boolean;
  won: boolean;
  probability: number;
  order: number;
  amount: number;
  closeDay: number;
  createdDay: number | null;
  startDay: number | null;
  owner: string | null;
  competitor: string;
  lossReason: string | null;
  slipReason: string | null;
  pushes: number;
  nextStep: string | null;
  nextStepDay: number | null;
}

export interface RefData {
  asOf: number;
  opps: RefOpp[];
  leads: {
    role: string;
    segment: string;
    source: string;
    mqlDay: number | null;
    opp: string | null;
    minutes: number | null;
    reason: string | null;
    domain: string | null;
  }[];
  contracts: {
    account: string;
    start: number;
    end: number;
    arr: number;
    renewalType: string;
    churnReason: string | null;
    uplift: number;
  }[];
  accounts: { id: string; segment: string; domain: string | null }[];
  history: {
    opp: string;
    ms: number;
    day: number;
    stage: string;
    amount: number;
    closeDay: number;
    probability: number;
  }[];
  stageInfo: Map<string, { probability: number; closed: boolean; won: boolean; order: number }>;
}

function roleOf(model: RevOpsModel, status: unknown): string {
  const def = model.leadStatuses?.statuses.find((s) => s.name === status);
  if (!def) return 'other';
  if (def.converted) return 'converted';
  return { MQL: 'mql', SAL: 'sal', SQL: 'sql', Nurture: 'nurture', Disqualified: 'disqualified' }[def.name] ?? 'other';
}

function motionOf(o: Rec): RefOpp['motion'] {
  const type = String(o.Type ?? '').toLowerCase();
  if (ref(o.Contract) || type.includes('renewal')) return 'renewal';
  if (type.startsWith('existing customer') || type.includes('upgrade') || type.includes('expansion'))
    return 'expansion';
  return 'new';
}

export function loadReference(dir: string, model: RevOpsModel, asOfIso: string): RefData {
  const stageInfo = new Map<string, { probability: number; closed: boolean; won: boolean; order: number }>();
  const stages = model.opportunityStages!.stages;
  [...stages.filter((s) => !s.closed), ...stages.filter((s) => s.closed)].forEach((s, order) =>
    stageInfo.set(s.name, { probability: s.probability, closed: s.closed, won: s.won, order }),
  );
  const accounts = read(dir, 'Account').map((a) => ({
    id: String(a.External_Id__c),
    segment: str(a.Segment__c) ?? 'Unknown',
    domain: str(a.Website_Domain__c)?.toLowerCase() ?? null,
  }));
  const segmentOf = new Map(accounts.map((a) => [a.id, a.segment]));
  const converted = new Map<string, string>();
  for (const h of read(dir, 'Handoff_Packet__c'))
    if (h.Handoff_Type__c === 'SDR to AE' && ref(h.Lead__r) && ref(h.Opportunity__r)) {
      const lead = ref(h.Lead__r)!;
      const opp = ref(h.Opportunity__r)!;
      if (!converted.has(lead) || opp < converted.get(lead)!) converted.set(lead, opp);
    }
  const leads = read(dir, 'Lead').map((l) => {
    const mqlMs = typeof l.MQL_Date__c === 'string' ? Date.parse(l.MQL_Date__c) : null;
    const touchMs = typeof l.First_Touch_At__c === 'string' ? Date.parse(l.First_Touch_At__c) : null;
    return {
      role: roleOf(model, l.Status),
      segment: str(l.Segment__c) ?? 'Unknown',
      source: str(l.Lead_Source_Original__c) ?? 'Unknown',
      mqlDay: mqlMs === null ? null : Math.floor(mqlMs / DAY),
      opp: ref(l.ConvertedOpportunity) ?? converted.get(String(l.External_Id__c)) ?? null,
      minutes: mqlMs !== null && touchMs !== null ? (touchMs - mqlMs) / 60_000 : null,
      reason: str(l.Disqualification_Reason__c),
      domain:
        typeof l.Email === 'string' && l.Email.includes('@') ? l.Email.split('@')[1]!.toLowerCase() || null : null,
    };
  });
  const firstMql = new Map<string, number>();
  for (const l of leads)
    if (l.opp && l.mqlDay !== null) firstMql.set(l.opp, Math.min(firstMql.get(l.opp) ?? Infinity, l.mqlDay));
  const opps = read(dir, 'Opportunity').map((o): RefOpp => {
    const info = stageInfo.get(String(o.StageName));
    const createdDay = dayOf(o.CreatedDate);
    const id = String(o.External_Id__c);
    return {
      id,
      segment: segmentOf.get(ref(o.Account) ?? '') ?? 'Unknown',
      source: str(o.Lead_Source_Original__c) ?? 'Unknown',
      motion: motionOf(o),
      stage: String(o.StageName),
      closed: info?.closed ?? /^closed/i.test(String(o.StageName)),
      won: info?.won ?? /^closed won$/i.test(String(o.StageName)),
      probability: info?.probability ?? 0,
      order: info?.order ?? 99,
      amount: typeof o.Amount === 'number' ? o.Amount : 0,
      closeDay: dayOf(o.CloseDate)!,
      createdDay,
      startDay: createdDay ?? firstMql.get(id) ?? null,
      owner: o.Owner && typeof o.Owner === 'object' ? str((o.Owner as Rec).Name) : null,
      competitor: str(o.Primary_Competitor__c) ?? '(none named)',
      lossReason: str(o.Loss_Reason__c),
      slipReason: str(o.Slip_Reason__c),
      pushes: typeof o.Push_Count__c === 'number' ? o.Push_Count__c : 0,
      nextStep: str(o.NextStep),
      nextStepDay: dayOf(o.Next_Step_Date__c),
    };
  });
  const contracts = read(dir, 'Contract')
    .filter((c) => c.StartDate && c.ContractTerm !== null && !/^draft/i.test(String(c.Status ?? '')))
    .map((c) => {
      const start = dayOf(c.StartDate)!;
      return {
        account: ref(c.Account)!,
        start,
        end: addMonths(start, Number(c.ContractTerm)) - 1,
        arr: typeof c.ARR__c === 'number' ? c.ARR__c : 0,
        renewalType: str(c.Renewal_Type__c) ?? 'Unknown',
        churnReason: str(c.Churn_Reason__c),
        uplift: typeof c.Uplift_Percent__c === 'number' ? c.Uplift_Percent__c : 0,
      };
    });
  const history = read(dir, 'OpportunityHistory').map((h) => {
    const ms = Date.parse(String(h.CreatedDate));
    const stage = String(h.StageName);
    return {
      opp: ref(h.Opportunity)!,
      ms,
      day: Math.floor(ms / DAY),
      stage,
      amount: typeof h.Amount === 'number' ? h.Amount : 0,
      closeDay: dayOf(h.CloseDate)!,
      probability: typeof h.Probability === 'number' ? h.Probability : (stageInfo.get(stage)?.probability ?? 0),
    };
  });
  return { asOf: dayOf(asOfIso)!, opps, leads, contracts, accounts, history, stageInfo };
}

// ---- the metrics, one function each ----

const TRAILING = 365;
const inTrailing = (d: RefData, day: number) => day > d.asOf - TRAILING && day <= d.asOf;
const selling = (o: RefOpp) => o.motion !== 'renewal';

export function winRates(d: RefData, key: (o: RefOpp) => string) {
  const groups = new Map<string, { closed: number; won: number; closedAmount: number; wonAmount: number }>();
  for (const o of d.opps) {
    if (!o.closed || !selling(o) || !inTrailing(d, o.closeDay)) continue;
    const g = groups.get(key(o)) ?? { closed: 0, won: 0, closedAmount: 0, wonAmount: 0 };
    g.closed++;
    g.closedAmount += o.amount;
    if (o.won) {
      g.won++;
      g.wonAmount += o.amount;
    }
    groups.set(key(o), g);
  }
  return new Map(
    [...groups].map(([k, g]) => [
      k,
      { ...g, winRate: ratio(g.won, g.closed), byValue: ratio(g.wonAmount, g.closedAmount) },
    ]),
  );
}

export function funnel(d: RefData, key: (l: RefData['leads'][number]) => string) {
  const opp = new Map(d.opps.map((o) => [o.id, o]));
  const groups = new Map<
    string,
    {
      mql: number;
      inFlight: number;
      dispositioned: number;
      sal: number;
      sql: number;
      sao: number;
      saoClosed: number;
      won: number;
    }
  >();
  for (const l of d.leads) {
    if (l.mqlDay === null || l.mqlDay > d.asOf) continue;
    const g = groups.get(key(l)) ?? {
      mql: 0,
      inFlight: 0,
      dispositioned: 0,
      sal: 0,
      sql: 0,
      sao: 0,
      saoClosed: 0,
      won: 0,
    };
    g.mql++;
    if (l.role === 'mql') g.inFlight++;
    else g.dispositioned++;
    if (['sal', 'sql', 'converted'].includes(l.role)) g.sal++;
    if (['sql', 'converted'].includes(l.role)) g.sql++;
    if (l.role === 'converted') {
      g.sao++;
      const o = l.opp ? opp.get(l.opp) : undefined;
      if (o?.closed) g.saoClosed++;
      if (o?.won) g.won++;
    }
    groups.set(key(l), g);
  }
  return new Map(
    [...groups].map(([k, g]) => {
      const saoToWon = ratio(g.won, g.saoClosed);
      const mqlToSao = ratio(g.sao, g.dispositioned);
      return [
        k,
        {
          ...g,
          mqlToSal: ratio(g.sal, g.dispositioned),
          salToSql: ratio(g.sql, g.sal),
          sqlToSao: ratio(g.sao, g.sql),
          saoToWon,
          mqlToSao,
          mqlToWon: saoToWon === null || mqlToSao === null ? null : mqlToSao * saoToWon,
        },
      ];
    }),
  );
}

export function coverage(d: RefData) {
  const rows = new Map<string, { pipeline: number; weighted: number; won: number; closedAmount: number }>();
  const row = (s: string) =>
    rows.get(s) ?? (rows.set(s, { pipeline: 0, weighted: 0, won: 0, closedAmount: 0 }), rows.get(s)!);
  for (const o of d.opps) {
    if (!selling(o)) continue;
    for (const s of [o.segment, '(all)']) {
      if (!o.closed && o.closeDay <= d.asOf + 90) {
        const past = d.asOf - o.closeDay;
        const factor = past < 30 ? 1 : past < 60 ? 0.5 : 0.25;
        row(s).pipeline += o.amount * factor;
        row(s).weighted += (o.amount * factor * o.probability) / 100;
      }
      if (o.closed && inTrailing(d, o.closeDay)) {
        row(s).closedAmount += o.amount;
        if (o.won) row(s).won += o.amount;
      }
    }
  }
  return new Map(
    [...rows].map(([s, r]) => {
      const target = (r.won * 90) / TRAILING;
      return [s, { ...r, target, coverage: ratio(r.pipeline, target), weightedCoverage: ratio(r.weighted, target) }];
    }),
  );
}

export function velocity(d: RefData, key: (o: RefOpp) => string) {
  const groups = new Map<string, { open: number; closed: number; won: number; wonAmount: number; cycles: number[] }>();
  for (const o of d.opps) {
    if (!selling(o)) continue;
    const g = groups.get(key(o)) ?? { open: 0, closed: 0, won: 0, wonAmount: 0, cycles: [] };
    if (!o.closed) g.open++;
    if (o.closed && inTrailing(d, o.closeDay)) {
      g.closed++;
      if (o.won) {
        g.won++;
        g.wonAmount += o.amount;
      }
    }
    const cohort = o.startDay !== null && o.startDay > d.asOf - 180 - TRAILING && o.startDay <= d.asOf - 180;
    if (cohort && o.won) g.cycles.push(o.closeDay - o.startDay!);
    groups.set(key(o), g);
  }
  return new Map(
    [...groups].map(([k, g]) => {
      const winRate = ratio(g.won, g.closed);
      const asp = ratio(g.wonAmount, g.won);
      const cycle = median(g.cycles);
      const perDay = cycle && winRate !== null && asp !== null ? (g.open * winRate * asp) / cycle : null;
      return [k, { ...g, winRate, asp, cycle, perDay }];
    }),
  );
}

export function velocityTrend(d: RefData) {
  const current = quarterOf(d.asOf);
  return [current - 3, current - 2, current - 1, current].map((q) => {
    const deals = d.opps.filter((o) => selling(o) && o.closed && o.closeDay <= d.asOf && quarterOf(o.closeDay) === q);
    const won = deals.filter((o) => o.won);
    const cycle = median(won.filter((o) => o.startDay !== null).map((o) => o.closeDay - o.startDay!));
    const winRate = ratio(won.length, deals.length);
    const asp = ratio(
      won.reduce((t, o) => t + o.amount, 0),
      won.length,
    );
    return {
      q,
      closed: deals.length,
      won: won.length,
      cycle,
      perDay: cycle && winRate !== null && asp !== null ? (deals.length * winRate * asp) / cycle : null,
    };
  });
}

export function retention(d: RefData, basis: 'trailing12m' | 'contracted12m') {
  const [start, end] = basis === 'trailing12m' ? [d.asOf - TRAILING, d.asOf] : [d.asOf, d.asOf + TRAILING];
  const begin = new Map<string, number>();
  const finish = new Map<string, number>();
  for (const c of d.contracts) {
    if (c.start <= start && c.end >= start) begin.set(c.account, (begin.get(c.account) ?? 0) + c.arr);
    let atEnd = 0;
    if (c.start <= end && c.end >= end) atEnd = c.arr;
    else if (
      basis === 'contracted12m' &&
      c.start <= end &&
      c.end >= start &&
      c.end < end &&
      !/^non.*renew/i.test(c.renewalType)
    )
      atEnd = c.arr * (1 + c.uplift / 100);
    finish.set(c.account, (finish.get(c.account) ?? 0) + atEnd);
  }
  let beginning = 0;
  let expansion = 0;
  let contraction = 0;
  let churn = 0;
  for (const [account, b] of begin) {
    const e = finish.get(account) ?? 0;
    beginning += b;
    if (e > b) expansion += e - b;
    else if (e > 0 && e < b) contraction += b - e;
    else if (e <= 0) churn += b;
  }
  return {
    customers: begin.size,
    beginning,
    expansion,
    contraction,
    churn,
    nrr: ratio(beginning + expansion - contraction - churn, beginning),
    grr: ratio(beginning - contraction - churn, beginning),
  };
}

export function pipelineTotals(d: RefData) {
  let total = 0;
  let weighted = 0;
  for (const o of d.opps)
    if (!o.closed) {
      total += o.amount;
      weighted += (o.amount * o.probability) / 100;
    }
  return { total, weighted };
}

export function slip(d: RefData, key: (o: RefOpp) => string) {
  const groups = new Map<string, { deals: number; slipped: number; open: number; pastDue: number }>();
  for (const o of d.opps) {
    if (!selling(o) || (o.closed && !inTrailing(d, o.closeDay))) continue;
    const g = groups.get(key(o)) ?? { deals: 0, slipped: 0, open: 0, pastDue: 0 };
    g.deals++;
    if (o.pushes > 0) g.slipped++;
    if (!o.closed) g.open++;
    if (!o.closed && o.closeDay < d.asOf) g.pastDue++;
    groups.set(key(o), g);
  }
  return groups;
}

export function capacity(d: RefData, segment: string) {
  let target = 0;
  let open = 0;
  for (const o of d.opps) {
    if (!selling(o) || (segment !== '(all)' && o.segment !== segment)) continue;
    if (!o.closed) open++;
    if (o.won && inTrailing(d, o.closeDay)) target += o.amount;
  }
  return {
    target,
    open,
    requiredAes: target / (1_200_000 * 0.7),
    requiredReps: (target / 1_200_000 / 0.8) * 1.25,
    aesForOpen: open / 25,
  };
}

export function dataQuality(d: RefData) {
  const domainCount = new Map<string, number>();
  for (const a of d.accounts) if (a.domain) domainCount.set(a.domain, (domainCount.get(a.domain) ?? 0) + 1);
  const withDomain = d.accounts.filter((a) => a.domain);
  const open = d.opps.filter((o) => !o.closed);
  const losses = d.opps.filter((o) => o.closed && !o.won);
  const competitive = losses.filter((o) => (o.lossReason ?? '').toLowerCase().includes('competitor'));
  const touched = d.leads.filter((l) => l.minutes !== null);
  const leadsWithDomain = d.leads.filter((l) => l.domain);
  return {
    duplicateAccounts: [withDomain.filter((a) => domainCount.get(a.domain!)! > 1).length, withDomain.length],
    openOppFieldsComplete: [
      open.filter((o) => o.nextStep && o.nextStepDay !== null && o.amount > 0).length,
      open.length,
    ],
    pastDueOpen: [open.filter((o) => o.closeDay < d.asOf).length, open.length],
    closedLostReason: [losses.filter((o) => o.lossReason).length, losses.length],
    competitorNamed: [competitive.filter((o) => o.competitor !== '(none named)').length, competitive.length],
    speedToLeadBreached: [touched.filter((l) => l.minutes! > 15).length, touched.length],
    leadsMatchingAnAccount: [leadsWithDomain.filter((l) => domainCount.has(l.domain!)).length, leadsWithDomain.length],
    speedToLeadMedian: median(touched.map((l) => l.minutes!)),
  } as const;
}

/** Stage-weighted forecast vs Closed Won per month (the months before as-of), per owner and horizon. */
export function accuracy(d: RefData, months: number, horizons: readonly number[]) {
  if (!d.history.length) return [];
  const asOfDate = new Date(d.asOf * DAY);
  const firstChange = Math.min(...d.history.map((h) => h.day));
  const byOpp = new Map<string, typeof d.history>();
  for (const h of d.history) byOpp.set(h.opp, [...(byOpp.get(h.opp) ?? []), h]);
  const owner = new Map(d.opps.map((o) => [o.id, o.owner ?? '(no owner)']));
  const out: { owner: string; horizon: number; forecast: number; actual: number; apes: number[] }[] = [];
  const cell = (o: string, h: number) =>
    out.find((c) => c.owner === o && c.horizon === h) ??
    (out.push({ owner: o, horizon: h, forecast: 0, actual: 0, apes: [] }), out.at(-1)!);
  for (const h of horizons) {
    for (let i = months; i >= 1; i--) {
      const start = Date.UTC(asOfDate.getUTCFullYear(), asOfDate.getUTCMonth() - i, 1) / DAY;
      const end = Date.UTC(asOfDate.getUTCFullYear(), asOfDate.getUTCMonth() - i + 1, 1) / DAY - 1;
      const snapshot = start - h;
      if (snapshot < firstChange) continue;
      const perOwner = new Map<string, { f: number; a: number }>();
      for (const [opp, rows] of byOpp) {
        const state = rows.filter((r) => r.day <= snapshot).sort((a, b) => b.ms - a.ms)[0];
        if (!state || state.closeDay < start || state.closeDay > end) continue;
        const info = d.stageInfo.get(state.stage);
        if (info?.closed && !info.won) continue;
        const o = owner.get(opp)!;
        perOwner.set(o, {
          f: (perOwner.get(o)?.f ?? 0) + (state.amount * state.probability) / 100,
          a: perOwner.get(o)?.a ?? 0,
        });
      }
      for (const o of d.opps)
        if (o.won && o.closeDay >= start && o.closeDay <= end) {
          const k = o.owner ?? '(no owner)';
          perOwner.set(k, { f: perOwner.get(k)?.f ?? 0, a: (perOwner.get(k)?.a ?? 0) + o.amount });
        }
      for (const [o, v] of perOwner) {
        const c = cell(o, h);
        c.forecast += v.f;
        c.actual += v.a;
        if (v.a > 0) c.apes.push(Math.abs(v.a - v.f) / v.a);
      }
    }
  }
  return out;
}

/** Days in each open stage, from history: entered → the next change of stage. */
export function timeInStage(d: RefData) {
  const stays = new Map<string, number[]>();
  const byOpp = new Map<string, typeof d.history>();
  for (const h of d.history) byOpp.set(h.opp, [...(byOpp.get(h.opp) ?? []), h]);
  for (const rows of byOpp.values()) {
    const sorted = [...rows].sort((a, b) => a.ms - b.ms);
    const entries = sorted.filter((r, i) => i === 0 || sorted[i - 1]!.stage !== r.stage);
    entries.forEach((e, i) => {
      const next = entries[i + 1];
      if (next && !d.stageInfo.get(e.stage)?.closed)
        stays.set(e.stage, [...(stays.get(e.stage) ?? []), next.day - e.day]);
    });
  }
  return new Map(
    [...stays].map(([s, v]) => [
      s,
      { stays: v.length, average: v.reduce((a, b) => a + b, 0) / v.length, median: median(v) },
    ]),
  );
}
