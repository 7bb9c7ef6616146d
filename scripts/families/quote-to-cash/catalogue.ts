/** The quote-to-cash page: the SKU catalogue, the ladder, the approval matrix as a reviewer reads it, give/get. */
import {
  INDEX_PAGE,
  lockBadge,
  summaryRow,
  summarySingle,
  type Catalogue,
  type CataloguePage,
} from '../../core/catalogue.ts';
import { bullets, code, heading, href, link, page, table, text, type Cell } from '../../core/markdown.ts';
import type { PricingDef, QuoteToCashModel, SkuDef } from './builders.ts';
import { requiredLevel } from './pricing.ts';
import { QUOTE_TO_CASH_PAGE } from './page.ts';
import { signatureBlocks, type SignatureModel } from './signature-catalogue.ts';

type Cat = Catalogue<QuoteToCashModel & SignatureModel>;
const FROM = QUOTE_TO_CASH_PAGE;
const money = (n: number) => n.toLocaleString('en-US');

function skuTable(skus: readonly SkuDef[]): string {
  return table(
    ['SKU', 'Product', 'Role', 'List / unit / year', 'Floor', 'Ceiling', 'Entitlements', 'Sold with'],
    skus.map((s) => [
      code(s.code),
      text(s.label),
      s.role,
      money(s.listPrice),
      money(s.floor),
      money(s.ceiling),
      text(s.entitlements.join('; ')),
      s.requires?.length ? s.requires.map(code).join(', ') : '',
    ]),
  );
}

function ladderTable(pricing: PricingDef): string {
  const { ladder } = pricing;
  return table(
    ['Segment', ...ladder.bands.map((b) => text(b.label))],
    Object.entries(ladder.max).map(([segment, row]) => [
      segment === ladder.fallbackSegment ? `${code(segment)} (and accounts without a segment)` : code(segment),
      ...row.map((m) => `${m} %`),
    ]),
  );
}

function matrixTable(pricing: PricingDef): string {
  const { levels } = pricing.approvals;
  return table(
    [
      'Step',
      'Approver (Opportunity field)',
      'Needed when the discount is above the ladder by more than',
      'or an above-ladder discount on ARR from',
      'or these terms are non-standard',
    ],
    levels.map((l, i) => [
      `${i + 1}. ${text(l.label)}`,
      code(l.approverField),
      `${l.aboveLadderBy} points`,
      l.arrFrom === undefined ? '' : money(l.arrFrom),
      (l.terms ?? []).map((t) => text(t.label)).join('; '),
    ]),
  );
}

/** Who approves, per segment: discount (rows) × ARR (columns), standard terms. */
function whoApproves(pricing: PricingDef, segment: string): string {
  const points = [
    ...new Set([
      ...pricing.ladder.bands.map((b) => b.arrFrom),
      ...pricing.approvals.levels.flatMap((l) => (l.arrFrom === undefined ? [] : [l.arrFrom])),
    ]),
  ].sort((a, b) => a - b);
  const discounts = [10, 20, 25, 30, 35, 40, 50, 60];
  const rows: Cell[][] = discounts.map((d) => [
    `${d} %`,
    ...points.map((arr) => {
      const need = requiredLevel(pricing, { segment, arr, discount: d, record: {} });
      return need ? need.level.label : '—';
    }),
  ]);
  return table(['Discount \\ ARR from', ...points.map(money)], rows);
}

function giveGetTable(pricing: PricingDef): string {
  const { giveGet } = pricing;
  return table(
    ['Concession (give)', 'Gets that pay for it'],
    Object.entries(giveGet.gets).map(([type, gets]) => [
      text(type),
      gets.includes('*') ? 'any get' : gets.map(text).join(', '),
    ]),
  );
}

