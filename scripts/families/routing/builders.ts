/**
 * Lead routing as the model writes it (model/routing/): business calendars, public groups and
 * queues, pools, the ordered rules with their condition trees, the score model and the SLA
 * clocks. Plain data, referring to other definitions by name, so that a conformance vector
 * (data/routing-vectors/) can hold a whole routing configuration as JSON.
 */
import type { FieldRef } from '../../core/model-types.ts';
/** Public groups are the roles family's (it writes them); routing's queues name theirs. */
import type { PublicGroupDef } from '../roles/index.ts';
import type { Condition, ConditionValue, Operator } from '../../routing/conditions.ts';
import type { AfterHours, SignalCategory } from '../../routing/records.ts';

export type { Condition, ConditionValue, Operator } from '../../routing/conditions.ts';
export type { AfterHours, SignalCategory } from '../../routing/records.ts';

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type Weekday = (typeof WEEKDAY_NAMES)[number];

// ------------------------------------------------------------------------------ conditions

const fieldName = (field: FieldRef | string): string => (typeof field === 'string' ? field : field.field);

/** `is(Lead.field('NumberOfEmployees'), 'gte', 500)`: one field test (see scripts/routing/conditions.ts). */
export function is(field: FieldRef | string, op: Operator, value?: ConditionValue): Condition {
  return value === undefined ? { field: fieldName(field), op } : { field: fieldName(field), op, value };
}
export const all = (...conditions: Condition[]): Condition => ({ all: conditions });
export const any = (...conditions: Condition[]): Condition => ({ any: conditions });
export const not = (condition: Condition): Condition => ({ not: condition });
/** The condition that always holds (an empty `all`). */
export const always = (): Condition => ({ all: [] });

// ------------------------------------------------------------------------------ calendars, groups, queues

export interface Holiday {
  /** `YYYY-MM-DD`, a local date of the calendar. */
  readonly date: string;
  readonly label: string;
}
export const holiday = (date: string, label: string): Holiday => ({ date, label });

export interface RoutingCalendarDef {
  readonly kind: 'routingCalendar';
  readonly name: string;
  readonly label: string;
  /** IANA time zone: working hours, caps and SLA clocks are local to it. */
  readonly timeZone: string;
  /** Working windows per weekday: `09:00-17:00`, or `09:00-12:00,13:00-17:00`; a day left out is closed. */
  readonly hours: Readonly<Partial<Record<Weekday, string>>>;
  readonly holidays: readonly Holiday[];
}
export const routingCalendar = (
  name: string,
  o: { label: string; timeZone: string; hours: Partial<Record<Weekday, string>>; holidays?: readonly Holiday[] },
): RoutingCalendarDef => ({ kind: 'routingCalendar', name, holidays: [], ...o });

/** The same hours Monday to Friday. */
export const weekdays = (hours: string): Partial<Record<Weekday, string>> =>
  Object.fromEntries(WEEKDAY_NAMES.slice(0, 5).map((d) => [d, hours]));

export interface RoutingQueueDef {
  readonly kind: 'routingQueue';
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  /** Public groups whose members work the queue. */
  readonly groups: readonly string[];
}
export const routingQueue = (
  name: string,
  o: { label: string; description?: string; groups?: readonly (PublicGroupDef | string)[] },
): RoutingQueueDef => ({
  kind: 'routingQueue',
  name,
  label: o.label,
  description: o.description,
  groups: (o.groups ?? []).map(nameOf),
});

const nameOf = (d: { readonly name: string } | string): string => (typeof d === 'string' ? d : d.name);

// ------------------------------------------------------------------------------ pools and rules

/** What a pool does when none of its seats can take a lead. */
export type NobodyAvailableDef = { readonly hold: true } | { readonly queue: string } | { readonly pool: string };
export const holdLead = (): NobodyAvailableDef => ({ hold: true });
export const overflowToQueue = (queue: RoutingQueueDef | string): NobodyAvailableDef => ({ queue: nameOf(queue) });
export const overflowToPool = (pool: RoutingPoolDef | string): NobodyAvailableDef => ({ pool: nameOf(pool) });

