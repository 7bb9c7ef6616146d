/** The GTM plan page: the revenue plan (targets, roles, ramp, funnel, scenarios) and the comp plans. */
import { INDEX_PAGE, LOCK, summaryRow, type Catalogue, type CataloguePage } from '../../core/catalogue.ts';
import { code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import type { CompPlanDef, GtmPlanModel, RevenuePlanDef } from './builders.ts';
import { GTM_PLAN_PAGE } from './page.ts';

type Cat = Catalogue<GtmPlanModel>;
const FROM = GTM_PLAN_PAGE;

const money = (n: number) => `$${n.toLocaleString('en-US')}`;
const pct = (n: number) => `${Math.round(n * 1000) / 10} %`;
const signed = (n: number, unit: string) => (n ? `${n > 0 ? '+' : ''}${n}${unit}` : '0');

function planBlocks(plan: RevenuePlanDef): string[] {
  return [
    heading(2, `Revenue plan ${plan.label}${plan.locked ? ` ${LOCK}` : ''}`),
    text(plan.description),
    table(
      [
        'Fiscal year from',
        'Starting ARR',
        'New business',
        'Expansion',
        'Gross churn',
        'Avg new deal',
        'Avg expansion deal',
        'Cycle (new / expansion)',
        'Attrition',
      ],
      [
        [
          plan.fiscalYearStart,
          money(plan.startingArr),
          money(plan.targets.newBusiness),
          money(plan.targets.expansion),
          pct(plan.grossChurnRate),
          money(plan.avgNewDealSize),
          money(plan.avgExpansionDealSize),
          `${plan.salesCycleDays.newBusiness} / ${plan.salesCycleDays.expansion} days`,
          pct(plan.annualAttrition),
        ],
      ],
    ),
    heading(3, 'Quota roles'),
    table(
      ['Role', 'Quota counts', 'Share', 'Annual quota', 'Expected attainment', 'Forecast_Quota__c segment', 'Roster'],
      plan.roles.map((r) => [
        `${code(r.role)} ${text(r.label)}`,
        code(r.measure),
        pct(r.share),
        money(r.annualQuota),
        pct(r.expectedAttainment),
        code(r.segment),
        [
          ...(r.roster.pools ?? []).map((p) => `pool ${code(p)}`),
          ...(r.roster.title ? [`title ${text(r.roster.title)}`] : []),
        ].join(', '),
      ]),
    ),
    heading(3, 'Ramp schedule'),
    table(
      ['From tenure month', 'Productivity'],
      plan.ramp.map((s) => [s.month, pct(s.productivity)]),
    ),
    heading(3, 'Funnel conversion'),
    table(
      ['MQL → SAL', 'SAL → SQL', 'SQL → opportunity', 'New win rate', 'Expansion win rate'],
      [
        [
          plan.funnel.mqlToSal,
          plan.funnel.salToSql,
          plan.funnel.sqlToOpp,
          plan.funnel.newWinRate,
          plan.funnel.expansionWinRate,
        ].map(pct),
      ],
    ),
    heading(3, 'Scenarios'),
    table(
      ['Scenario', 'Confidence', 'Revenue', 'Win rate', 'Cycle', 'Churn'],
      plan.scenarios.map((s) => [
        code(s.name),
        pct(s.confidence),
        s.revenueChange ? `${s.revenueChange > 0 ? '+' : ''}${pct(s.revenueChange)}` : 'plan',
        signed(s.winRatePoints, ' pts'),
        signed(s.cycleDays, ' days'),
        signed(s.churnPoints, ' pts'),
      ]),
    ),
  ];
}

function compTable(plans: readonly CompPlanDef[]): string {
  return table(
    [
      'Plan',
      'Role',
      'OTE',
      'Base:variable',
      'Quota multiple',
      'Components',
      'Accelerator',
      'Decelerator',
      'Clawback',
      'SPIF cap',
      'Paid',
      'Locked',
    ],
    plans.map((p) => [
      code(p.name),
      code(p.role),
      money(p.ote),
      `${Math.round(p.baseShare * 100)}:${Math.round((1 - p.baseShare) * 100)}`,
      `${p.quotaMultiple}x`,
      p.components.map((k) => `${text(k.name)} (${code(k.measure)}, ${pct(k.weight)})`).join('; '),
      `${p.accelerator.multiplier}x above ${pct(p.accelerator.above)}`,
      `${p.decelerator.multiplier}x below ${pct(p.decelerator.below)}`,
      `${p.clawback.on} within ${p.clawback.withinDays} days`,
      pct(p.spifMaxShareOfOte),
      p.payFrequency,
      p.locked ? LOCK : '',
    ]),
  );
}

export function renderGtmPlanPage(cat: Cat): CataloguePage {
  const plan = cat.model.revenuePlan;
  const blocks = [
    heading(1, 'Go-to-market plan'),
    `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Go-to-market plan`,
    'The revenue plan and the comp plans (blueprint 002 Phases 6, 9 and 11, 004): `revops capacity` turns the plan into ' +
      'the reps and the funnel it needs, the seed derives each rep’s `Forecast_Quota__c` from the role quota and the ramp, ' +
      'and `revops comp calculate` pays the comp plans on closed-won deals. Nothing here deploys; a change is reviewed like any locked definition.',
    ...(plan ? planBlocks(plan) : ['No revenue plan.']),
    heading(2, 'Comp plans'),
    cat.model.compPlans.length ? compTable(cat.model.compPlans) : 'No comp plans.',
  ];
  return { path: FROM, content: page(blocks) };
}

const defined = (cat: Cat) => Boolean(cat.model.revenuePlan) || cat.model.compPlans.length > 0;

export const gtmPlanCatalogue = {
  pages: (cat: Cat) => (defined(cat) ? [renderGtmPlanPage(cat)] : []),
  index: (cat: Cat) => ({
    links: defined(cat)
      ? [`${link('Go-to-market plan', href(INDEX_PAGE, FROM))}: revenue plan, quota roles, ramp, scenarios, comp plans`]
      : [],
    summary: [
      summaryRow(
        'Revenue plans',
        cat.model.revenuePlan ? [cat.model.revenuePlan] : [],
        defined(cat) ? FROM : undefined,
      ),
      summaryRow('Comp plans', cat.model.compPlans, defined(cat) ? FROM : undefined),
    ],
  }),
};
