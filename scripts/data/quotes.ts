/**
 * The commercial half of the seed (issue 17): the SKU catalogue as Product2 and price book
 * entries, the terms of a deal (payment, billing, tax, ramp), and the opportunity products of
 * won deals — one line per SKU and contract year, priced at the deal's discount and prorated.
 */
import { addMonths, billedAmount, type SkuDef } from '../dsl/index.ts';
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import type { DealStory } from './deal-stories.ts';
import { lineCount, lineShape } from './quote-terms.ts';
import { oppStory } from './deal-stories.ts';
import { opportunityValues } from './opportunities.ts';
import { accountProfile } from './profiles.ts';
import type { Values } from './values.ts';
import { rngFor, type Base, type World } from './world.ts';

const skuKey = (code: string) => code.replace(/:/g, '-');
export const productId = (code: string) => `PRD-${skuKey(code)}`;
export const priceBookEntryId = (code: string) => `PBE-${skuKey(code)}`;

export function* productRecords(world: World): Generator<Values> {
  for (const s of world.model.skus) {
    const [family, pkg, metric] = s.code.split(':');
    yield {
      [EXTERNAL_ID_FIELD]: productId(s.code),
      Name: s.label,
      ProductCode: s.code,
      Description: `${s.label} (${s.role === 'addon' ? 'add-on' : 'base package'})`,
      IsActive: true,
      SKU_Family__c: family,
      Package__c: pkg,
      Metric__c: metric,
      Floor_Price__c: s.floor,
      Ceiling_Price__c: s.ceiling,
      Entitlements__c: s.entitlements.join('\n'),
      Sold_With__c: s.requires?.join(', ') ?? null,
    };
  }
}

export function* priceBookEntryRecords(world: World): Generator<Values> {
  for (const s of world.model.skus)
    yield {
      [EXTERNAL_ID_FIELD]: priceBookEntryId(s.code),
      Product2Id: productId(s.code),
      UnitPrice: s.listPrice,
      IsActive: true,
    };
}

function skuOf(world: Base, code: string): SkuDef | undefined {
  return world.model.skus.find((s) => s.code === code);
}

function* dealLines(world: World, story: DealStory, deal: Values): Generator<Values> {
  const shape = lineShape(world, story);
  const start = story.contractStartDay;
  const discount = (deal.Discount_Percent__c as number | null) ?? 0;
  const base = deal.Primary_SKU__c as string;
  const items: { code: string; quantity: (year: number) => number }[] = [
    {
      code: base,
      quantity: (y) =>
        shape.ramp ? Math.max(1, Math.round(story.seats * (0.5 + (0.5 * (y + 1)) / shape.years))) : story.seats,
    },
  ];
  if (shape.support) items.push({ code: 'Support:Premium:Account', quantity: () => 1 });
  let n = 0;
  for (let y = 0; y < shape.years; y++) {
    const first = addMonths(start, 12 * y);
    const last = Math.min(addMonths(start, 12 * (y + 1)), addMonths(start, story.termMonths)) - 1;
    for (const item of items) {
      const sku = skuOf(world, item.code);
      if (!sku) continue;
      const unit = Math.max(sku.floor, Math.round(sku.listPrice * (1 - discount / 100) * 100) / 100);
      const quantity = item.quantity(y);
      yield {
        [EXTERNAL_ID_FIELD]: `OLI-${String(deal[EXTERNAL_ID_FIELD]).split('-').pop()}-${++n}`,
        OpportunityId: deal[EXTERNAL_ID_FIELD],
        PricebookEntryId: priceBookEntryId(sku.code),
        Quantity: quantity,
        UnitPrice: unit,
        ServiceDate: first,
        Description: `${sku.label}, contract year ${y + 1}`,
        End_Date__c: last,
        Contract_Year__c: y + 1,
        Billed_Amount__c: billedAmount(quantity, unit, first, last),
      };
    }
  }
}

/** Opportunity products of every won new-business deal. */
export function* lineItemRecords(world: World): Generator<Values> {
  const { plan } = world;
  for (let a = 0; a < plan.accounts; a++) {
    const profile = accountProfile(world, a);
    for (let i = plan.oppStart[a]!; i < plan.oppStart[a + 1]!; i++) {
      const story = oppStory(world, i, profile);
      if (!lineCount(world, story)) continue;
      const deal = opportunityValues(world, story, rngFor(world, 'opportunity-fields', i));
      yield* dealLines(world, story, deal);
    }
  }
}