export interface RoutingPoolDef {
  readonly kind: 'routingPool';
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** Working hours, and the time zone caps count days and weeks in. */
  readonly calendar: string;
  readonly dailyCap: number | null;
  readonly weeklyCap: number | null;
  readonly afterHours: AfterHours;
  readonly whenNobodyAvailable: NobodyAvailableDef;
}
export const routingPool = (
  name: string,
  o: {
    label: string;
    description: string;
    calendar: RoutingCalendarDef | string;
    caps?: { daily?: number; weekly?: number };
    afterHours: AfterHours;
    whenNobodyAvailable: NobodyAvailableDef;
  },
): RoutingPoolDef => ({
  kind: 'routingPool',
  name,
  label: o.label,
  description: o.description,
  calendar: nameOf(o.calendar),
  dailyCap: o.caps?.daily ?? null,
  weeklyCap: o.caps?.weekly ?? null,
  afterHours: o.afterHours,
  whenNobodyAvailable: o.whenNobodyAvailable,
});

export type RuleActionDef = { readonly accountOwner: true } | { readonly pool: string } | { readonly queue: string };
/** Named accounts: the owner of the account the lead's domain matches (or of its parent). */
export const toAccountOwner = (): RuleActionDef => ({ accountOwner: true });
export const toPool = (pool: RoutingPoolDef | string): RuleActionDef => ({ pool: nameOf(pool) });
export const toQueue = (queue: RoutingQueueDef | string): RuleActionDef => ({ queue: nameOf(queue) });

export interface RoutingRuleDef {
  readonly kind: 'routingRule';
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly when: Condition;
  readonly then: RuleActionDef;
  readonly active: boolean;
}
export const routingRule = (
  name: string,
  o: { label: string; description: string; when: Condition; then: RuleActionDef; active?: boolean },
): RoutingRuleDef => ({ kind: 'routingRule', name, active: true, ...o });

// ------------------------------------------------------------------------------ scoring and SLAs

export interface ScoreSignalDef {
  readonly kind: 'scoreSignal';
  readonly name: string;
  readonly label: string;
  readonly category: SignalCategory;
  /** Positive for fit and engagement, negative for negative signals. */
  readonly points: number;
  readonly when: Condition;
  /** Points fade `perWeek` a week once the date in `field` is older than `afterDays`. */
  readonly decay?: { readonly field: string; readonly afterDays: number; readonly perWeek: number };
}
export const scoreSignal = (
  name: string,
  o: {
    label: string;
    category: SignalCategory;
    points: number;
    when: Condition;
    decay?: { field: FieldRef | string; afterDays: number; perWeek: number };
  },
): ScoreSignalDef => ({
  kind: 'scoreSignal',
  name,
  label: o.label,
  category: o.category,
  points: o.points,
  when: o.when,
  ...(o.decay ? { decay: { ...o.decay, field: fieldName(o.decay.field) } } : {}),
});

export interface DisqualifierDef {
  readonly kind: 'disqualifier';
  readonly name: string;
  readonly label: string;
  /** A value of the lead's Disqualification Reason picklist. */
  readonly reason: string;
  readonly when: Condition;
}
export const disqualifier = (name: string, o: { label: string; reason: string; when: Condition }): DisqualifierDef => ({
  kind: 'disqualifier',
  name,
  ...o,
});

export interface LeadScoringDef {
  readonly mql: number;
  readonly hot: number;
  readonly fitMax: number;
  readonly engagementMax: number;
  /** Fast path (001): segment fit at least `fit` and `when` (a qualified source). */
  readonly fastPath: { readonly fit: number; readonly when: Condition };
  readonly signals: readonly ScoreSignalDef[];
  readonly disqualifiers: readonly DisqualifierDef[];
}

export interface LeadSlaDef {
  readonly kind: 'leadSla';
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** Lead date/time fields set by automation: the clock runs from `start` until `stop` is set. */
  readonly start: string;
  readonly stop: string;
  /** Business minutes in the owner's calendar. */
  readonly minutes: number;
  readonly fastPathMinutes: number | null;
  readonly rerouteOnBreach: boolean;
}
export const leadSla = (
  name: string,
  o: {
    label: string;
    description: string;
    start: FieldRef | string;
    stop: FieldRef | string;
    minutes: number;
    fastPathMinutes?: number;
    rerouteOnBreach?: boolean;
  },
): LeadSlaDef => ({
  kind: 'leadSla',
  name,
  label: o.label,
  description: o.description,
  start: fieldName(o.start),
  stop: fieldName(o.stop),
  minutes: o.minutes,
  fastPathMinutes: o.fastPathMinutes ?? null,
  rerouteOnBreach: o.rerouteOnBreach ?? false,
});

