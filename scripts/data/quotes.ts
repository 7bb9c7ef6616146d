/**
 * The commercial half of the seed (issue 17): the SKU catalogue as Product2 and price book
 * entries, the terms of a deal (payment, billing, tax, ramp), and the opportunity products of
 * won deals — one line per SKU and contract year, priced at the deal's discount and prorated.
 */
import { addMonths, billedAmount, type SkuDef } from '../dsl/index.ts';
import type { Day } from './calendar.ts';
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import { contractStory, oppStory, type DealStory } from './deal-stories.ts';
import { lineCount, lineShape, paperOf } from './quote-terms.ts';
import { committeeContact, opportunityValues } from './opportunities.ts';
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

/** One SKU for one service period of a deal, as both its opportunity product and its quote line carry it. */
interface ScheduleLine {
  readonly sku: SkuDef;
  readonly year: number;
  readonly first: Day;
  readonly last: Day;
  readonly quantity: number;
  readonly unit: number;
}

/** A won deal's schedule: one line per SKU and contract year, priced at the deal's discount (never under the floor). */
function dealSchedule(world: World, story: DealStory, deal: Values): ScheduleLine[] {
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
  const lines: ScheduleLine[] = [];
  for (let y = 0; y < shape.years; y++) {
    const first = addMonths(start, 12 * y);
    const last = Math.min(addMonths(start, 12 * (y + 1)), addMonths(start, story.termMonths)) - 1;
    for (const item of items) {
      const sku = skuOf(world, item.code);
      if (!sku) continue;
      const unit = Math.max(sku.floor, Math.round(sku.listPrice * (1 - discount / 100) * 100) / 100);
      lines.push({ sku, year: y + 1, first, last, quantity: item.quantity(y), unit });
    }
  }
  return lines;
}

const dealNumber = (deal: Values) => String(deal[EXTERNAL_ID_FIELD]).split('-').pop()!;
export const quoteId = (deal: Values) => `QUO-${dealNumber(deal)}`;

function* dealLines(world: World, story: DealStory, deal: Values): Generator<Values> {
  let n = 0;
  for (const l of dealSchedule(world, story, deal))
    yield {
      [EXTERNAL_ID_FIELD]: `OLI-${dealNumber(deal)}-${++n}`,
      OpportunityId: deal[EXTERNAL_ID_FIELD],
      PricebookEntryId: priceBookEntryId(l.sku.code),
      Quantity: l.quantity,
      UnitPrice: l.unit,
      ServiceDate: l.first,
      Description: `${l.sku.label}, contract year ${l.year}`,
      End_Date__c: l.last,
      Contract_Year__c: l.year,
      Billed_Amount__c: billedAmount(l.quantity, l.unit, l.first, l.last),
    };
}

/** Won new-business deals that sell products, with their story and field values. */
function* soldDeals(world: World): Generator<{ story: DealStory; deal: Values }> {
  const { plan } = world;
  for (let a = 0; a < plan.accounts; a++) {
    const profile = accountProfile(world, a);
    for (let i = plan.oppStart[a]!; i < plan.oppStart[a + 1]!; i++) {
      const story = oppStory(world, i, profile);
      if (!lineCount(world, story)) continue;
      yield { story, deal: opportunityValues(world, story, rngFor(world, 'opportunity-fields', i)) };
    }
  }
}

/** Opportunity products of every won new-business deal. */
export function* lineItemRecords(world: World): Generator<Values> {
  for (const { story, deal } of soldDeals(world)) yield* dealLines(world, story, deal);
}

/**
 * The accepted quote of every won new-business deal: on its segment's standard terms, signed by the
 * contact who signed the contract, carrying the terms the contract records (term, ramp, payment,
 * billing, renewal type, uplift and its cap) and special terms only where the CRO approved them.
 */
export function* quoteRecords(world: World): Generator<Values> {
  for (const { story, deal } of soldDeals(world)) {
    const contract = contractStory(world, story);
    const rng = rngFor(world, 'quote', story.index);
    yield {
      [EXTERNAL_ID_FIELD]: quoteId(deal),
      Name: `${String(deal.Name)} - Order Form`.slice(0, 255),
      OpportunityId: deal[EXTERNAL_ID_FIELD],
      ContactId: committeeContact(world, story.account, 0),
      Status: 'Accepted',
      Description: null,
      ExpirationDate: story.closeDay + rng.int(0, 21),
      Standard_Terms__c: paperOf(story),
      Term_Months__c: story.termMonths,
      Ramp__c: deal.Ramp__c === true,
      Payment_Terms__c: deal.Payment_Terms__c,
      Billing_Frequency__c: deal.Billing_Frequency__c,
      Renewal_Type__c: contract.renewalType,
      Uplift_Percent__c: contract.uplift,
      Uplift_Cap_Percent__c: contract.cap,
      Signed_Date__c: story.closeDay,
      Special_Terms__c: deal.Non_Standard_Terms__c === true ? rng.pick(SPECIAL_TERMS) : null,
    };
  }
}

/** Customer asks the CRO approved (non-standard legal terms): short, never a contract in a text field. */
const SPECIAL_TERMS = [
  'Liability cap at 2x annual fees (standard: 1x).',
  "Customer's data processing addendum in place of ours.",
  'Termination for convenience after year 1 with 90 days notice.',
  'Governing law: England and Wales.',
];

/** The lines of each accepted quote: the deal's opportunity products, line for line. */
export function* quoteLineRecords(world: World): Generator<Values> {
  for (const { story, deal } of soldDeals(world)) {
    let n = 0;
    for (const l of dealSchedule(world, story, deal))
      yield {
        [EXTERNAL_ID_FIELD]: `QLI-${dealNumber(deal)}-${++n}`,
        QuoteId: quoteId(deal),
        PricebookEntryId: priceBookEntryId(l.sku.code),
        Product2Id: productId(l.sku.code),
        Quantity: l.quantity,
        UnitPrice: l.unit,
        Discount: null,
        ServiceDate: l.first,
        Description: `${l.sku.label}, contract year ${l.year}`,
        End_Date__c: l.last,
        Contract_Year__c: l.year,
      };
  }
}
