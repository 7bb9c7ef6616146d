/** What a retention rule must be for the job to run it: real fields, a date clock, clearable fields. */
import type { CheckContext } from '../../core/checks.ts';
import type { RetentionModel, RetentionRuleDef } from './builders.ts';

/** Field types a clock may have: the age is counted in days from it. */
const CLOCK_TYPES: ReadonlySet<string> = new Set(['date', 'datetime']);
/** Dynamic SOQL binds in the job compare these types with a literal the test and the simulator write. */
const CONDITION_TYPES: ReadonlySet<string> = new Set([
  'boolean',
  'string',
  'picklist',
  'email',
  'phone',
  'url',
  'textarea',
  'double',
  'int',
  'currency',
  'percent',
]);
/** The most months a rule may wait: ten years, beyond which a rule is a typo (and Apex addMonths still works). */
const MAX_MONTHS = 120;

export function checkRetention(model: RetentionModel, check: CheckContext): void {
  check.unique(
    model.retentionRules,
    (r) => r.name,
    (r) => `RetentionRule ${r.name}`,
    'retention rule',
  );
  for (const rule of model.retentionRules) checkRule(rule, check);
  checkAuditObject(model, check);
}

function checkRule(rule: RetentionRuleDef, check: CheckContext): void {
  const c = `RetentionRule ${rule.name}`;
  check.apiName(rule, c, rule.name);
  const object = check.schema.object(rule.object);
  if (!object) return check.report(rule, c, `unknown object ${rule.object}`);
  const clock = object.field(rule.clock);
  if (!clock) check.report(rule, c, `unknown clock field ${rule.object}.${rule.clock}`);
  else if (!CLOCK_TYPES.has(clock.type))
    check.report(
      rule,
      c,
      `clock ${rule.object}.${rule.clock} is a ${clock.type} field; it must be a date or date/time`,
    );
  if (!Number.isInteger(rule.months) || rule.months < 1 || rule.months > MAX_MONTHS)
    check.report(rule, c, `months must be a whole number from 1 to ${MAX_MONTHS} (got ${rule.months})`);
  for (const w of rule.where) {
    const field = object.field(w.field);
    if (!field) check.report(rule, c, `condition names unknown field ${rule.object}.${w.field}`);
    else if (!CONDITION_TYPES.has(field.type))
      check.report(rule, c, `condition on ${rule.object}.${w.field}: a ${field.type} field cannot be compared`);
  }
  if (rule.action === 'Clear' && rule.fields.length === 0) check.report(rule, c, 'a Clear rule names no fields');
  for (const name of rule.fields) {
    const field = object.field(name);
    if (!field) check.report(rule, c, `clears unknown field ${rule.object}.${name}`);
    else if ((field.length ?? 0) > 255)
      check.report(rule, c, `cannot clear ${rule.object}.${name}: SOQL cannot filter a long text field`);
    else if (!field.nillable || field.calculated)
      check.report(
        rule,
        c,
        `cannot clear ${rule.object}.${name}: it is ${field.calculated ? 'a formula' : 'required'}`,
      );
  }
  if (!rule.reason.trim()) check.report(rule, c, 'a retention rule needs a reason (its legal or business basis)');
  if (rule.sample && !clock?.custom)
    check.report(rule, c, `a sample needs a custom clock field (a test cannot set ${rule.clock})`);
}

/** The job writes these fields of the audit object (model/compliance/audit.ts defines it). */
export const AUDIT_EVENT_FIELDS = [
  'Event_Type__c',
  'Source__c',
  'Target_Object__c',
  'Record_Id__c',
  'Detail__c',
  'Occurred_At__c',
] as const;

export function checkAuditObject(model: RetentionModel, check: CheckContext): void {
  const first = model.retentionRules[0];
  if (!first) return;
  for (const field of AUDIT_EVENT_FIELDS)
    check.fieldExists(first, `ApexClass RetentionJob`, { object: 'Audit_Event__c', field }, 'the retention job');
}
