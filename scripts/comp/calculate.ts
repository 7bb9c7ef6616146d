/**
 * `revops comp calculate`: each rep's attainment and payout for a period under the comp plan of
 * their quota role (model/gtm/comp-plans.ts, blueprint 002 Phase 9), with one explained line per
 * component and per clawback.
 *
 * Per component: target = the rep's period quota × the component's weight; credited = ARR of the
 * rep's closed-won deals of the component's measure closed in the period; rate = the component's
 * share of the period's variable pay ÷ target. A ramping rep's quota is lower (scripts/capacity/ramp.ts)
 * and so is the variable pay at target, by the same factor, so the rate is the plan's rate
 * (variable ÷ quota) for everyone. Payout:
 *   attainment below the decelerator (50 %): credited × rate × 0.5 (the whole component);
 *   from 50 % to 100 %:                     credited × rate;
 *   above the accelerator (100 %):          target × rate + (credited − target) × rate × accelerator.
 * Clawback: a deal of the rep whose customer gave churn notice in the period within the plan's
 * window (90 days) of the win gives back its ARR × the component's rate.
 */
import type { CompPlanDef, PlanMeasure, RevenuePlanDef } from '../dsl/index.ts';
import type { Roster } from '../data/routing-roster.ts';
import { monthsBetween, roleHolders } from '../capacity/ramp.ts';
import type { CompData, CreditedDeal } from './dataset.ts';

/** Which deals count for which measure: the Opportunity Type values. */
export const MEASURE_OF_TYPE: Readonly<Record<string, PlanMeasure>> = {
  'New Customer': 'newBusiness',
  'Existing Customer - Upgrade': 'expansion',
};

export interface CompLine {
  readonly component: string;
  readonly measure: PlanMeasure;
  readonly deals: readonly string[];
  readonly credited: number;
  readonly target: number;
  /** Credited ÷ target; null when the target is 0 (no quota this period). */
  readonly attainment: number | null;
  readonly rate: number;
  readonly adjustment: 'decelerator' | 'accelerator' | 'none';
  readonly payout: number;
  readonly explanation: string;
}

export interface Clawback {
  readonly opportunity: string;
  readonly account: string;
  readonly closeDate: string;
  readonly noticeOn: string;
  readonly days: number;
  readonly arr: number;
  readonly amount: number;
  readonly explanation: string;
}

export interface RepPayout {
  readonly user: string;
  readonly name: string;
  readonly role: string;
  readonly plan: string;
  readonly quota: number;
  readonly credited: number;
  readonly attainment: number | null;
  /** The variable pay at 100 % attainment for the period (ramped with the quota). */
  readonly variableTarget: number;
  readonly lines: readonly CompLine[];
  readonly clawbacks: readonly Clawback[];
  readonly payout: number;
}

export interface CompResult {
  readonly period: CompData['period'];
  readonly reps: readonly RepPayout[];
  /** Closed-won deals in the period whose owner carries no quota in it (nobody is paid on them). */
  readonly unpaidDeals: readonly string[];
}

const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
const cents = (n: number) => Math.round(n * 100) / 100;
const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);
const inPeriod = (day: string, p: CompData['period']) => day >= p.start && day <= p.end;

/** One component's payout for a credited amount against a target (the rules above). */
export function componentPayout(plan: CompPlanDef, credited: number, target: number, rate: number) {
  if (target <= 0) return { attainment: null, adjustment: 'none' as const, payout: 0 };
  const attainment = credited / target;
  if (attainment < plan.decelerator.below)
    return { attainment, adjustment: 'decelerator' as const, payout: credited * rate * plan.decelerator.multiplier };
  if (attainment > plan.accelerator.above) {
    const at = target * plan.accelerator.above;
    return {
      attainment,
      adjustment: 'accelerator' as const,
      payout: at * rate + (credited - at) * rate * plan.accelerator.multiplier,
    };
  }
  return { attainment, adjustment: 'none' as const, payout: credited * rate };
}