export interface RoutingSettingsDef {
  readonly fallbackQueue: string;
  readonly disqualifiedQueue: string;
  readonly holdQueue: string;
  readonly defaultCalendar: string;
  readonly freeMailDomains: readonly string[];
  readonly publicSuffixes: readonly string[];
}

/** The whole routing configuration of leads. */
export interface LeadRoutingDef {
  readonly kind: 'leadRouting';
  readonly settings: RoutingSettingsDef;
  readonly calendars: readonly RoutingCalendarDef[];
  readonly groups: readonly PublicGroupDef[];
  readonly queues: readonly RoutingQueueDef[];
  readonly pools: readonly RoutingPoolDef[];
  /** In order: the first rule whose condition holds and that can act decides. */
  readonly rules: readonly RoutingRuleDef[];
  readonly scoring: LeadScoringDef;
  readonly slas: readonly LeadSlaDef[];
  readonly locked?: boolean;
}

export const leadRouting = (o: {
  settings: Omit<RoutingSettingsDef, 'fallbackQueue' | 'disqualifiedQueue' | 'holdQueue' | 'defaultCalendar'> & {
    fallbackQueue: RoutingQueueDef | string;
    disqualifiedQueue: RoutingQueueDef | string;
    holdQueue: RoutingQueueDef | string;
    defaultCalendar: RoutingCalendarDef | string;
  };
  calendars: readonly RoutingCalendarDef[];
  groups?: readonly PublicGroupDef[];
  queues: readonly RoutingQueueDef[];
  pools: readonly RoutingPoolDef[];
  rules: readonly RoutingRuleDef[];
  scoring: LeadScoringDef;
  slas: readonly LeadSlaDef[];
  locked?: boolean;
}): LeadRoutingDef => ({
  kind: 'leadRouting',
  ...o,
  groups: o.groups ?? [],
  settings: {
    ...o.settings,
    fallbackQueue: nameOf(o.settings.fallbackQueue),
    disqualifiedQueue: nameOf(o.settings.disqualifiedQueue),
    holdQueue: nameOf(o.settings.holdQueue),
    defaultCalendar: nameOf(o.settings.defaultCalendar),
  },
});

// ------------------------------------------------------------------------------ conformance vectors

/** A seat as a vector states it (its round-robin state before or, in `expected`, after). */
export interface VectorSeat {
  readonly id: string;
  readonly pool: string;
  readonly owner: string;
  readonly weight: number;
  readonly active: boolean;
  readonly credit: number;
  readonly dayKey: string | null;
  readonly assignedToday: number;
  readonly weekKey: string | null;
  readonly assignedThisWeek: number;
}

export interface VectorOwner {
  readonly id: string;
  readonly active: boolean;
  readonly calendar?: string | null;
  readonly away?: readonly { readonly from: string; readonly until: string }[];
}

export interface VectorAccount {
  readonly id: string;
  readonly domain: string | null;
  readonly owner: string;
  readonly parent: string | null;
}

/** What both routers must answer for one lead. */
export interface VectorDecision {
  readonly lead: string;
  readonly kind: 'owner' | 'queue' | 'hold';
  readonly owner: string | null;
  readonly queue: string | null;
  readonly pool: string | null;
  readonly rule: string | null;
  readonly reason: string;
  readonly slaDueAt: string | null;
  readonly status: string | null;
  readonly score: number;
}

/**
 * One conformance vector: a routing configuration, the state, a clock and a batch of leads in;
 * the decisions and the seats' state out. Both routers run it: the TypeScript tests, and the
 * generated Apex test class through the static resource.
 */
export interface RoutingVectorDef {
  readonly kind: 'routingVector';
  /** kebab-case, unique: the file name and (camel-cased) the Apex test method. */
  readonly name: string;
  readonly description: string;
  /** The file it was read from (data/routing-vectors/<name>.json). */
  readonly file: string;
  readonly routing: LeadRoutingDef;
  readonly owners: readonly VectorOwner[];
  readonly seats: readonly VectorSeat[];
  readonly accounts: readonly VectorAccount[];
  readonly clock: string;
  /** Intake (new leads: scoring sets the status) or a later routing of existing leads. */
  readonly intake: boolean;
  readonly leads: readonly Readonly<Record<string, unknown>>[];
  readonly expected: { readonly decisions: readonly VectorDecision[]; readonly seats: readonly VectorSeat[] };
}

/** What this family adds to the model. */
export interface RoutingModel {
  readonly routing?: LeadRoutingDef;
  readonly routingVectors: readonly RoutingVectorDef[];
}
