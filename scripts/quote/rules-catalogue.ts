/** Catalogue rules: products match the model's SKUs, prices stay within floor and ceiling, bundles are valid. */
import { acceptedBases, type SkuDef } from '../dsl/index.ts';
import type { QuoteContext, RuleModule } from './types.ts';
import { linesByDeal, ref, type Line } from './load.ts';

const same = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 0.005 : a === b;

function productProblem(record: Record<string, unknown>, sku: SkuDef | undefined): string | undefined {
  if (!sku) return `ProductCode ${JSON.stringify(record.ProductCode)} is not a SKU of the catalogue`;
  const wrong = [
    ['Floor_Price__c', sku.floor],
    ['Ceiling_Price__c', sku.ceiling],
    ['Entitlements__c', sku.entitlements.join('\n')],
  ].filter(([field, value]) => !same(record[field as string], value));
  return wrong.length
    ? `${sku.code} differs from the catalogue: ${wrong.map(([f, v]) => `${f} should be ${JSON.stringify(v)}`).join(', ')}`
    : undefined;
}

function bundleProblem(
  lines: readonly Line[],
  skus: ReadonlyMap<string, SkuDef>,
  all: readonly SkuDef[],
): string | undefined {
  const years = new Map<number, Line[]>();
  for (const l of lines) {
    const year = Number(l.at.record.Contract_Year__c ?? 1);
    years.set(year, [...(years.get(year) ?? []), l]);
  }
  for (const [year, inYear] of [...years].sort(([a], [b]) => a - b)) {
    const bases = inYear.filter((l) => skus.get(l.sku ?? '')?.role === 'base');
    if (bases.length !== 1)
      return `contract year ${year} sells ${bases.length} base packages (${bases.map((l) => l.sku).join(', ') || 'none'}): exactly one`;
    for (const l of inYear) {
      const s = skus.get(l.sku ?? '');
      if (s?.role === 'addon' && !acceptedBases(s, all).some((b) => b.code === bases[0]!.sku))
        return `add-on ${s.code} does not sell with ${bases[0]!.sku} (only with ${(s.requires ?? []).join(', ')})`;
    }
  }
  return undefined;
}

export const catalogueRules: RuleModule = {
  rules: [
    { id: 'catalogue.product', description: 'Products and price book entries match the SKU catalogue of the model' },
    { id: 'catalogue.price', description: 'Opportunity products sell a catalogue SKU within its floor and ceiling' },
    {
      id: 'catalogue.bundle',
      description: 'One base package per contract year; add-ons only with the packages they name',
    },
  ],
  run(ctx: QuoteContext) {
    const skus = new Map(ctx.model.skus.map((s) => [s.code, s]));
    for (const [id, at] of ctx.table('Product2'))
      ctx.verdict(
        'catalogue.product',
        'Product2',
        id,
        at,
        productProblem(at.record, skus.get(at.record.ProductCode as string)),
      );
    for (const [id, at] of ctx.table('PricebookEntry')) {
      const product = ctx.get('Product2', ref(at.record.Product2));
      const s = skus.get(product?.record.ProductCode as string);
      ctx.verdict(
        'catalogue.product',
        'PricebookEntry',
        id,
        at,
        !s
          ? 'the entry prices no catalogue SKU'
          : same(at.record.UnitPrice, s.listPrice)
            ? undefined
            : `list price ${String(at.record.UnitPrice)} is not ${s.code}'s ${s.listPrice}`,
      );
    }
    const lines = linesByDeal(ctx.data);
    for (const deal of lines.values())
      for (const l of deal) {
        const s = skus.get(l.sku ?? '');
        const price = l.at.record.UnitPrice as number;
        ctx.verdict(
          'catalogue.price',
          'OpportunityLineItem',
          l.id,
          l.at,
          !s
            ? `sells ${l.sku ?? 'no product'}, not a catalogue SKU`
            : price < s.floor || price > s.ceiling
              ? `unit price ${price} is outside ${s.code}'s floor ${s.floor} and ceiling ${s.ceiling}`
              : undefined,
        );
      }
    for (const [id, deal] of lines) {
      const at = ctx.get('Opportunity', id);
      if (at) ctx.verdict('catalogue.bundle', 'Opportunity', id, at, bundleProblem(deal, skus, ctx.model.skus));
    }
  },
};
