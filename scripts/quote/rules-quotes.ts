/**
 * Quote checks (blueprint 001 Epic 4, issue 17 "Quotes"): every won deal that sells products was
 * signed on one accepted quote; the quote is on its segment's standard terms, sells exactly what the
 * deal sells, on a schedule revenue recognition can follow, and its terms are the contract's.
 */
import { addMonths, parseDate } from '../dsl/index.ts';
import { segmentTerms, termsFor } from '../../model/quote-to-cash/segment-terms.ts';
import { linesByDeal, ref, type Line, type Located } from './load.ts';
import type { QuoteContext, RuleModule } from './types.ts';

const WON = 'Closed Won';
const ACCEPTED = 'Accepted';

type Row = Readonly<Record<string, unknown>>;

/** Quote lines by quote External_Id__c, with their SKU (through the product). */
function linesByQuote(ctx: QuoteContext): Map<string, Line[]> {
  const byQuote = new Map<string, Line[]>();
  for (const [id, at] of ctx.table('QuoteLineItem')) {
    const quote = ref(at.record.Quote);
    if (!quote) continue;
    const entry = ctx.get('PricebookEntry', ref(at.record.PricebookEntry));
    const product = ctx.get('Product2', ref(at.record.Product2) ?? ref(entry?.record.Product2));
    const sku = (product?.record.ProductCode as string | undefined) ?? null;
    byQuote.set(quote, [...(byQuote.get(quote) ?? []), { id, at, sku }]);
  }
  return byQuote;
}

const lineKey = (l: Line) => {
  const r = l.at.record;
  return [l.sku, r.Contract_Year__c, r.Quantity, r.UnitPrice, r.ServiceDate, r.End_Date__c].map(String).join('|');
};
const describe = (key: string) => {
  const [sku, year, qty, price, from, to] = key.split('|');
  return `${sku} year ${year}: ${qty} × ${price} for ${from}..${to}`;
};

/** The quote's lines against the deal's opportunity products, line for line. */
function matchProblem(quoteLines: readonly Line[], dealLines: readonly Line[]): string | undefined {
  if (!quoteLines.length) return 'the accepted quote has no lines';
  const left = new Map<string, number>();
  for (const l of dealLines) left.set(lineKey(l), (left.get(lineKey(l)) ?? 0) + 1);
  const extra: string[] = [];
  for (const l of quoteLines) {
    const n = left.get(lineKey(l)) ?? 0;
    if (n) left.set(lineKey(l), n - 1);
    else extra.push(lineKey(l));
  }
  const missing = [...left].flatMap(([k, n]) => Array<string>(n).fill(k));
  if (!extra.length && !missing.length) return undefined;
  const parts = [
    extra.length ? `quoted but not sold: ${extra.map(describe).join('; ')}` : '',
    missing.length ? `sold but not quoted: ${missing.map(describe).join('; ')}` : '',
  ];
  return `the quote is not the deal's products (${parts.filter(Boolean).join('; ')})`;
}

function termsProblem(quote: Row, deal: Row, account: Row | undefined): string | undefined {
  const expected = termsFor(
    segmentTerms,
    (account?.Segment__c as string | null) ?? null,
    (account?.Industry as string | null) ?? null,
  );
  if (quote.Standard_Terms__c !== expected)
    return `Standard_Terms__c "${String(quote.Standard_Terms__c)}" is not the paper of the account's segment (${String(account?.Segment__c)}, ${String(account?.Industry)}): "${expected}"`;
  if (quote.Special_Terms__c && deal.Non_Standard_Terms__c !== true)
    return 'Special_Terms__c is filled but the deal is not marked Non_Standard_Terms__c (the CRO has not approved terms off our paper)';
  return undefined;
}

const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

/** One SKU's periods: contiguous from the contract start, a year at most each, numbered by year, one price. */
function skuScheduleProblem(sku: string, rows: Row[], start: number, end: number): string | undefined {
  let next = start;
  for (const [k, r] of rows.entries()) {
    if (!r.ServiceDate || !r.End_Date__c) return `${sku}: a line has no service period`;
    const from = parseDate(r.ServiceDate as string);
    const to = parseDate(r.End_Date__c as string);
    if (from !== next) return `${sku}: year ${String(r.Contract_Year__c)} starts ${day(from)}, expected ${day(next)}`;
    if (r.Contract_Year__c !== k + 1)
      return `${sku}: the line starting ${day(from)} is contract year ${String(r.Contract_Year__c)}, expected ${k + 1}`;
    if (to < from || to >= addMonths(from, 12))
      return `${sku}: the period ${day(from)}..${day(to)} is not within one year`;
    if (r.UnitPrice !== rows[0]!.UnitPrice)
      return `${sku}: year ${k + 1} is priced ${String(r.UnitPrice)}, year 1 ${String(rows[0]!.UnitPrice)} (a discount moved between years shifts revenue; the price stays, quantities ramp)`;
    next = to + 1;
  }
  return next === end ? undefined : `${sku}: the periods end ${day(next - 1)}, the term ends ${day(end - 1)}`;
}

