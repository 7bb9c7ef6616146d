/**
 * `revops retention simulate`: the model's retention rules over a dataset, as RetentionJob would
 * apply them on one day (scripts/families/retention/emit.ts is the Apex): a record expires when its
 * clock is before the as-of day less the rule's months (Apex `Date.addMonths`, midnight GMT for a
 * date/time clock) and it meets the rule's condition; a Clear rule takes only records that still
 * hold one of its fields. Rules apply in order, so a later rule sees what an earlier one cleared
 * or deleted. The dataset on disk is never changed.
 */
import { SfError } from '@salesforce/core/sfError';
import { openDataset, readRecords, type DatasetRecord } from '../data/index.ts';
import type { ObjectDef } from '../core/model-types.ts';
import {
  clockIsDateTime,
  conditionOf,
  type ObjectsModel,
  type RetentionModel,
  type RetentionRuleDef,
} from '../families/registry.ts';
import { isStandardObject, standardFields } from '../schema/standard-objects.ts';

export interface RetentionHit {
  readonly rule: string;
  readonly object: string;
  /** The record's External_Id__c (its key in the dataset). */
  readonly record: string;
  readonly action: RetentionRuleDef['action'];
  /** The fields a Clear rule blanks that held a value. */
  readonly fields: readonly string[];
  readonly clock: string;
  readonly why: string;
}

export interface RuleOutcome {
  readonly rule: string;
  readonly object: string;
  readonly action: RetentionRuleDef['action'];
  readonly cutoff: string;
  readonly records: number;
  readonly expired: number;
  /** Records whose clock is blank (they never expire) — all of them when the dataset does not carry the clock (system fields). */
  readonly noClock: number;
  /** Runs of the job (at most 200 records per rule each) this backlog takes. */
  readonly runs: number;
  readonly reason: string;
}

export interface RetentionSimulation {
  readonly dataset: string;
  readonly asOf: string;
  readonly rules: readonly RuleOutcome[];
  readonly hits: readonly RetentionHit[];
}

/** RetentionJob.MAX_RECORDS_PER_RULE. */
export const MAX_RECORDS_PER_RULE = 200;

/** `Date.addMonths` as Apex does it: the same day, or the month's last day when it has fewer. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

const blank = (v: unknown) => v === null || v === undefined || v === '';

function isBooleanField(objects: readonly ObjectDef[], object: string, field: string): boolean {
  const custom = objects.find((o) => o.apiName === object)?.fields[field];
  if (custom) return custom.type === 'Checkbox';
  return isStandardObject(object) && standardFields(object).some((f) => f.name === field && f.type === 'boolean');
}

/** Whether a record meets the rule's condition; a checkbox the dataset leaves out is false, as in the org. */
function meets(rule: RetentionRuleDef, record: DatasetRecord, objects: readonly ObjectDef[]): boolean {
  return rule.where.every((w) => {
    const value = record[w.field] ?? (isBooleanField(objects, rule.object, w.field) ? false : null);
    return value === w.equals;
  });
}

/** Whether the clock is before the cutoff: a day compared as a day, a date/time against midnight GMT. */
function expired(clock: unknown, cutoff: string, dateTime: boolean): boolean {
  if (typeof clock !== 'string') return false;
  return dateTime ? Date.parse(clock) < Date.parse(`${cutoff}T00:00:00Z`) : clock.slice(0, 10) < cutoff;
}

function applyRule(
  rule: RetentionRuleDef,
  records: DatasetRecord[],
  asOf: string,
  objects: readonly ObjectDef[],
): { outcome: RuleOutcome; hits: RetentionHit[]; kept: DatasetRecord[] } {
  const cutoff = addMonths(asOf, -rule.months);
  const dateTime = clockIsDateTime(rule, objects);
  const hits: RetentionHit[] = [];
  const kept: DatasetRecord[] = [];
  for (const record of records) {
    const held = rule.fields.filter((f) => !blank(record[f]));
    const due =
      expired(record[rule.clock], cutoff, dateTime) &&
      meets(rule, record, objects) &&
      (rule.action === 'Delete' || held.length > 0);
    if (due)
      hits.push({
        rule: rule.name,
        object: rule.object,
        record: String(record.External_Id__c ?? '(no external id)'),
        action: rule.action,
        fields: held,
        clock: String(record[rule.clock]),
        why: `${rule.clock} ${String(record[rule.clock]).slice(0, 10)} is before ${cutoff} (${rule.months} months before ${asOf})${rule.where.length ? ` and ${conditionOf(rule)}` : ''}`,
      });
    if (due && rule.action === 'Delete') continue;
    kept.push(due ? { ...record, ...Object.fromEntries(held.map((f) => [f, null])) } : record);
  }
  const outcome: RuleOutcome = {
    rule: rule.name,
    object: rule.object,
    action: rule.action,
    cutoff,
    records: records.length,
    expired: hits.length,
    noClock: records.filter((r) => blank(r[rule.clock])).length,
    runs: Math.ceil(hits.length / MAX_RECORDS_PER_RULE),
    reason: rule.reason,
  };
  return { outcome, hits, kept };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Applies every rule to the dataset as of a day (the dataset's anchor date unless given). */
export async function simulateRetention(
  dir: string,
  model: RetentionModel & ObjectsModel,
  o: { asOf?: string } = {},
): Promise<RetentionSimulation> {
  const dataset = await openDataset(dir);
  const asOf = o.asOf ?? dataset.manifest.anchorDate ?? new Date().toISOString().slice(0, 10);
  if (!DAY.test(asOf) || addMonths(asOf, 0) !== asOf)
    throw new SfError(
      `retention simulate: --as-of must be a day as YYYY-MM-DD, got "${asOf}"`,
      'RetentionAsOfInvalid',
      ['Give --as-of as YYYY-MM-DD, e.g. 2026-12-01'],
    );
  const records = new Map<string, DatasetRecord[]>();
  for (const entry of dataset.manifest.objects) {
    if (!model.retentionRules.some((r) => r.object === entry.sobject)) continue;
    const list: DatasetRecord[] = [];
    for await (const { record } of readRecords(dataset.dir, entry)) list.push(record);
    records.set(entry.sobject, list);
  }
  const outcomes: RuleOutcome[] = [];
  const hits: RetentionHit[] = [];
  for (const rule of model.retentionRules) {
    const result = applyRule(rule, records.get(rule.object) ?? [], asOf, model.objects);
    outcomes.push(result.outcome);
    hits.push(...result.hits);
    records.set(rule.object, result.kept);
  }
  return { dataset: dir, asOf, rules: outcomes, hits };
}
