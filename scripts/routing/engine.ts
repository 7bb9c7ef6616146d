/**
 * The router: a batch of leads, the configuration, the state and a clock in; one decision per
 * lead (in input order) out, and the seats' round-robin state moved on. RoutingEngine.cls is
 * the Apex twin; the conformance vectors (data/routing-vectors/) hold both to the same answers.
 *
 * Precedence, explicit and in this order:
 *   1. intake disqualifiers (scoring.ts) → the disqualified queue;
 *   2. the rules, in order; the first whose condition holds and that can act decides:
 *      - Account Owner: the account matched by domain (domains.ts) → its owner; an inactive
 *        owner hands over to the parent account's owner (subsidiary linkage); when nobody in the
 *        chain is active the rule does not act and the next rule decides; two accounts on the
 *        same key from different hierarchies → hold for a manager's adjudication (001);
 *      - Pool: weighted round robin among the available seats (below), else the pool's policy;
 *      - Queue: the queue;
 *   3. no rule → the fallback queue.
 *
 * Leads of one batch are decided in priority order — intent, then ICP fit, then recency (the
 * tie-breakers of 000 §3), then input order — so when caps run out mid-batch the best leads
 * got the reps; decisions come back in input order.
 *
 * A pool's seat is available when the seat is active with a weight above 0, its user is active
 * and not out of office, and its daily and weekly counts (in the pool's time zone) are under
 * the caps. Working hours then apply as the pool says: `Assign` ignores them (the SLA clock
 * waits for business hours), `Prefer Working` takes seats whose owner is working now if there
 * are any, `Hold` takes only those. Among the eligible seats, smooth weighted round robin: each
 * adds its weight to its credit, the highest credit wins (first seat on a tie), and the winner
 * gives back the eligible weights' total. Over time each seat gets leads in proportion to its
 * weight; the credits are the pool's pointer state, saved with the seats.
 */
import type { BusinessCalendar } from './calendar.ts';
import type { LeadValues } from './conditions.ts';
import type { Pool, Rule, RoutingConfig } from './config.ts';
import { leadDomainKeys } from './domains.ts';
import { applyScore, INTAKE_STATUSES, scoreLead, type LeadScore } from './scoring.ts';
import { awayAt, type AccountInfo, type Owner, type RoutingState, type Seat } from './state.ts';

export type DecisionKind = 'owner' | 'queue' | 'hold';
export type ReasonCode =
  | 'disqualified'
  | 'account-owner'
  | 'parent-account-owner'
  | 'ambiguous-domain'
  | 'pool'
  | 'pool-overflow'
  | 'queue'
  | 'nobody-available-queue'
  | 'nobody-available-hold'
  | 'no-rule';

/** Why a seat was passed over, for the audit record. */
export interface Candidate {
  readonly seat: string;
  readonly owner: string;
  readonly weight: number;
  readonly creditBefore: number;
  /** null when eligible. */
  readonly skipped: string | null;
}

export interface Decision {
  /** The lead's External_Id__c (its input position when it has none). */
  readonly lead: string;
  readonly kind: DecisionKind;
  readonly owner: string | null;
  readonly queue: string | null;
  readonly pool: string | null;
  readonly rule: string | null;
  readonly reason: ReasonCode;
  /** One line a reviewer reads: what matched and why this owner. */
  readonly detail: string;
  readonly slaDueAt: string | null;
  readonly account: string | null;
  readonly status: string | null;
  readonly score: LeadScore;
  /** The seats considered (with `audit`). */
  readonly candidates?: readonly Candidate[];
  /** Seats passed over because a cap was reached. */
  readonly capHits: number;
}

export interface RouteOptions {
  /** Intake: the leads are new (scoring decides their status). */
  readonly intake?: boolean;
  /** Record every seat considered on each decision. */
  readonly audit?: boolean;
  /** Re-routing: the owner each lead must not get again (002: re-route after 30 minutes). */
  readonly exclude?: ReadonlyMap<number, string>;
}

interface Ctx {
  readonly config: RoutingConfig;
  readonly state: RoutingState;
  readonly clockMs: number;
  readonly clockIso: string;
  readonly options: RouteOptions;
}

/** Input positions in the order leads are decided: intent, ICP fit, recency, then position. */
export function priorityOrder(leads: readonly LeadValues[]): number[] {
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const intent = leads.map((l) => num(l.Intent_Score__c));
  const fit = leads.map((l) => num(l.Segment_Fit_Score__c));
  const recency = leads.map((l) => (l.Last_Engaged_At__c ? Date.parse(String(l.Last_Engaged_At__c)) || 0 : 0));
  return leads
    .map((_, i) => i)
    .sort((a, b) => intent[b]! - intent[a]! || fit[b]! - fit[a]! || recency[b]! - recency[a]! || a - b);
}

