/**
 * What a routing configuration must be before it deploys, checked against the model's schema:
 * every condition names a Lead field and tests it in a way its type allows (picklist values
 * included), targets exist, the named-account rule comes before any rule that could take its
 * leads, calendars have working time in a zone both routers know, and the records fit their
 * custom metadata fields. Anything that would make the two routers disagree, or the Apex
 * router fail, is found here. The model's configuration and every vector's are checked alike.
 */
import type { CheckContext } from '../../core/checks.ts';
import type { SchemaObject } from '../../schema/types.ts';
import { isTimeZone, parseWindows } from '../../routing/calendar.ts';
import { OPERAND, OPERATORS, type Condition, type FieldTest, type Scalar } from '../../routing/conditions.ts';
import { RECORD_TYPES } from '../../routing/records.ts';
import { WEEKDAY_NAMES, type LeadRoutingDef } from './builders.ts';
import { routingRecords } from './records.ts';

/** Lead fields the routers write: the model must define them. */
export const ROUTING_WRITES = [
  'Lead_Score__c',
  'Score_Band__c',
  'Segment_Fit_Score__c',
  'Intent_Score__c',
  'Fast_Path__c',
  'Disqualification_Reason__c',
  'Routed_At__c',
  'Routing_Status__c',
  'Routing_Rule__c',
  'Routing_Pool__c',
  'Routing_Reason__c',
  'Routing_Decision_Key__c',
  'First_Touch_Due_At__c',
];

const NUMERIC = new Set(['double', 'int', 'currency', 'percent']);
const TEXTUAL = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'combobox']);
const TEMPORAL = new Set(['date', 'datetime']);

/** A whole configuration: the model's, or a vector's (`component` says which). */
export function checkConfiguration(routing: LeadRoutingDef, check: CheckContext, component: string): void {
  const lead = check.schema.object('Lead');
  if (!lead) return check.report(routing, component, 'routing needs the Lead object');
  for (const field of ROUTING_WRITES)
    if (!lead.field(field)) check.report(routing, component, `routing writes Lead.${field}: the model must define it`);
  checkNames(routing, check, component);
  checkCalendars(routing, check, component);
  checkTargets(routing, check, component);
  checkRuleOrder(routing, check, component);
  checkScoring(routing, check, component, lead);
  for (const rule of routing.rules) checkCondition(rule.when, lead, check, routing, `${component} rule ${rule.name}`);
  for (const sla of routing.slas)
    for (const field of [sla.start, sla.stop])
      if (lead.field(field)?.type !== 'datetime')
        check.report(routing, `${component} SLA ${sla.name}`, `${field} must be a date/time field of Lead`);
  checkRecordSizes(routing, check, component);
}

function checkNames(routing: LeadRoutingDef, check: CheckContext, component: string): void {
  const named: [string, readonly { readonly name: string }[], number][] = [
    ['calendar', routing.calendars, 30],
    ['queue', routing.queues, 40],
    ['public group', routing.groups, 40],
    ['pool', routing.pools, 40],
    ['rule', routing.rules, 30],
    ['score signal', routing.scoring.signals, 30],
    ['disqualifier', routing.scoring.disqualifiers, 30],
    ['SLA', routing.slas, 40],
  ];
  for (const [noun, items, max] of named) {
    check.unique(
      items,
      (i) => i.name,
      (i) => `${component} ${noun} ${i.name}`,
      noun,
      routing,
    );
    for (const item of items) check.apiName(routing, `${component} ${noun} ${item.name}`, item.name, '', max);
  }
}

function checkCalendars(routing: LeadRoutingDef, check: CheckContext, component: string): void {
  for (const c of routing.calendars) {
    const where = `${component} calendar ${c.name}`;
    if (!isTimeZone(c.timeZone))
      check.report(routing, where, `unknown time zone "${c.timeZone}" (use an IANA name such as America/New_York)`);
    let open = 0;
    for (const day of WEEKDAY_NAMES)
      try {
        open += parseWindows(c.hours[day]).length;
      } catch (e) {
        check.report(routing, where, `${day}: ${(e as Error).message}`);
      }
    if (!open) check.report(routing, where, 'has no working hours: SLA clocks would never run');
    for (const h of c.holidays)
      if (!/^\d{4}-\d{2}-\d{2}$/.test(h.date) || Number.isNaN(Date.parse(h.date)))
        check.report(routing, where, `holiday "${h.label}": ${h.date} is not a date YYYY-MM-DD`);
  }
}