export function renderQuoteToCashPage(cat: Cat): CataloguePage {
  const { skus, pricing } = cat.model;
  const blocks: (string | undefined)[] = [
    heading(1, 'Quote to cash'),
    `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Quote to cash`,
    'One SKU catalogue for CRM, CPQ and billing (blueprint 000 §4): each SKU is a Product2 with a price book entry in the seed data; a deal sells it as opportunity products. `revops quote check --dataset DIR` checks a dataset against everything on this page.',
    heading(2, 'SKU catalogue'),
    skus.length ? skuTable(skus) : 'The model defines no SKU.',
    'Bundle rules: a deal sells exactly one base package per contract year; an add-on sells only with one of the packages it names; unit prices stay between floor and ceiling (below the floor is refused, never approved).',
  ];
  if (pricing) {
    const m = pricing.approvals;
    blocks.push(
      pricing.locked ? lockBadge('pricing') : undefined,
      heading(2, 'Discount ladder (segment × ARR band)'),
      'The largest discount a deal may give without approval.',
      ladderTable(pricing),
      heading(2, 'Approval matrix'),
      `Approval process ${code(`Opportunity.${m.name}`)} (${text(m.label)}): submitted by the deal owner when ${code('Approval_Level_Required__c')} is not "None"; the steps run in order, each up to the level the deal needs. The decision is written to ${code(m.statusField)} and the highest level that approved to ${code(m.approvedLevelField)}. A deal at ${m.enforcedAt.map(code).join(' or ')} must hold the approval it needs.`,
      matrixTable(pricing),
      ...Object.keys(pricing.ladder.max).flatMap((segment) => [
        heading(3, `Who approves: ${segment}, standard terms`),
        whoApproves(pricing, segment),
      ]),
      heading(2, 'Give/get matrix'),
      `A concession is recorded with the get that pays for it (${code(`${pricing.giveGet.object}.${pricing.giveGet.getField}`)}); the validation rule refuses any other. The get must be real on the deal:`,
      bullets(Object.entries(pricing.giveGet.evidence).map(([get, e]) => `${text(get)}: ${text(e.label)}`)),
      giveGetTable(pricing),
      heading(2, 'Quote-to-cash checks before a deal closes'),
      bullets([
        'Proration: each opportunity product bills quantity × annual unit price × the share of the year its service period covers (whole months, then days / 30).',
        `Billing anchor date: set, on or after the contract start, and within ${pricing.billing.anchorWithinDays} days of it.`,
        `Tax: a tax treatment on every won deal; ${pricing.billing.taxIdRequiredFor.map(text).join(' and ')} also need the customer's tax ID.`,
        'Schedule: the service periods of each SKU follow each other without gap or overlap from the contract start to its end (revenue-recognition safe for multi-year and ramp deals).',
      ]),
    );
  }
  blocks.push(
    ...signatureBlocks(cat.model, FROM),
    heading(2, 'What only an org can prove'),
    bullets([
      'The approval process in action: submission, routing to the approver fields (Opportunity does not support queues, so each level is a User lookup on the deal that the deal desk fills), the step entry criteria and the field updates.',
      'That the field updates of the approval process set the decision without tripping the validation rules that keep reps from deciding themselves.',
      'Price book entries in the standard price book (the seed leaves Pricebook2Id to the loader) and opportunity products saved against them.',
      'The Contract created at signature: the simulator does not create records, so the flow’s offline cases (and its generated Apex test) cover the saves that create none; that accepting a quote creates exactly one Draft contract with its terms, signer and dates, and a refused acceptance none, is the hand-written Apex test `QuoteSignatureContractTest`, run in an org.',
    ]),
  );
  return { path: FROM, content: page(blocks) };
}

export const quoteToCashIndex = (cat: Cat) => ({
  links: [
    `${link('Quote to cash', href(INDEX_PAGE, FROM))}: SKU catalogue, discount ladder, approval matrix, give/get`,
  ],
  summary: [
    summaryRow('SKUs', cat.model.skus, FROM),
    summarySingle(
      'Approval matrix levels',
      cat.model.pricing && { locked: cat.model.pricing.locked, length: cat.model.pricing.approvals.levels.length },
      FROM,
    ),
  ],
});
