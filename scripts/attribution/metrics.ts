/**
 * Marketing metrics over a dataset: CAC and CAC payback by channel and segment (campaign spend,
 * credited new customers), MQL → SQL by source, and the marketing ↔ sales SLAs of blueprint 002
 * phase 7 that the data can show.
 */
import type { LeadRow, OpportunityRow } from './dataset.ts';
import type { OpportunityCredit, Rollup } from './credit.ts';
import type { AttributionView } from './model-view.ts';

/** CAC payback divides by gross-margin-adjusted new MRR; the dataset holds no cost of revenue. */
export const GROSS_MARGIN = 0.8;

export interface CacRow {
  readonly key: string;
  readonly spend: number;
  /** New customers credited (fractional under multi-touch models). */
  readonly customers: number;
  readonly cac: number | null;
  readonly newArr: number;
  readonly paybackMonths: number | null;
}

const money = (cents: bigint) => Number(cents) / 100;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function cacRow(key: string, spend: number, customers: number, newArr: number): CacRow {
  // No spend recorded (sales-led channels: their cost is not campaign data) is no CAC, not a CAC of 0.
  const cac = customers > 0 && spend > 0 ? spend / customers : null;
  const mrrPerCustomer = customers > 0 ? newArr / customers / 12 : 0;
  return {
    key,
    spend: round(spend),
    customers: round(customers, 3),
    cac: cac === null ? null : round(cac),
    newArr: round(newArr),
    paybackMonths: cac === null || mrrPerCustomer <= 0 ? null : round(cac / (mrrPerCustomer * GROSS_MARGIN), 1),
  };
}

export function cacByChannel(rollup: Rollup): CacRow[] {
  return [...rollup.channels.values()].map((c) =>
    cacRow(c.channel, money(c.spendCents), Number(c.customerMillionths) / 1e6, money(c.newArrCents)),
  );
}

/**
 * CAC by segment: each channel's spend is shared among segments in proportion to the new
 * customers the channel is credited with in each segment; spend of a channel with no credited
 * customer stays unallocated (reported as its own row).
 */
export function cacBySegment(
  rollup: Rollup,
  won: readonly OpportunityCredit[],
  segmentOf: (opportunity: string) => string,
  isNewCustomer: (opportunity: string) => boolean,
): CacRow[] {
  const perChannel = new Map<string, Map<string, { customers: number; arr: number }>>();
  for (const w of won) {
    if (!isNewCustomer(w.opportunity) || w.amountCents <= 0n) continue;
    const segment = segmentOf(w.opportunity);
    for (const c of w.credits) {
      const bySegment = perChannel.get(c.channel) ?? new Map<string, { customers: number; arr: number }>();
      const cell = bySegment.get(segment) ?? { customers: 0, arr: 0 };
      cell.customers += Number(c.cents) / Number(w.amountCents);
      cell.arr += money(c.cents);
      bySegment.set(segment, cell);
      perChannel.set(c.channel, bySegment);
    }
  }
  const totals = new Map<string, { spend: number; customers: number; arr: number }>();
  let unallocated = 0;
  for (const ch of rollup.channels.values()) {
    const bySegment = perChannel.get(ch.channel);
    const customers = [...(bySegment?.values() ?? [])].reduce((s, c) => s + c.customers, 0);
    if (customers <= 0) unallocated += money(ch.spendCents);
    for (const [segment, cell] of bySegment ?? []) {
      const t = totals.get(segment) ?? { spend: 0, customers: 0, arr: 0 };
      t.spend += customers > 0 ? (money(ch.spendCents) * cell.customers) / customers : 0;
      t.customers += cell.customers;
      t.arr += cell.arr;
      totals.set(segment, t);
    }
  }
  const rows = [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, t]) => cacRow(s, t.spend, t.customers, t.arr));
  if (unallocated > 0) rows.push(cacRow('(spend with no credited customer)', unallocated, 0, 0));
  return rows;
}

export interface ConversionRow {
  readonly source: string;
  readonly channel: string;
  readonly mqls: number;
  readonly sqls: number;
  readonly rate: number | null;
}

/** MQL → SQL by original source: leads that reached MQL, and of them those that reached SQL (or converted). */
export function mqlToSqlBySource(leads: readonly LeadRow[], view: AttributionView, sqlStatuses: ReadonlySet<string>) {
  const rows = new Map<string, { mqls: number; sqls: number }>();
  for (const l of leads) {
    if (l.mqlAt === null) continue;
    const channel = l.originalSource ?? '(none)';
    const row = rows.get(channel) ?? { mqls: 0, sqls: 0 };
    row.mqls++;
    if (sqlStatuses.has(l.status)) row.sqls++;
    rows.set(channel, row);
  }
  return [...rows]
    .map(([channel, r]): ConversionRow => ({
      source: view.sourceOf(channel),
      channel,
      mqls: r.mqls,
      sqls: r.sqls,
      rate: r.mqls ? round(r.sqls / r.mqls, 3) : null,
    }))
    .sort((a, b) => a.source.localeCompare(b.source) || a.channel.localeCompare(b.channel));
}

export const isNewBusiness = (o: OpportunityRow) => o.type === 'New Customer';