/**
 * Routes a batch: scores each lead (writing the scores, and at intake the status, on it), then
 * decides in priority order. Seats in `state` are updated in place.
 */
export function routeBatch(
  config: RoutingConfig,
  state: RoutingState,
  clockMs: number,
  leads: readonly LeadValues[],
  options: RouteOptions = {},
): Decision[] {
  const ctx: Ctx = { config, state, clockMs, clockIso: new Date(clockMs).toISOString(), options };
  const scores = leads.map((lead) => {
    const score = scoreLead(config.scoring, lead, clockMs);
    applyScore(lead, score, options.intake ?? true, config.scoring.mql);
    return score;
  });
  const decisions = new Array<Decision>(leads.length);
  for (const i of priorityOrder(leads)) decisions[i] = decide(ctx, leads[i]!, i, scores[i]!);
  return decisions;
}

interface Outcome {
  readonly kind: DecisionKind;
  readonly owner: string | null;
  readonly queue: string | null;
  readonly pool: string | null;
  readonly reason: ReasonCode;
  readonly detail: string;
  readonly calendar?: BusinessCalendar;
  /** When the owner's SLA clock may start (an owner back from leave). */
  readonly startMs?: number;
  readonly candidates?: readonly Candidate[];
  readonly capHits?: number;
}

function decide(ctx: Ctx, lead: LeadValues, index: number, score: LeadScore): Decision {
  const key = lead.External_Id__c ? String(lead.External_Id__c) : String(index);
  const { config } = ctx;
  let rule: Rule | null = null;
  let account: string | null = null;
  let outcome: Outcome | undefined;
  const notes: string[] = [];
  if (score.disqualification && lead.Status === 'Disqualified') {
    outcome = queued(config.disqualifiedQueue, 'disqualified', `disqualified at intake: ${score.disqualification}`);
  }
  for (const r of outcome ? [] : config.rules) {
    if (!r.when(lead, ctx.clockMs)) continue;
    const result = act(ctx, r, lead, index, notes);
    if (result.account) account = result.account;
    if (result.outcome) {
      rule = r;
      outcome = result.outcome;
      break;
    }
  }
  outcome ??= queued(config.fallbackQueue, 'no-rule', 'no rule matched: fallback queue');
  return {
    lead: key,
    kind: outcome.kind,
    owner: outcome.owner,
    queue: outcome.queue,
    pool: outcome.pool,
    rule: rule?.name ?? null,
    reason: outcome.reason,
    detail: [...notes, outcome.detail].join('; '),
    slaDueAt: slaDue(ctx, lead, score, outcome),
    account,
    status: lead.Status === undefined || lead.Status === null ? null : String(lead.Status),
    score,
    ...(ctx.options.audit ? { candidates: outcome.candidates ?? [] } : {}),
    capHits: outcome.capHits ?? 0,
  };
}

const queued = (queue: string, reason: ReasonCode, detail: string): Outcome => ({
  kind: 'queue',
  owner: null,
  queue,
  pool: null,
  reason,
  detail,
});

function act(
  ctx: Ctx,
  rule: Rule,
  lead: LeadValues,
  index: number,
  notes: string[],
): { outcome?: Outcome; account?: string } {
  if (rule.action === 'Queue')
    return { outcome: queued(rule.target!, 'queue', `rule ${rule.name}: queue ${rule.target}`) };
  if (rule.action === 'Pool') return { outcome: fromPool(ctx, rule.target!, index, 'pool', []) };
  return accountOwner(ctx, rule, lead, notes);
}

/** The first due time of the SLA clocks routing starts, for an MQL given to a person. */
function slaDue(ctx: Ctx, lead: LeadValues, score: LeadScore, outcome: Outcome): string | null {
  if (outcome.kind !== 'owner' || lead.Status !== 'MQL') return null;
  const sla = ctx.config.slas.find((s) => s.startField === 'Routed_At__c');
  if (!sla) return null;
  const minutes = score.fastPath && sla.fastPathMinutes !== null ? sla.fastPathMinutes : sla.minutes;
  const calendar = outcome.calendar ?? ctx.config.defaultCalendar;
  const due = calendar.addBusinessMinutes(Math.max(ctx.clockMs, outcome.startMs ?? ctx.clockMs), minutes);
  return due === null ? null : new Date(due).toISOString();
}

