/**
 * docs/model/routing.md: the rule set as a reviewer reads it — the order in which a lead is
 * decided, each rule's condition in words, the pools and their policies, the score model, the
 * SLA clocks, the calendars, and the vectors both routers are held to.
 */
import {
  INDEX_PAGE,
  LOCK,
  lockBadge,
  summaryRow,
  summarySingle,
  type Catalogue,
  type CataloguePage,
  type Ranked,
} from '../../core/catalogue.ts';
import { bullets, code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import { describeCondition, type Condition } from '../../routing/conditions.ts';
import { CONFORMANCE_CLASS } from './apex-tests.ts';
import {
  WEEKDAY_NAMES,
  type LeadRoutingDef,
  type RoutingModel,
  type RoutingPoolDef,
  type RuleActionDef,
} from './builders.ts';
import { ROUTING_PAGE } from './page.ts';
import { VECTORS_RESOURCE } from './vectors.ts';

const FROM = ROUTING_PAGE;
const when = (c: Condition) => text(describeCondition(c));

function action(a: RuleActionDef): string {
  if ('pool' in a) return `pool ${link(code(a.pool), `#pool-${a.pool.toLowerCase()}`, { raw: true })}`;
  if ('queue' in a) return `queue ${code(a.queue)}`;
  return "the account's owner (named accounts and domain match)";
}

function nobody(p: RoutingPoolDef): string {
  const w = p.whenNobodyAvailable;
  if ('queue' in w) return `queue ${code(w.queue)}`;
  if ('pool' in w) return `overflow to pool ${code(w.pool)}`;
  return 'hold (re-routed when someone is available)';
}

const AFTER_HOURS = {
  Assign: 'assign anyway; the SLA clock waits for business hours',
  'Prefer Working': 'prefer seats whose owner is working now, else anyone available',
  Hold: 'only seats whose owner is working now',
} as const;

function precedence(r: LeadRoutingDef): string[] {
  return [
    heading(2, 'How a lead is decided'),
    'Scoring runs first (below) and writes the scores; a new lead that a disqualifier catches is disqualified at intake. Then, in this order:',
    table(
      ['#', 'Rule', 'When', 'Then', 'Active'],
      [
        [
          '0',
          'Intake disqualifiers',
          'a disqualifier holds (Scoring)',
          `queue ${code(r.settings.disqualifiedQueue)}, status Disqualified with the reason`,
          true,
        ],
        ...r.rules.map((rule, i) => [
          String((i + 1) * 10),
          `${code(rule.name)}<br>${text(rule.label)}`,
          when(rule.when),
          `${action(rule.then)}<br>${text(rule.description)}`,
          rule.active,
        ]),
        ['—', 'Fallback', 'no rule acted', `queue ${code(r.settings.fallbackQueue)}`, true],
      ],
    ),
    bullets([
      "The first rule whose condition holds **and that can act** decides. The named-account rule acts when the lead's email domain (then its website) matches an account's `Website_Domain__c`, most specific domain first; an inactive owner hands over to the parent account's owner; when no owner in the hierarchy is active the next rule decides. Accounts of two hierarchies on one domain: the lead is held for a manager to adjudicate.",
      `Leads of one batch are decided by priority: intent score, then ICP fit, then most recent engagement, then input order; results come back in input order.`,
      `A held lead goes to queue ${code(r.settings.holdQueue)} with the reason; the SLA monitor re-routes it when someone is available, and re-routes a lead whose owner takes no action within the re-route clock (SLA clocks below).`,
      `Email domains that never identify a company: ${r.settings.freeMailDomains.map((d) => code(d)).join(', ')}. Public suffixes a domain never shortens to: ${r.settings.publicSuffixes.map((d) => code(d)).join(', ')}.`,
    ]),
  ];
}

function pools(r: LeadRoutingDef): string[] {
  return [
    heading(2, 'Pools'),
    "Weighted round robin among available seats (seats, users and weights are data: `Routing_Pool_Member__c` in the org, the routing roster in a dataset). A seat is available when it is active with a weight above 0, its user is active and not out of office, and its counts are under the caps (days and weeks in the pool's time zone).",
    table(
      ['Pool', 'Calendar', 'Daily cap', 'Weekly cap', 'Working hours', 'Nobody available'],
      r.pools.map((p) => [
        `<a id="pool-${p.name.toLowerCase()}"></a>${code(p.name)}<br>${text(p.label)}: ${text(p.description)}`,
        code(p.calendar),
        p.dailyCap ?? 'none',
        p.weeklyCap ?? 'none',
        AFTER_HOURS[p.afterHours],
        nobody(p),
      ]),
    ),
  ];
}

function scoring(r: LeadRoutingDef): string[] {
  const s = r.scoring;
  return [
    heading(2, 'Scoring'),
    `Computed by automation on every insert and update; reps never type a score. Fit points are capped at ${s.fitMax} and engagement at ${s.engagementMax}; the lead score is fit + engagement + negative signals, within 0–100. **MQL at ${s.mql}, hot at ${s.hot}.** Segment fit score = fit as 0–100; intent score = engagement as 0–100. Fast path: segment fit at least ${s.fastPath.fit} and ${when(s.fastPath.when)}.`,
    table(
      ['Category', 'Signal', 'Points', 'When', 'Decay'],
      s.signals.map((x) => [
        x.category,
        `${code(x.name)}<br>${text(x.label)}`,
        x.points,
        when(x.when),
        x.decay ? `−${x.decay.perWeek} a week once ${code(x.decay.field)} is over ${x.decay.afterDays} days old` : '',
      ]),
    ),
    heading(3, 'Disqualifiers at intake'),
    table(
      ['Disqualifier', 'Reason', 'When'],
      s.disqualifiers.map((d) => [`${code(d.name)}<br>${text(d.label)}`, text(d.reason), when(d.when)]),
    ),
  ];
}

function slas(r: LeadRoutingDef): string[] {
  return [
    heading(2, 'SLA clocks'),
    "Business minutes in the owner's calendar (the pool's when the owner has none). Start and stop times are set by automation; a breach alerts the owner's manager, and a clock marked re-route sends the lead to the next available seat.",
    table(
      ['SLA', 'Starts', 'Stops', 'Business minutes', 'Fast path', 'On breach'],
      r.slas.map((s) => [
        `${code(s.name)}<br>${text(s.label)}: ${text(s.description)}`,
        code(s.start),
        code(s.stop),
        s.minutes,
        s.fastPathMinutes ?? '',
        s.rerouteOnBreach ? 'alert the manager, re-route' : 'alert the manager',
      ]),
    ),
  ];
}

function calendars(r: LeadRoutingDef): string[] {
  return [
    heading(2, 'Calendars'),
    table(
      ['Calendar', 'Time zone', ...WEEKDAY_NAMES.map((d) => d.slice(0, 3)), 'Holidays'],
      r.calendars.map((c) => [
        `${code(c.name)}<br>${text(c.label)}`,
        code(c.timeZone),
        ...WEEKDAY_NAMES.map((d) => c.hours[d] ?? 'closed'),
        c.holidays.map((h) => `${h.date} ${text(h.label)}`).join('<br>'),
      ]),
    ),
    heading(2, 'Queues and public groups'),
    table(
      ['Queue', 'Label', 'Worked by', 'What lands here'],
      r.queues.map((q) => [code(q.name), text(q.label), q.groups.map((g) => code(g)).join(', '), text(q.description)]),
    ),
    table(
      ['Public group', 'Label', 'Managers'],
      r.groups.map((g) => [code(g.name), text(g.label), g.includeBosses ? 'managers included' : 'members only']),
    ),
  ];
}

function vectors(cat: Catalogue<RoutingModel>): string[] {
  const list = [...cat.model.routingVectors].sort((a, b) => (a.name < b.name ? -1 : 1));
  return [
    heading(2, 'Conformance vectors'),
    `The same cases run through the TypeScript router (\`npm test\`) and, from the static resource ${code(VECTORS_RESOURCE)}, through the Apex router (${code(CONFORMANCE_CLASS)}, one method per vector).`,
    list.length
      ? table(
          ['Vector', 'What it pins down', 'Leads'],
          list.map((v) => [code(v.name), text(v.description), v.leads.length]),
        )
      : 'No vectors.',
  ];
}

export function renderRoutingPage(cat: Catalogue<RoutingModel>): CataloguePage {
  const r = cat.model.routing;
  const origin = r ? cat.origin(r) : undefined;
  return {
    path: FROM,
    content: page([
      heading(1, 'Lead routing'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Lead routing`,
      r?.locked ? lockBadge('routing configuration') : undefined,
      r
        ? `Scoring, routing and SLA clocks of new leads, deployed as custom metadata records and run in the org by the Apex router and offline by \`revops route simulate\`${origin ? `; defined in ${code(origin)}` : ''}.`
        : 'The model defines no routing.',
      ...(r ? [...precedence(r), ...pools(r), ...scoring(r), ...slas(r), ...calendars(r)] : []),
      ...vectors(cat),
    ]),
  };
}

export const routingIndex = (cat: Catalogue<RoutingModel>) => {
  const r = cat.model.routing;
  return {
    links: [`${link('Lead routing', href(INDEX_PAGE, FROM))}: precedence, rules, pools, scoring, SLA clocks`],
    summary: [
      summarySingle('Routing rules', r ? Object.assign([...r.rules], { locked: r.locked }) : undefined, FROM),
      summaryRow('Routing conformance vectors', cat.model.routingVectors as readonly object[], FROM),
    ],
  };
};

export const routingRelated = (cat: Catalogue<RoutingModel>, object: ObjectDef, from: string): Ranked<string>[] =>
  cat.model.routing && object.apiName === 'Lead'
    ? [
        {
          rank: 30,
          value:
            `${link('Lead routing', href(from, FROM))}: scoring, routing rules and SLA clocks ${cat.model.routing.locked ? LOCK : ''}`.trim(),
        },
      ]
    : [];