function checkTargets(routing: LeadRoutingDef, check: CheckContext, component: string): void {
  const calendars = new Set(routing.calendars.map((c) => c.name));
  const queues = new Set(routing.queues.map((q) => q.name));
  const pools = new Set(routing.pools.map((p) => p.name));
  const groups = new Set(routing.groups.map((g) => g.name));
  const need = (set: Set<string>, name: string, noun: string, where: string) => {
    if (!set.has(name)) check.report(routing, where, `unknown ${noun} ${name}`);
  };
  const s = routing.settings;
  for (const q of [s.fallbackQueue, s.disqualifiedQueue, s.holdQueue])
    need(queues, q, 'queue', `${component} settings`);
  need(calendars, s.defaultCalendar, 'calendar', `${component} settings`);
  for (const q of routing.queues)
    for (const g of q.groups) need(groups, g, 'public group', `${component} queue ${q.name}`);
  for (const p of routing.pools) {
    const where = `${component} pool ${p.name}`;
    need(calendars, p.calendar, 'calendar', where);
    const w = p.whenNobodyAvailable;
    if ('queue' in w) need(queues, w.queue, 'queue', where);
    if ('pool' in w) {
      need(pools, w.pool, 'pool', where);
      if (w.pool === p.name) check.report(routing, where, 'overflows into itself');
    }
    for (const [cap, value] of [
      ['daily', p.dailyCap],
      ['weekly', p.weeklyCap],
    ] as const)
      if (value !== null && (!Number.isInteger(value) || value < 1))
        check.report(routing, where, `${cap} cap must be a whole number of at least 1, got ${value}`);
  }
  for (const r of routing.rules) {
    const where = `${component} rule ${r.name}`;
    if ('pool' in r.then) need(pools, r.then.pool, 'pool', where);
    if ('queue' in r.then) need(queues, r.then.queue, 'queue', where);
  }
}

/**
 * 002's YAML lists the named-account rule last, yet a named account's lead must reach its
 * owner: any rule that gives leads to a pool or a queue before it would take them first.
 */
function checkRuleOrder(routing: LeadRoutingDef, check: CheckContext, component: string): void {
  const named = routing.rules.findIndex((r) => 'accountOwner' in r.then && r.active);
  if (named < 0) return;
  for (const r of routing.rules.slice(0, named))
    if (r.active)
      check.report(
        routing,
        `${component} rule ${r.name}`,
        `comes before the named-account rule ${routing.rules[named]!.name}: a named account's lead must reach its owner first`,
      );
}

function checkScoring(routing: LeadRoutingDef, check: CheckContext, component: string, lead: SchemaObject): void {
  const { scoring } = routing;
  const where = `${component} scoring`;
  if (!(scoring.mql > 0 && scoring.mql < scoring.hot && scoring.hot <= 100))
    check.report(routing, where, `thresholds must be 0 < MQL (${scoring.mql}) < hot (${scoring.hot}) <= 100`);
  if (scoring.fitMax < 1 || scoring.engagementMax < 1)
    check.report(routing, where, 'fit and engagement caps must be at least 1');
  for (const s of scoring.signals) {
    const at = `${component} signal ${s.name}`;
    const sign = s.category === 'Negative' ? s.points < 0 : s.points > 0;
    if (!Number.isInteger(s.points) || !sign)
      check.report(
        routing,
        at,
        `${s.category} points must be whole and ${s.category === 'Negative' ? 'negative' : 'positive'}, got ${s.points}`,
      );
    if (s.decay && !TEMPORAL.has(lead.field(s.decay.field)?.type ?? ''))
      check.report(routing, at, `decay reads ${s.decay.field}, which must be a date or date/time field of Lead`);
    checkCondition(s.when, lead, check, routing, at);
  }
  const reasons = lead.field('Disqualification_Reason__c')?.picklistValues ?? [];
  for (const d of scoring.disqualifiers) {
    const at = `${component} disqualifier ${d.name}`;
    if (!reasons.includes(d.reason))
      check.report(routing, at, `reason "${d.reason}" is not a Disqualification Reason value (${reasons.join(', ')})`);
    checkCondition(d.when, lead, check, routing, at);
  }
  checkCondition(scoring.fastPath.when, lead, check, routing, `${component} fast path`);
}