const ownerCalendar = (ctx: Ctx, owner: Owner | undefined, fallback: BusinessCalendar): BusinessCalendar =>
  (owner?.calendar ? ctx.config.calendars.get(owner.calendar) : undefined) ?? fallback;

// ------------------------------------------------------------------------------ named accounts

/** The accounts a lead's domain keys match: the first key that matches any account decides. */
function matchAccounts(ctx: Ctx, lead: LeadValues): { key: string; accounts: readonly AccountInfo[] } | undefined {
  const keys = leadDomainKeys(lead.Email, lead.Website, ctx.config.freeMail, ctx.config.publicSuffixes);
  for (const key of keys) {
    const accounts = ctx.state.accountsByDomain.get(key);
    if (accounts?.length) return { key, accounts };
  }
  return undefined;
}

/** The account and its parents, nearest first (stops at a loop). */
function chainOf(ctx: Ctx, account: AccountInfo): AccountInfo[] {
  const chain: AccountInfo[] = [];
  for (
    let a: AccountInfo | undefined = account;
    a && !chain.includes(a);
    a = a.parent ? ctx.state.accounts.get(a.parent) : undefined
  )
    chain.push(a);
  return chain;
}

function accountOwner(
  ctx: Ctx,
  rule: Rule,
  lead: LeadValues,
  notes: string[],
): { outcome?: Outcome; account?: string } {
  const match = matchAccounts(ctx, lead);
  if (!match) return {};
  let { accounts } = match;
  if (accounts.length > 1) {
    // Several accounts on one domain: one hierarchy speaks through its top account, two are a conflict.
    const roots = new Set(accounts.map((a) => chainOf(ctx, a).at(-1)!.id));
    if (roots.size > 1) {
      const ids = accounts.map((a) => a.id).sort();
      return {
        outcome: {
          kind: 'hold',
          owner: null,
          queue: ctx.config.holdQueue,
          pool: null,
          reason: 'ambiguous-domain',
          detail: `rule ${rule.name}: ${match.key} matches accounts of different hierarchies (${ids.join(', ')}): held for a manager to adjudicate`,
        },
      };
    }
    accounts = [...accounts].sort((a, b) => chainOf(ctx, a).length - chainOf(ctx, b).length || (a.id < b.id ? -1 : 1));
  }
  const account = accounts[0]!;
  const chain = chainOf(ctx, account);
  for (const [depth, a] of chain.entries()) {
    const owner = ctx.state.owners.get(a.owner);
    if (!owner?.active) continue;
    const away = awayAt(owner, ctx.clockMs);
    const via = depth === 0 ? '' : ` (owner of ${account.id} inactive: parent ${a.id})`;
    return {
      account: account.id,
      outcome: {
        kind: 'owner',
        owner: owner.id,
        queue: null,
        pool: null,
        reason: depth === 0 ? 'account-owner' : 'parent-account-owner',
        detail:
          `rule ${rule.name}: ${match.key} → account ${account.id}${via}, owner ${owner.id}` +
          (away ? `, out of office until ${new Date(away.until).toISOString()}: the SLA starts then` : ''),
        calendar: ownerCalendar(ctx, owner, ctx.config.defaultCalendar),
        ...(away ? { startMs: away.until } : {}),
      },
    };
  }
  notes.push(
    `rule ${rule.name}: account ${account.id} matched on ${match.key}, but no owner in its hierarchy is active`,
  );
  return { account: account.id };
}

// ------------------------------------------------------------------------------ pools

/** Why a seat cannot take a lead now, or null. */
function unavailable(
  ctx: Ctx,
  pool: Pool,
  seat: Seat,
  owner: Owner | undefined,
  day: string,
  week: string,
  index: number,
): string | null {
  if (!seat.active) return 'seat inactive';
  if (seat.weight <= 0) return 'weight 0';
  if (!owner?.active) return 'user inactive';
  if (ctx.options.exclude?.get(index) === seat.owner) return 'current owner (re-route)';
  const away = awayAt(owner, ctx.clockMs);
  if (away) return `out of office until ${new Date(away.until).toISOString()}`;
  if (pool.dailyCap !== null && (seat.dayKey === day ? seat.assignedToday : 0) >= pool.dailyCap)
    return `daily cap ${pool.dailyCap} reached`;
  if (pool.weeklyCap !== null && (seat.weekKey === week ? seat.assignedThisWeek : 0) >= pool.weeklyCap)
    return `weekly cap ${pool.weeklyCap} reached`;
  return null;
}