/** The quote's schedule as revenue recognition needs it; a ramp only grows, and says so. */
function scheduleProblem(quote: Row, deal: Row, lines: readonly Line[]): string | undefined {
  const start = deal.Contract_Start_Date__c as string | null;
  const term = quote.Term_Months__c as number | null;
  if (!start || !term) return 'the quote needs Term_Months__c and its deal Contract_Start_Date__c';
  if (term !== deal.Term_Months__c) return `Term_Months__c ${term} is not the deal's ${String(deal.Term_Months__c)}`;
  const bySku = new Map<string, Row[]>();
  for (const l of lines) bySku.set(l.sku ?? '?', [...(bySku.get(l.sku ?? '?') ?? []), l.at.record]);
  let ramps = false;
  for (const [sku, rows] of bySku) {
    rows.sort((a, b) => String(a.ServiceDate).localeCompare(String(b.ServiceDate)));
    const problem = skuScheduleProblem(sku, rows, parseDate(start), addMonths(parseDate(start), term));
    if (problem) return problem;
    for (let k = 1; k < rows.length; k++) {
      const [before, after] = [rows[k - 1]!.Quantity as number, rows[k]!.Quantity as number];
      if (after < before)
        return `${sku}: quantity falls from ${before} to ${after} in year ${k + 1} (a ramp only grows)`;
      if (after > before) ramps = true;
    }
  }
  if (ramps !== (quote.Ramp__c === true))
    return ramps ? 'quantities grow by year but Ramp__c is not set' : 'Ramp__c is set but no quantity grows by year';
  return undefined;
}

/** The contract the deal signed carries the quote's terms. */
function contractProblem(quote: Row, contract: Row | undefined): string | undefined {
  if (!contract) return "the deal's signed contract is not in the dataset";
  const pairs: [string, unknown, unknown][] = [
    ['term months', quote.Term_Months__c, contract.ContractTerm],
    ['renewal type', quote.Renewal_Type__c, contract.Renewal_Type__c],
    ['uplift %', quote.Uplift_Percent__c ?? null, contract.Uplift_Percent__c ?? null],
    ['uplift cap %', quote.Uplift_Cap_Percent__c ?? null, contract.Uplift_Cap_Percent__c ?? null],
    ['standard terms', quote.Standard_Terms__c ?? null, contract.Standard_Terms__c ?? null],
    ['payment terms', quote.Payment_Terms__c ?? null, contract.Payment_Terms__c ?? null],
    ['billing frequency', quote.Billing_Frequency__c ?? null, contract.Billing_Frequency__c ?? null],
    ['signed date', quote.Signed_Date__c ?? null, contract.CustomerSignedDate ?? null],
    ['signer', ref(quote.Contact), ref(contract.CustomerSigned)],
  ];
  const off = pairs.filter(([, q, c]) => q !== c);
  return off.length
    ? `the contract does not carry the quote's terms: ${off.map(([n, q, c]) => `${n} ${String(q)} on the quote, ${String(c)} on the contract`).join('; ')}`
    : undefined;
}

function acceptedQuotes(ctx: QuoteContext): Map<string, [string, Located][]> {
  const byDeal = new Map<string, [string, Located][]>();
  for (const [id, at] of ctx.table('Quote')) {
    const deal = ref(at.record.Opportunity);
    if (deal && at.record.Status === ACCEPTED) byDeal.set(deal, [...(byDeal.get(deal) ?? []), [id, at]]);
  }
  return byDeal;
}

export const quoteRules: RuleModule = {
  rules: [
    { id: 'quote.accepted', description: 'Each won deal that sells products was signed on exactly one accepted quote' },
    {
      id: 'quote.matches-deal',
      description: "The accepted quote's lines are the deal's opportunity products, line for line",
    },
    {
      id: 'quote.segment-terms',
      description:
        "Quotes are on the standard terms of the account's segment; special terms only when the CRO approved non-standard terms",
    },
    {
      id: 'quote.schedule',
      description:
        'Quote lines follow each other a year at a time over the term, one price per SKU; a ramp only grows and is flagged',
    },
    {
      id: 'quote.contract-terms',
      description:
        "The deal's signed contract carries the accepted quote's terms (term, paper, payment, billing, renewal type, uplift and its cap), its signer and signed date",
    },
  ],
  run(ctx: QuoteContext) {
    if (!ctx.data.tables.has('Quote')) return;
    const accepted = acceptedQuotes(ctx);
    const dealLines = linesByDeal(ctx.data);
    const quoteLines = linesByQuote(ctx);
    for (const [id, at] of ctx.table('Opportunity')) {
      if (at.record.StageName !== WON || !dealLines.get(id)?.length) continue;
      const quotes = accepted.get(id) ?? [];
      ctx.verdict(
        'quote.accepted',
        'Opportunity',
        id,
        at,
        quotes.length === 1
          ? undefined
          : `${quotes.length} accepted quotes (${quotes.map(([q]) => q).join(', ') || 'none'}), expected one`,
      );
    }
    for (const [dealId, quotes] of accepted) {
      const deal = ctx.get('Opportunity', dealId);
      if (!deal) continue;
      const account = ctx.get('Account', ref(deal.record.Account))?.record;
      const contract = ctx.get('Contract', ref(deal.record.Signed_Contract__r))?.record;
      for (const [id, at] of quotes) {
        const lines = quoteLines.get(id) ?? [];
        ctx.verdict('quote.matches-deal', 'Quote', id, at, matchProblem(lines, dealLines.get(dealId) ?? []));
        ctx.verdict('quote.segment-terms', 'Quote', id, at, termsProblem(at.record, deal.record, account));
        ctx.verdict('quote.schedule', 'Quote', id, at, scheduleProblem(at.record, deal.record, lines));
        ctx.verdict('quote.contract-terms', 'Quote', id, at, contractProblem(at.record, contract));
      }
    }
  },
};
