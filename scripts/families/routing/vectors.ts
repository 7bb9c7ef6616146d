/**
 * Conformance vectors (data/routing-vectors/*.json, format in its README): read into the model
 * with the defaults a vector may leave out, and written for the org as one static resource that
 * carries each vector's configuration as the custom metadata records the routers read.
 */
import type { CmdtRecord, RoutingRecords } from '../../routing/records.ts';
import {
  always,
  type LeadRoutingDef,
  type LeadScoringDef,
  type LeadSlaDef,
  type RoutingCalendarDef,
  type RoutingPoolDef,
  type RoutingQueueDef,
  type RoutingRuleDef,
  type RoutingSettingsDef,
  type RoutingVectorDef,
} from './builders.ts';
import { routingRecords } from './records.ts';
import type { PublicGroupDef } from '../roles/index.ts';

/** The static resource the generated Apex test reads. */
export const VECTORS_RESOURCE = 'RoutingConformanceVectors';
export const VECTORS_FORMAT = 'revops-routing-vectors/1';

/** A vector's routing may leave these out. */
const DEFAULT_SETTINGS: RoutingSettingsDef = {
  fallbackQueue: 'Fallback',
  disqualifiedQueue: 'Disqualified',
  holdQueue: 'Hold',
  defaultCalendar: 'Always',
  freeMailDomains: ['gmail.com', 'outlook.com', 'yahoo.com'],
  publicSuffixes: ['co.uk', 'com.au'],
};
/** Every lead an MQL unless the vector scores: 60 engagement points for everyone. */
const DEFAULT_SCORING: LeadScoringDef = {
  mql: 50,
  hot: 75,
  fitMax: 40,
  engagementMax: 60,
  fastPath: { fit: 70, when: { all: [] } },
  signals: [
    { kind: 'scoreSignal', name: 'Engaged', label: 'Engaged', category: 'Engagement', points: 60, when: always() },
  ],
  disqualifiers: [],
};

type Json = Record<string, unknown>;

/** A vector's routing as written: any part may be left out, and definitions need no `kind`. */
interface PartialRouting {
  readonly settings?: Partial<RoutingSettingsDef>;
  readonly calendars?: readonly (Omit<RoutingCalendarDef, 'kind' | 'holidays'> & {
    holidays?: RoutingCalendarDef['holidays'];
  })[];
  readonly groups?: readonly (Omit<PublicGroupDef, 'kind' | 'includeBosses'> & { includeBosses?: boolean })[];
  readonly queues?: readonly (Omit<RoutingQueueDef, 'kind' | 'groups'> & { groups?: readonly string[] })[];
  readonly pools?: readonly (Pick<
    RoutingPoolDef,
    'name' | 'label' | 'calendar' | 'afterHours' | 'whenNobodyAvailable'
  > &
    Partial<RoutingPoolDef>)[];
  readonly rules?: readonly (Pick<RoutingRuleDef, 'name' | 'label' | 'when' | 'then'> & Partial<RoutingRuleDef>)[];
  readonly scoring?: Partial<LeadScoringDef>;
  readonly slas?: readonly (Pick<LeadSlaDef, 'name' | 'label' | 'start' | 'stop' | 'minutes'> & Partial<LeadSlaDef>)[];
}

/** A vector's JSON with the defaults filled in (no checks: the family's checks report problems). */
export function routingVector(json: Json, file: string): RoutingVectorDef {
  const r = (json.routing ?? {}) as PartialRouting;
  const settings = { ...DEFAULT_SETTINGS, ...r.settings };
  const calendars = r.calendars ?? [
    {
      kind: 'routingCalendar' as const,
      name: 'Always',
      label: 'Always',
      timeZone: 'UTC',
      hours: Object.fromEntries(
        ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => [d, '00:00-24:00']),
      ),
      holidays: [],
    },
  ];
  const queueNames = [settings.fallbackQueue, settings.disqualifiedQueue, settings.holdQueue];
  const routing: LeadRoutingDef = {
    kind: 'leadRouting',
    settings,
    calendars: calendars.map((c) => ({ ...c, kind: 'routingCalendar', holidays: c.holidays ?? [] })),
    groups: (r.groups ?? []).map((g) => ({ ...g, kind: 'publicGroup', includeBosses: g.includeBosses ?? false })),
    queues: (r.queues ?? [...new Set(queueNames)].map((name) => ({ name, label: name, groups: [] }))).map((q) => ({
      ...q,
      kind: 'routingQueue',
      groups: q.groups ?? [],
    })),
    pools: (r.pools ?? []).map((p) => ({
      ...p,
      kind: 'routingPool',
      dailyCap: p.dailyCap ?? null,
      weeklyCap: p.weeklyCap ?? null,
      description: p.description ?? '',
    })),
    rules: (r.rules ?? []).map((x) => ({
      ...x,
      kind: 'routingRule',
      active: x.active ?? true,
      description: x.description ?? '',
    })),
    scoring: { ...DEFAULT_SCORING, ...r.scoring },
    slas: (r.slas ?? []).map((s) => ({
      ...s,
      kind: 'leadSla',
      fastPathMinutes: s.fastPathMinutes ?? null,
      rerouteOnBreach: s.rerouteOnBreach ?? false,
      description: s.description ?? '',
    })),
  };
  return {
    kind: 'routingVector',
    name: String(json.name ?? ''),
    description: String(json.description ?? ''),
    file,
    routing,
    owners: (json.owners ?? []) as RoutingVectorDef['owners'],
    seats: (json.seats ?? []) as RoutingVectorDef['seats'],
    accounts: (json.accounts ?? []) as RoutingVectorDef['accounts'],
    clock: String(json.clock ?? ''),
    intake: json.intake !== false,
    leads: (json.leads ?? []) as RoutingVectorDef['leads'],
    expected: (json.expected ?? { decisions: [], seats: [] }) as RoutingVectorDef['expected'],
  };
}

/** What the org's test reads for one vector: the configuration as records, the rest as written. */
export interface ResourceVector {
  readonly name: string;
  readonly records: RoutingRecords;
  readonly owners: RoutingVectorDef['owners'];
  readonly seats: RoutingVectorDef['seats'];
  readonly accounts: RoutingVectorDef['accounts'];
  readonly clock: string;
  readonly intake: boolean;
  readonly leads: RoutingVectorDef['leads'];
  readonly expected: RoutingVectorDef['expected'];
}

/** The static resource's content: every vector, its records with null fields left out (Apex reads them as null). */
export function vectorResource(vectors: readonly RoutingVectorDef[]): string {
  const compact = (records: RoutingRecords) =>
    Object.fromEntries(
      Object.entries(records).map(([type, list]) => [
        type,
        (list as readonly CmdtRecord[]).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null))),
      ]),
    );
  const body = {
    format: VECTORS_FORMAT,
    vectors: [...vectors]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((v) => ({
        name: v.name,
        records: compact(routingRecords(v.routing)),
        owners: v.owners,
        seats: v.seats,
        accounts: v.accounts,
        clock: v.clock,
        intake: v.intake,
        leads: v.leads,
        expected: v.expected,
      })),
  };
  return `${JSON.stringify(body, null, 1)}\n`;
}
