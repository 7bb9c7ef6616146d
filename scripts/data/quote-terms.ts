/** A deal's commercial terms in the seed: its ladder, how it is sold (years, ramp, add-ons), payment, billing and tax. */
import { ladderMax } from '../dsl/index.ts';
import { segmentTerms, termsFor } from '../../model/quote-to-cash/segment-terms.ts';
import { VERTICAL_INDUSTRY } from './vocabulary.ts';
import type { DealStory } from './deal-stories.ts';
import type { Values } from './values.ts';
import { rngFor, type Base } from './world.ts';

/** The ladder of a deal's segment and ARR band (percent). */
export const ladderOf = (world: Base, story: DealStory): number =>
  world.model.pricing
    ? ladderMax(world.model.pricing.ladder, story.profile.segment, story.arr)
    : world.ladder[story.profile.segment];

/** How a won deal is sold: contract years, ramp, premium support. */
export function lineShape(world: Base, story: DealStory): { years: number; ramp: boolean; support: boolean } {
  const rng = rngFor(world, 'quote-lines', story.index);
  const years = Math.max(1, Math.ceil(story.termMonths / 12));
  const ramp = years > 1 && rng.bool(0.4);
  const support =
    rng.bool(0.3) &&
    !!world.model.skus
      .find((s) => s.code === 'Support:Premium:Account')
      ?.requires?.some((r) => r === `${story.family}:${story.pkg}` || r === story.family);
  return { years, ramp, support };
}

export const lineCount = (world: Base, story: DealStory): number => {
  if (story.outcome !== 'won' || story.renewal) return 0;
  const shape = lineShape(world, story);
  return shape.years * (shape.support ? 2 : 1);
};

/** Payment, billing and tax terms of a deal: blank until the deal reaches its contract terms (`agreed`). */
export function dealTerms(world: Base, story: DealStory, agreed = true): Values {
  if (!agreed)
    return {
      Payment_Terms__c: null,
      Billing_Frequency__c: null,
      Non_Standard_Terms__c: false,
      Ramp__c: false,
      Billing_Anchor_Date__c: null,
      Tax_Treatment__c: null,
      Tax_Id__c: null,
    };
  const rng = rngFor(world, 'quote-terms', story.index);
  const segment = story.profile.segment;
  const multiYear = story.termMonths >= 24;
  const won = story.outcome === 'won' && !story.renewal;
  const tax =
    story.profile.vertical === 'Public Sector'
      ? 'Exempt'
      : story.profile.geo === 'EMEA' && rng.bool(0.4)
        ? 'Reverse Charge'
        : 'Taxable';
  return {
    Payment_Terms__c: segment === 'ENT' && rng.bool(0.15) ? 'Net 60' : 'Net 30',
    Billing_Frequency__c:
      multiYear && rng.bool(0.3)
        ? 'Multi-Year Prepaid'
        : segment === 'SMB' && rng.bool(0.2)
          ? 'Quarterly in Advance'
          : 'Annual in Advance',
    Non_Standard_Terms__c: segment === 'ENT' && rng.bool(0.08),
    Ramp__c: won ? lineShape(world, story).ramp : false,
    Billing_Anchor_Date__c: won ? story.contractStartDay : null,
    Tax_Treatment__c: won ? tax : null,
    Tax_Id__c: won && tax !== 'Taxable' ? `TAX-${String(story.index).padStart(8, '0')}` : null,
  };
}

/** The paper a deal is signed on: its segment's standard terms (the public sector's own, whatever its size). */
export const paperOf = (story: DealStory): string =>
  termsFor(segmentTerms, story.profile.segment, VERTICAL_INDUSTRY[story.profile.vertical] ?? null);
