/**
 * The pricing rules evaluated two ways from the same data: as Salesforce formulas (the ladder and
 * the approval level as Opportunity formula fields, the give/get matrix as a validation rule) and
 * over dataset records (`revops quote check`). Percentages are in percent here (30 = 30 %);
 * Salesforce formulas see percent fields as fractions, so the formulas divide by 100.
 */
import type { ApprovalLevelDef, DiscountLadderDef, GiveGetDef, PricingDef, SkuDef } from './builders.ts';

/** The custom metadata record holding one segment's maximum in one band (`ENT_Mid`). */
export const ladderRecordName = (segment: string, band: { name: string }): string => `${segment}_${band.name}`;

/** Index of the band an ARR falls in (a blank ARR is the lowest band, as a formula's blank-as-zero). */
export function bandIndex(ladder: DiscountLadderDef, arr: number | null | undefined): number {
  let index = 0;
  ladder.bands.forEach((band, i) => {
    if ((arr ?? 0) >= band.arrFrom) index = i;
  });
  return index;
}

/** The largest discount (percent) a deal may give without approval. */
export function ladderMax(
  ladder: DiscountLadderDef,
  segment: string | null | undefined,
  arr: number | null | undefined,
): number {
  const row = ladder.max[segment ?? ''] ?? ladder.max[ladder.fallbackSegment]!;
  return row[bandIndex(ladder, arr)]!;
}

/** What decides a deal's approval level. */
export interface DealTerms {
  readonly segment: string | null | undefined;
  readonly arr: number | null | undefined;
  readonly discount: number | null | undefined;
  readonly record: Readonly<Record<string, unknown>>;
}

/** Why a level is needed, in the words of the matrix; empty when it is not. */
export function levelReasons(level: ApprovalLevelDef, ladder: number, deal: DealTerms): string[] {
  const reasons: string[] = [];
  const discount = deal.discount ?? null;
  const above = discount !== null && discount > ladder;
  if (discount !== null && discount - ladder > level.aboveLadderBy)
    reasons.push(
      level.aboveLadderBy
        ? `discount ${discount}% is more than ${level.aboveLadderBy} points above the ladder (${ladder}%)`
        : `discount ${discount}% is above the ladder (${ladder}%)`,
    );
  if (above && level.arrFrom !== undefined && (deal.arr ?? 0) >= level.arrFrom)
    reasons.push(`an above-ladder discount on ARR ${deal.arr} (≥ ${level.arrFrom})`);
  for (const term of level.terms ?? []) if (term.test(deal.record)) reasons.push(term.label);
  return reasons;
}

/** The highest level a deal needs (undefined: no approval needed), and why. */
export function requiredLevel(
  pricing: PricingDef,
  deal: DealTerms,
): { level: ApprovalLevelDef; index: number; reasons: string[] } | undefined {
  const ladder = ladderMax(pricing.ladder, deal.segment, deal.arr);
  const levels = pricing.approvals.levels;
  for (let i = levels.length - 1; i >= 0; i--) {
    const reasons = levelReasons(levels[i]!, ladder, deal);
    if (reasons.length) return { level: levels[i]!, index: i, reasons };
  }
  return undefined;
}

const num = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** Formula of the ladder maximum for an Opportunity (a Percent formula field). */
export function ladderFormula(ladder: DiscountLadderDef, metadataType: string, field: string): string {
  const cell = (segment: string, band: { name: string }) =>
    `$CustomMetadata.${metadataType}.${ladderRecordName(segment, band)}.${field}`;
  const segments = Object.keys(ladder.max).filter((s) => s !== ladder.fallbackSegment);
  const branches = segments.map((s) => `    "${s}", ${bandFormula(ladder, cell, s)},\n`).join('');
  return `CASE(TEXT(Account.Segment__c),\n${branches}    ${bandFormula(ladder, cell, ladder.fallbackSegment)}\n)`;
}

/** Highest band first: `IF(ARR__c >= 500000, large, IF(ARR__c >= 100000, mid, small))`. */
function bandFormula(
  ladder: DiscountLadderDef,
  cell: (segment: string, band: { name: string }) => string,
  segment: string,
): string {
  let formula = cell(segment, ladder.bands[0]!);
  for (const band of ladder.bands.slice(1))
    formula = `IF(ARR__c >= ${num(band.arrFrom)}, ${cell(segment, band)}, ${formula})`;
  return formula;
}

/** Formula (true/false) of "this deal needs `level`", over the ladder formula field. */
export function levelFormula(level: ApprovalLevelDef, ladderField: string): string {
  const above = `AND(NOT(ISBLANK(Discount_Percent__c)), Discount_Percent__c > ${ladderField})`;
  const parts = [
    level.aboveLadderBy
      ? `AND(NOT(ISBLANK(Discount_Percent__c)), Discount_Percent__c - ${ladderField} > ${num(level.aboveLadderBy / 100)})`
      : above,
  ];
  if (level.arrFrom !== undefined) parts.push(`AND(${above}, ARR__c >= ${num(level.arrFrom)})`);
  for (const term of level.terms ?? []) parts.push(term.formula);
  return parts.length === 1 ? parts[0]! : `OR(\n        ${parts.join(',\n        ')}\n    )`;
}

/** The label of the level a deal needs, or "None": a Text formula field. */
export function requiredLevelFormula(pricing: PricingDef, ladderField: string): string {
  return pricing.approvals.levels.reduce(
    (otherwise, level) => `IF(${levelFormula(level, ladderField)}, "${level.label}", ${otherwise})`,
    '"None"',
  );
}

/** Whether a concession's get pays for its type. */
export function getAllowed(
  giveGet: GiveGetDef,
  type: string | null | undefined,
  get: string | null | undefined,
): boolean {
  if (!get) return false;
  const allowed = giveGet.gets[type ?? ''];
  return !!allowed && (allowed.includes('*') || allowed.includes(get));
}

/** Formula (true when the concession lacks a get that pays for it) for a validation rule on the concession. */
export function missingGetFormula(giveGet: GiveGetDef, typeField: string, getField: string): string {
  const branches = Object.entries(giveGet.gets).map(([type, gets]) => {
    const ok = gets.includes('*')
      ? `NOT(ISBLANK(TEXT(${getField})))`
      : `OR(${gets.map((g) => `ISPICKVAL(${getField}, "${g}")`).join(', ')})`;
    return `"${type}", IF(${ok}, 1, 0)`;
  });
  return `CASE(TEXT(${typeField}),\n        ${branches.join(',\n        ')},\n        0\n    ) = 0`;
}

/** The base packages (`Family:Package`) an add-on accepts, or the codes, as a list of SKU codes of the catalogue. */
export function acceptedBases(addon: SkuDef, skus: readonly SkuDef[]): SkuDef[] {
  return skus.filter(
    (s) => s.role === 'base' && (addon.requires ?? []).some((r) => s.code === r || s.code.startsWith(`${r}:`)),
  );
}
