/** Quote-to-cash checks before a deal closes (001 Epic 4): proration, billing anchor date, tax, schedule. */
import { addMonths, billedAmount, parseDate, type SkuDef } from '../dsl/index.ts';
import type { QuoteContext, RuleModule } from './types.ts';
import { linesByDeal, type Line } from './load.ts';

const WON = 'Closed Won';

function prorationProblem(l: Line): string | undefined {
  const r = l.at.record;
  if (!r.ServiceDate || !r.End_Date__c) return 'the service period needs ServiceDate and End_Date__c';
  const expected = billedAmount(
    r.Quantity as number,
    r.UnitPrice as number,
    parseDate(r.ServiceDate as string),
    parseDate(r.End_Date__c as string),
  );
  return Math.abs(Number(r.Billed_Amount__c ?? NaN) - expected) < 0.005 || r.Billed_Amount__c === expected
    ? undefined
    : `Billed_Amount__c ${String(r.Billed_Amount__c)} is not the prorated ${expected} (${String(r.Quantity)} × ${String(r.UnitPrice)} for ${String(r.ServiceDate)}..${String(r.End_Date__c)})`;
}

function anchorProblem(deal: Record<string, unknown>, withinDays: number): string | undefined {
  const start = deal.Contract_Start_Date__c as string | null;
  const anchor = deal.Billing_Anchor_Date__c as string | null;
  if (!start) return 'a won deal needs Contract_Start_Date__c';
  if (!anchor) return 'a won deal needs Billing_Anchor_Date__c';
  const gap = parseDate(anchor) - parseDate(start);
  return gap < 0 || gap > withinDays
    ? `billing anchor ${anchor} is not within ${withinDays} days on or after the contract start ${start}`
    : undefined;
}

function taxProblem(deal: Record<string, unknown>, needsId: readonly string[]): string | undefined {
  const treatment = deal.Tax_Treatment__c as string | null;
  if (!treatment) return 'a won deal needs Tax_Treatment__c';
  return needsId.includes(treatment) && !deal.Tax_Id__c ? `${treatment} needs the customer's Tax_Id__c` : undefined;
}

/** Base-package lines follow each other from the contract start to its end, without gap or overlap. */
function scheduleProblem(
  deal: Record<string, unknown>,
  lines: readonly Line[],
  skus: ReadonlyMap<string, SkuDef>,
): string | undefined {
  if (!lines.length) return 'a won deal sells no opportunity product';
  const start = deal.Contract_Start_Date__c as string | null;
  const term = deal.Term_Months__c as number | null;
  if (!start || !term) return 'a won deal needs Contract_Start_Date__c and Term_Months__c';
  const base = lines
    .filter((l) => skus.get(l.sku ?? '')?.role === 'base')
    .map((l) => l.at.record)
    .sort((a, b) => String(a.ServiceDate).localeCompare(String(b.ServiceDate)));
  let next = parseDate(start);
  for (const r of base) {
    if (!r.ServiceDate || !r.End_Date__c) return 'a base line has no service period';
    if (parseDate(r.ServiceDate as string) !== next)
      return `base line of year ${String(r.Contract_Year__c)} starts ${String(r.ServiceDate)}, not the day after the previous period`;
    next = parseDate(r.End_Date__c as string) + 1;
  }
  const end = addMonths(parseDate(start), term);
  return next === end
    ? undefined
    : `the base lines cover the term up to ${new Date((next - 1) * 86_400_000).toISOString().slice(0, 10)}, not the ${term}-month term`;
}

export const billingRules: RuleModule = {
  rules: [
    {
      id: 'q2c.proration',
      description: 'Each opportunity product bills quantity × annual price × the share of the year it covers',
    },
    {
      id: 'q2c.billing-anchor',
      description: 'Won deals have a billing anchor date within the allowed days after the contract start',
    },
    {
      id: 'q2c.tax',
      description: "Won deals have a tax treatment, and the customer's tax ID when exempt or reverse charge",
    },
    {
      id: 'q2c.schedule',
      description: 'Won deals sell products whose base periods cover the contract term without gap or overlap',
    },
  ],
  run(ctx: QuoteContext) {
    const billing = ctx.model.pricing?.billing;
    if (!billing) return;
    const skus = new Map(ctx.model.skus.map((s) => [s.code, s]));
    const lines = linesByDeal(ctx.data);
    for (const deal of lines.values())
      for (const l of deal) ctx.verdict('q2c.proration', 'OpportunityLineItem', l.id, l.at, prorationProblem(l));
    for (const [id, at] of ctx.table('Opportunity')) {
      if (at.record.StageName !== WON) continue;
      ctx.verdict('q2c.billing-anchor', 'Opportunity', id, at, anchorProblem(at.record, billing.anchorWithinDays));
      ctx.verdict('q2c.tax', 'Opportunity', id, at, taxProblem(at.record, billing.taxIdRequiredFor));
      ctx.verdict('q2c.schedule', 'Opportunity', id, at, scheduleProblem(at.record, lines.get(id) ?? [], skus));
    }
  },
};
