/**
 * Everything a generator may consult: the seed and anchor date, what the model says (stages,
 * statuses, picklists, ladder, which objects are seeded), and the plan — the few typed arrays
 * that let a record find the records it references from indices alone.
 */
import type { RevOpsModel } from '../dsl/index.ts';
import type { Schema } from '../schema/types.ts';
import { MS_PER_DAY, type Day } from './calendar.ts';
import type { Catalog } from './catalog.ts';
import { Rng, stream } from './prng.ts';
import {
  discountLadder,
  leadStatusView,
  Picklists,
  stageView,
  type FunnelStatus,
  type StageView,
} from './model-view.ts';
import type { SegmentKey } from './benchmarks.ts';
import { RuleGuard } from './rule-guard.ts';

export interface Plan {
  /** Records asked for. */
  readonly target: number;
  readonly accounts: number;
  /** Parent account of each account (-1 for a root); subsidiaries follow their parent. */
  readonly parentOf: Int32Array;
  /** Contacts of account a are contactStart[a] .. contactStart[a+1]-1 (same for opportunities). */
  readonly contactStart: Uint32Array;
  readonly oppStart: Uint32Array;
  readonly accountOfOpp: Uint32Array;
  /** New-business opportunities (renewal opportunities are numbered separately). */
  readonly opportunities: number;
  /** Won opportunities, in order: each has a contract. */
  readonly won: Uint32Array;
  /** Won opportunities whose contract gets a renewal opportunity. */
  readonly renewals: Uint32Array;
  /** Inbound opportunities, in order; converted leads are matched to them one by one. */
  readonly inbound: Uint32Array;
  /** The converted lead of each opportunity, or -1; and the opportunity of each lead, or -1. */
  readonly leadOfOpp: Int32Array;
  readonly oppOfLead: Int32Array;
  readonly leads: number;
  readonly campaigns: number;
  /** Records per seeded object. */
  readonly counts: ReadonlyMap<string, number>;
}

export interface Base {
  readonly seed: number;
  readonly today: Day;
  /** The anchor instant: noon UTC on the anchor date (what `data check` uses as NOW()). */
  readonly nowMs: number;
  readonly model: RevOpsModel;
  readonly schema: Schema;
  readonly catalog: Catalog;
  readonly stages: StageView;
  readonly statuses: Record<FunnelStatus, string>;
  readonly ladder: Record<SegmentKey, number>;
  readonly picklists: Picklists;
  /** The model's validation rules, asked which candidate values an inserted record may hold. */
  readonly guard: RuleGuard;
}

export interface World extends Base {
  readonly plan: Plan;
  readonly ids: Ids;
}

export function createBase(o: {
  seed: number;
  today: Day;
  model: RevOpsModel;
  schema: Schema;
  catalog: Catalog;
}): Base {
  const base: Omit<Base, 'guard'> = {
    ...o,
    nowMs: o.today * MS_PER_DAY + MS_PER_DAY / 2,
    stages: stageView(o.model, o.schema),
    statuses: leadStatusView(o.model, o.schema),
    ladder: discountLadder(o.model),
    picklists: new Picklists(o.schema),
  };
  return { ...base, guard: new RuleGuard(base) };
}

const streams = new Map<string, number>();
/** The generator of entity `index` in stream `name`: the same draws every time it is asked for. */
export function rngFor(world: Base, name: string, index: number): Rng {
  let id = streams.get(name);
  if (id === undefined) streams.set(name, (id = stream(name)));
  return new Rng(world.seed, id, index);
}

/** External ids, computed from indices: `ACC-000012`, `CTR-000345` (the contract of opportunity 345). */
export class Ids {
  private readonly width: number;
  private readonly prefixes: Map<string, string>;
  private readonly plan: Plan;
  private readonly genericObjects: ReadonlySet<string>;
  constructor(catalog: Catalog, plan: Plan, genericObjects: ReadonlySet<string> = new Set()) {
    this.plan = plan;
    this.genericObjects = genericObjects;
    const largest = Math.max(plan.opportunities, plan.leads, ...plan.counts.values(), 1);
    this.width = Math.max(6, String(largest).length);
    this.prefixes = new Map(catalog.objects.map((o) => [o.name, o.prefix]));
  }
  private make(object: string, fallback: string, n: number, suffix = ''): string {
    return `${this.prefixes.get(object) ?? fallback}-${suffix}${String(n + 1).padStart(this.width, '0')}`;
  }
  account = (a: number) => this.make('Account', 'ACC', a);
  contact = (c: number) => this.make('Contact', 'CON', c);
  lead = (j: number) => this.make('Lead', 'LEAD', j);
  opportunity = (i: number) => this.make('Opportunity', 'OPP', i);
  /** The renewal opportunity of won opportunity `i`'s contract. */
  renewal = (i: number) => this.make('Opportunity', 'OPP', i, 'R');
  contract = (i: number) => this.make('Contract', 'CTR', i);
  campaign = (k: number) => this.make('Campaign', 'CMP', k);
  /** One record per opportunity (exceptions, concessions), or several with `k`. */
  perOpportunity = (object: string, i: number, k?: number) =>
    this.make(object, object.slice(0, 3).toUpperCase(), i) + (k === undefined ? '' : `-${k + 1}`);
  handoff = (object: string, code: string, i: number) => this.make(object, 'HOP', i, `${code}-`);
  generic = (object: string, n: number) => this.make(object, object.slice(0, 3).toUpperCase(), n);

  /** The id of the n-th record of an object, for lookups the generator fills generically. */
  nth(object: string, n: number): string | null {
    const { plan } = this;
    switch (object) {
      case 'Account':
        return this.account(n);
      case 'Contact':
        return this.contact(n);
      case 'Lead':
        return this.lead(n);
      case 'Campaign':
        return this.campaign(n);
      case 'Opportunity':
        return n < plan.opportunities ? this.opportunity(n) : this.renewal(plan.renewals[n - plan.opportunities] ?? 0);
      case 'Contract':
        return plan.won.length ? this.contract(plan.won[n % plan.won.length]!) : null;
      default:
        return this.genericObjects.has(object) ? this.generic(object, n) : null;
    }
  }
}
