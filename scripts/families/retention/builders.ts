/**
 * Retention rules (blueprint 000 §9, PII minimisation): how long the model keeps each kind of
 * record or personal field, measured from a date field of the record. A rule either clears
 * fields (the record stays, the personal data goes) or deletes the record; either way an
 * `Audit_Event__c` row records what was done, by which rule, to which record. The generated
 * `RetentionJob` (scheduled Apex) enforces the rules in the org; `revops retention simulate`
 * applies the same rules to a dataset (scripts/compliance/retention-simulate.ts).
 */

/** A condition a record must meet, besides its age: `field = value` (null: the field is blank). */
export interface RetentionCondition {
  readonly field: string;
  readonly equals: string | number | boolean | null;
}

export type RetentionAction = 'Clear' | 'Delete';

export interface RetentionRuleDef {
  readonly kind: 'retentionRule';
  /** The rule's name, as the audit record and the Apex test method name it (`Dormant_Lead_Contact_Data`). */
  readonly name: string;
  readonly object: string;
  /** The date or date/time field the record's age is measured from; a blank clock never expires. */
  readonly clock: string;
  /** How many months after the clock the rule applies. */
  readonly months: number;
  readonly where: readonly RetentionCondition[];
  readonly action: RetentionAction;
  /** Fields a Clear rule blanks (a Delete rule removes the whole record). */
  readonly fields: readonly string[];
  /** Why the data may not be kept longer: the legal or business basis, shown in the catalogue and the simulation. */
  readonly reason: string;
  /**
   * Values of a record the rule applies to, besides the clock: the generated Apex test inserts one
   * expired and one fresh record with them. Omitted when the clock is a system field (a test cannot set it).
   */
  readonly sample?: Readonly<Record<string, string | number | boolean>>;
  readonly locked?: boolean;
}

export interface RetentionModel {
  readonly retentionRules: readonly RetentionRuleDef[];
}

interface RuleOptions {
  object: string;
  clock: string;
  months: number;
  where?: readonly RetentionCondition[];
  reason: string;
  sample?: RetentionRuleDef['sample'];
  locked?: boolean;
}

/** `field = value` for a retention rule's `where`. */
export const whereEquals = (field: string, equals: RetentionCondition['equals']): RetentionCondition => ({
  field,
  equals,
});

/** Blanks `fields` of records whose clock is more than `months` old. */
export const clearAfter = (name: string, o: RuleOptions & { fields: readonly string[] }): RetentionRuleDef => ({
  kind: 'retentionRule',
  name,
  ...o,
  where: o.where ?? [],
  action: 'Clear',
  fields: o.fields,
});

/** Deletes records whose clock is more than `months` old (every field of the object goes with them). */
export const deleteAfter = (name: string, o: RuleOptions): RetentionRuleDef => ({
  kind: 'retentionRule',
  name,
  ...o,
  where: o.where ?? [],
  action: 'Delete',
  fields: [],
});

/** Whether a rule removes this field's data: a Delete rule on its object, or a Clear rule naming it. */
export const ruleCovers = (rule: RetentionRuleDef, object: string, field: string): boolean =>
  rule.object === object && (rule.action === 'Delete' || rule.fields.includes(field));