/** A pool's decision, following its nobody-available policy through at most three overflow pools. */
function fromPool(
  ctx: Ctx,
  poolName: string,
  index: number,
  reason: 'pool' | 'pool-overflow',
  visited: string[],
): Outcome {
  const pool = ctx.config.pools.get(poolName)!;
  const picked = pickSeat(ctx, pool, index);
  if (picked.seat) {
    const owner = ctx.state.owners.get(picked.seat.owner);
    return {
      kind: 'owner',
      owner: picked.seat.owner,
      queue: null,
      pool: pool.name,
      reason,
      detail: `pool ${pool.name}: ${picked.seat.owner} (seat ${picked.seat.id}, weight ${picked.seat.weight}, credit ${picked.before} → ${picked.seat.credit})${picked.skippedText}`,
      calendar: ownerCalendar(ctx, owner, pool.calendar),
      candidates: picked.candidates,
      capHits: picked.capHits,
    };
  }
  const why = `pool ${pool.name}: nobody available${picked.skippedText}`;
  const seen = [...visited, pool.name];
  if (pool.whenNobodyAvailable === 'Pool' && pool.overflow && !seen.includes(pool.overflow) && seen.length < 4) {
    const next = fromPool(ctx, pool.overflow, index, 'pool-overflow', seen);
    return {
      ...next,
      detail: `${why}; overflow to pool ${pool.overflow}: ${next.detail}`,
      capHits: (next.capHits ?? 0) + picked.capHits,
    };
  }
  if (pool.whenNobodyAvailable === 'Queue' && pool.overflow)
    return {
      ...queued(pool.overflow, 'nobody-available-queue', `${why}: queue ${pool.overflow}`),
      pool: pool.name,
      candidates: picked.candidates,
      capHits: picked.capHits,
    };
  return {
    kind: 'hold',
    owner: null,
    queue: ctx.config.holdQueue,
    pool: pool.name,
    reason: 'nobody-available-hold',
    detail: `${why}: held until someone is available`,
    candidates: picked.candidates,
    capHits: picked.capHits,
  };
}

interface Picked {
  readonly seat: Seat | null;
  readonly before: number;
  readonly candidates: Candidate[] | undefined;
  readonly skippedText: string;
  readonly capHits: number;
}

function pickSeat(ctx: Ctx, pool: Pool, index: number): Picked {
  const seats = ctx.state.seatsByPool.get(pool.name) ?? [];
  const day = pool.calendar.dayKeyAt(ctx.clockMs);
  const week = pool.calendar.weekKeyAt(ctx.clockMs);
  const available: Seat[] = [];
  const working: Seat[] = [];
  const skipped: string[] = [];
  const why = new Map<Seat, string>();
  let capHits = 0;
  for (const seat of seats) {
    const owner = ctx.state.owners.get(seat.owner);
    const reason = unavailable(ctx, pool, seat, owner, day, week, index);
    if (reason) {
      if (reason.includes(' cap ')) capHits++;
      skipped.push(`${seat.owner} ${reason}`);
      why.set(seat, reason);
      continue;
    }
    available.push(seat);
    if (pool.afterHours !== 'Assign' && ownerCalendar(ctx, owner, pool.calendar).isWorking(ctx.clockMs))
      working.push(seat);
  }
  const eligible =
    pool.afterHours === 'Assign' ? available : pool.afterHours === 'Hold' || working.length ? working : available;
  if (pool.afterHours === 'Hold')
    for (const seat of available)
      if (!working.includes(seat)) {
        skipped.push(`${seat.owner} outside working hours`);
        why.set(seat, 'outside working hours');
      }
  const candidates = ctx.options.audit
    ? seats.map((s) => ({
        seat: s.id,
        owner: s.owner,
        weight: s.weight,
        creditBefore: s.credit,
        skipped: why.get(s) ?? null,
      }))
    : undefined;
  const skippedText = skipped.length ? `; skipped ${skipped.join(', ')}` : '';
  if (!eligible.length) return { seat: null, before: 0, candidates, skippedText, capHits };
  let total = 0;
  let best: Seat | null = null;
  for (const seat of eligible) {
    seat.credit += seat.weight;
    total += seat.weight;
    if (!best || seat.credit > best.credit) best = seat;
  }
  const before = best!.credit;
  best!.credit -= total;
  best!.assignedToday = (best!.dayKey === day ? best!.assignedToday : 0) + 1;
  best!.dayKey = day;
  best!.assignedThisWeek = (best!.weekKey === week ? best!.assignedThisWeek : 0) + 1;
  best!.weekKey = week;
  best!.lastAssignedAt = ctx.clockIso;
  return { seat: best, before, candidates, skippedText, capHits };
}

export { INTAKE_STATUSES };
