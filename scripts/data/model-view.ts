/**
 * What the generator reads from the model rather than hard-coding: the stages and their exit
 * criteria, the lead funnel statuses, picklist values, the discount ladder. When the model
 * changes (a stage renamed, a criterion added, a picklist value removed) the dataset follows.
 */
import type { ExitCriterion, RevOpsModel, StageDef } from '../dsl/index.ts';
import type { Schema, SchemaField } from '../schema/types.ts';
import type { SegmentKey } from './benchmarks.ts';

export interface StageView {
  /** Open stages in sales order: a deal at open stage k has passed the exit criteria of 0..k-1. */
  readonly open: readonly StageDef[];
  readonly won: StageDef | undefined;
  /** Closed-not-won stages; `noDecision` is the one for deals that ended without a decision. */
  readonly lost: StageDef | undefined;
  readonly noDecision: StageDef | undefined;
  /** The open stage whose exit criteria name `field`, if any (its "natural" stage). */
  gateOf(field: string): number | undefined;
}

function stageFromName(name: string, closed: boolean, won: boolean): StageDef {
  return { name, probability: won ? 100 : closed ? 0 : 50, forecast: 'Pipeline', closed, won, exit: [] };
}

export function stageView(model: RevOpsModel, schema: Schema): StageView {
  const stages =
    model.opportunityStages?.stages ??
    (schema.object('Opportunity')?.field('StageName')?.picklistValues ?? []).map((name) =>
      stageFromName(name, /closed|lost|no decision/i.test(name), /won/i.test(name)),
    );
  const open = stages.filter((s) => !s.closed);
  const lostStages = stages.filter((s) => s.closed && !s.won);
  const noDecision = lostStages.find((s) => /no.?decision/i.test(s.name));
  const gates = new Map<string, number>();
  open.forEach((s, i) => s.exit.forEach((c: ExitCriterion) => gates.has(c.field.field) || gates.set(c.field.field, i)));
  return {
    open,
    won: stages.find((s) => s.closed && s.won),
    lost: lostStages.find((s) => s !== noDecision) ?? noDecision,
    noDecision: noDecision && lostStages.length > 1 ? noDecision : undefined,
    gateOf: (field) => gates.get(field),
  };
}

export type FunnelStatus = 'mql' | 'sal' | 'sql' | 'nurture' | 'disqualified' | 'converted';

/** The model's lead status for each step of the funnel (by name; the converted one by its flag). */
export function leadStatusView(model: RevOpsModel, schema: Schema): Record<FunnelStatus, string> {
  const names =
    model.leadStatuses?.statuses.map((s) => s.name) ?? schema.object('Lead')?.field('Status')?.picklistValues ?? [];
  const fallback = model.leadStatuses?.statuses.find((s) => s.default)?.name ?? names[0] ?? 'Open';
  const byName = (pattern: RegExp) => names.find((n) => pattern.test(n)) ?? fallback;
  return {
    mql: byName(/^mql$|marketing qualified/i),
    sal: byName(/^sal$|sales accepted/i),
    sql: byName(/^sql$|sales qualified/i),
    nurture: byName(/nurture/i),
    disqualified: byName(/disqualif|unqualified/i),
    converted: model.leadStatuses?.statuses.find((s) => s.converted)?.name ?? byName(/convert/i),
  };
}

/** Discount ladder by segment from the model's custom metadata records (percent). */
export function discountLadder(model: RevOpsModel): Record<SegmentKey, number> {
  const ladder: Record<SegmentKey, number> = { ENT: 25, MM: 20, SMB: 15 };
  for (const record of model.customMetadataRecords) {
    const { Segment__c: segment, Max_Discount__c: max } = record.values;
    if (/ladder/i.test(record.type) && typeof segment === 'string' && typeof max === 'number' && segment in ladder)
      ladder[segment as SegmentKey] = max;
  }
  return ladder;
}

/** Picklist answers for generators that know what they mean but not what the model calls it. */
export class Picklists {
  private readonly schema: Schema;
  constructor(schema: Schema) {
    this.schema = schema;
  }

  field(object: string, field: string): SchemaField | undefined {
    return this.schema.object(object)?.field(field);
  }

  values(object: string, field: string): readonly string[] {
    return this.field(object, field)?.picklistValues ?? [];
  }

  has(object: string, field: string, value: string): boolean {
    return this.values(object, field).includes(value);
  }

  /** The first of `candidates` the picklist has (exact, then case-insensitive substring), else null. */
  prefer(object: string, field: string, ...candidates: string[]): string | null {
    const values = this.values(object, field);
    for (const c of candidates) if (values.includes(c)) return c;
    for (const c of candidates) {
      const hit = values.find((v) => v.toLowerCase().includes(c.toLowerCase()));
      if (hit) return hit;
    }
    return null;
  }
}