function explain(
  plan: CompPlanDef,
  name: string,
  credited: number,
  target: number,
  rate: number,
  r: ReturnType<typeof componentPayout>,
): string {
  if (r.attainment === null)
    return `${name}: no quota this period (onboarding), nothing to pay on ${money(credited)} credited`;
  const head = `${name}: ${money(credited)} credited of ${money(target)} target = ${pct(r.attainment)} attainment; rate ${pct(rate)} of ARR`;
  if (r.adjustment === 'decelerator')
    return `${head}; below ${pct(plan.decelerator.below)}: decelerator ${plan.decelerator.multiplier}x → ${money(r.payout)}`;
  if (r.adjustment === 'accelerator')
    return `${head}; above ${pct(plan.accelerator.above)}: ${money(target * rate)} at the rate + ${money(credited - target)} at ${plan.accelerator.multiplier}x → ${money(r.payout)}`;
  return `${head}; no accelerator or decelerator → ${money(r.payout)}`;
}

function lines(plan: CompPlanDef, quota: number, variable: number, deals: readonly CreditedDeal[]): CompLine[] {
  return plan.components.map((k) => {
    const mine = deals.filter((d) => MEASURE_OF_TYPE[d.type] === k.measure);
    const credited = mine.reduce((s, d) => s + d.arr, 0);
    const target = quota * k.weight;
    const rate = target > 0 ? (variable * k.weight) / target : 0;
    const r = componentPayout(plan, credited, target, rate);
    return {
      component: k.name,
      measure: k.measure,
      deals: mine.map((d) => d.id),
      credited,
      target,
      attainment: r.attainment,
      rate,
      adjustment: r.adjustment,
      payout: cents(r.payout),
      explanation: explain(plan, k.name, credited, target, rate, r),
    };
  });
}

function clawbacks(plan: CompPlanDef, data: CompData, user: string, rates: readonly CompLine[]): Clawback[] {
  const out: Clawback[] = [];
  for (const event of data.churn) {
    const deal = data.wonDeals.find((d) => d.id === event.opportunity && d.owner === user);
    if (!deal || !inPeriod(event.noticeOn, data.period)) continue;
    const days = daysBetween(deal.closeDate, event.noticeOn);
    const line = rates.find((l) => l.measure === MEASURE_OF_TYPE[deal.type]);
    if (days > plan.clawback.withinDays || !line) continue;
    const amount = cents(deal.arr * line.rate);
    out.push({
      opportunity: deal.id,
      account: deal.account,
      closeDate: deal.closeDate,
      noticeOn: event.noticeOn,
      days,
      arr: deal.arr,
      amount,
      explanation:
        `clawback ${deal.id}: won ${deal.closeDate}, churn notice ${event.noticeOn} (${days} days, within ${plan.clawback.withinDays}); ` +
        `${money(deal.arr)} × ${line.component} rate ${pct(line.rate)} → −${money(amount)}`,
    });
  }
  return out;
}

/** Pays every rep who has a quota in the period and a comp plan for their role. */
export function calculateComp(
  revenuePlan: RevenuePlanDef,
  plans: readonly CompPlanDef[],
  roster: Roster,
  data: CompData,
): CompResult {
  const months = monthsBetween(data.period.start, data.period.end);
  const reps: RepPayout[] = [];
  const paid = new Set<string>();
  for (const role of revenuePlan.roles) {
    const plan = plans.find((p) => p.role === role.role);
    if (!plan) continue;
    for (const rep of roleHolders(role, roster.users, roster.seats)) {
      const quota = data.quotas.get(rep.id);
      if (quota === undefined) continue;
      paid.add(rep.id);
      const fullQuota = (role.annualQuota * months) / 12;
      const variable = ((plan.ote * (1 - plan.baseShare) * months) / 12) * Math.min(1, quota / fullQuota);
      const deals = data.wonDeals.filter((d) => d.owner === rep.id && inPeriod(d.closeDate, data.period));
      const compLines = lines(plan, quota, variable, deals);
      const claws = clawbacks(plan, data, rep.id, compLines);
      const credited = compLines.reduce((s, l) => s + l.credited, 0);
      reps.push({
        user: rep.id,
        name: rep.name,
        role: role.role,
        plan: plan.name,
        quota,
        credited,
        attainment: quota > 0 ? credited / quota : null,
        variableTarget: cents(variable),
        lines: compLines,
        clawbacks: claws,
        payout: cents(compLines.reduce((s, l) => s + l.payout, 0) - claws.reduce((s, c) => s + c.amount, 0)),
      });
    }
  }
  const unpaidDeals = data.wonDeals
    .filter((d) => inPeriod(d.closeDate, data.period) && !paid.has(d.owner ?? ''))
    .map((d) => d.id);
  return { period: data.period, reps, unpaidDeals };
}