/** Each field test names a Lead field and suits its type; picklist values must exist. */
export function checkCondition(
  c: Condition,
  lead: SchemaObject,
  check: CheckContext,
  def: object,
  where: string,
): void {
  if ('all' in c) return c.all.forEach((x) => checkCondition(x, lead, check, def, where));
  if ('any' in c) return c.any.forEach((x) => checkCondition(x, lead, check, def, where));
  if ('not' in c) return checkCondition(c.not, lead, check, def, where);
  const problem = fieldTestProblem(c, lead);
  if (problem) check.report(def, where, problem);
}

function fieldTestProblem(t: FieldTest, lead: SchemaObject): string | undefined {
  if (!(t.op in OPERATORS)) return `unknown operator "${t.op}"`;
  const field = lead.field(t.field);
  if (!field) return `names unknown field Lead.${t.field}`;
  const operand = OPERAND[t.op];
  const values: unknown[] = t.value === undefined ? [] : Array.isArray(t.value) ? t.value : [t.value];
  if (operand === 'none' && t.value !== undefined) return `${t.field} ${t.op} takes no value`;
  if (operand === 'list' && (!Array.isArray(t.value) || t.value.length === 0))
    return `${t.field} ${t.op} needs a list of values`;
  if ((operand === 'scalar' || operand === 'number') && (t.value === undefined || Array.isArray(t.value)))
    return `${t.field} ${t.op} needs one value`;
  if (operand === 'number' && typeof t.value !== 'number') return `${t.field} ${t.op} needs a number`;
  if (['gt', 'gte', 'lt', 'lte'].includes(t.op) && !NUMERIC.has(field.type))
    return `${t.field} is ${field.type}: ${t.op} compares numbers`;
  if (t.op === 'withinDays' && !TEMPORAL.has(field.type))
    return `${t.field} is ${field.type}: withinDays needs a date or date/time`;
  if (['contains', 'startsWith', 'endsWith', 'containsAny', 'domainIn'].includes(t.op) && !TEXTUAL.has(field.type))
    return `${t.field} is ${field.type}: ${t.op} reads text`;
  const wrongType = values.find((v) =>
    field.type === 'boolean'
      ? typeof v !== 'boolean'
      : NUMERIC.has(field.type)
        ? typeof v !== 'number'
        : typeof v !== 'string',
  );
  if (wrongType !== undefined && (t.op === 'eq' || t.op === 'ne' || t.op === 'in' || t.op === 'notIn'))
    return `${t.field} is ${field.type}: ${JSON.stringify(wrongType)} is not a value of it`;
  if (field.type === 'picklist' && (t.op === 'eq' || t.op === 'ne' || t.op === 'in' || t.op === 'notIn')) {
    const known = field.picklistValues ?? [];
    const unknown = (values as Scalar[]).filter((v) => !known.some((k) => k.toLowerCase() === String(v).toLowerCase()));
    if (known.length && unknown.length)
      return `${t.field} has no value ${unknown.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return undefined;
}

/** Text fields of the records hold 255 characters; names and labels 40. */
function checkRecordSizes(routing: LeadRoutingDef, check: CheckContext, component: string): void {
  const records = routingRecords(routing);
  for (const type of RECORD_TYPES)
    for (const record of records[type] as readonly object[] as readonly Record<string, unknown>[]) {
      const where = `${component} ${type}.${String(record.DeveloperName)}`;
      if (String(record.DeveloperName).length > 40) check.report(routing, where, 'name is longer than 40 characters');
      if (String(record.MasterLabel).length > 40)
        check.report(routing, where, `label "${String(record.MasterLabel)}" is longer than 40 characters`);
      for (const [field, value] of Object.entries(record))
        if (typeof value === 'string' && value.length > 255)
          check.report(routing, where, `${field} is ${value.length} characters; custom metadata text holds 255`);
    }
}
