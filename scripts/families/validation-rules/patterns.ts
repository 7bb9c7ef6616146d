/**
 * Validation-rule patterns the blueprint uses again and again, so that the model states the
 * intent ("this snapshot is immutable") and the formula is written once, correctly.
 */
import type { FieldRef } from '../../core/model-types.ts';
import type { ValidationRuleDef } from './builders.ts';

interface PatternRule {
  readonly name: string;
  readonly conditions: readonly string[];
  readonly message: string;
  readonly description?: string;
  readonly bypass?: string;
  readonly locked?: boolean;
}

/** A rule on `field`'s object that fires when all conditions hold (unless the user holds `bypass`). */
function fieldRule(field: FieldRef, r: PatternRule): ValidationRuleDef {
  const conditions = [...(r.bypass ? [`NOT($Permission.${r.bypass})`] : []), ...r.conditions];
  return {
    kind: 'validationRule',
    object: field.object,
    name: r.name,
    formula: `AND(\n${conditions.map((c) => `    ${c}`).join(',\n')}\n)`,
    message: r.message,
    errorField: field.field,
    description: r.description,
    active: true,
    locked: r.locked,
  };
}

/**
 * A snapshot field: free to fill while blank, never to change once it holds a value
 * (lead source at first touch, ICP fit at MQL...). Only holders of `bypass` may correct it.
 */
export function immutableOnceSet(
  field: FieldRef,
  o: { name: string; label: string; bypass?: string; picklist?: boolean; locked?: boolean },
): ValidationRuleDef {
  const prior = o.picklist ? `TEXT(PRIORVALUE(${field.field}))` : `PRIORVALUE(${field.field})`;
  return fieldRule(field, {
    ...o,
    conditions: ['NOT(ISNEW())', `ISCHANGED(${field.field})`, `NOT(ISBLANK(${prior}))`],
    message: `${o.label} is a snapshot and cannot change once set. Ask RevOps if it is wrong.`,
    description: `Immutable snapshot: ${field.object}.${field.field} may be filled once and never changed.`,
  });
}

/** `field` must be filled whenever `when` holds; the message says exactly what to do. */
export function requiredWhen(
  field: FieldRef,
  o: {
    name: string;
    when: string;
    message: string;
    bypass?: string;
    blankTest?: string;
    description?: string;
    locked?: boolean;
  },
): ValidationRuleDef {
  return fieldRule(field, { ...o, conditions: [o.when, o.blankTest ?? `ISBLANK(${field.field})`] });
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * An unrestricted picklist held to its values, checked when the value is set or changed (never
 * on an unrelated edit of a record that holds an old value). Lead conversion maps only onto
 * unrestricted picklists, so a mapped target is governed by this rule instead of the restriction.
 */
export function allowedValues(
  field: FieldRef,
  o: { name: string; label: string; values: readonly string[]; bypass?: string; locked?: boolean },
): ValidationRuleDef {
  return fieldRule(field, {
    ...o,
    conditions: [
      `OR(ISNEW(), ISCHANGED(${field.field}))`,
      `NOT(ISBLANK(TEXT(${field.field})))`,
      `CASE(TEXT(${field.field}), ${o.values.map((v) => `${quote(v)}, 0`).join(', ')}, 1) = 1`,
    ],
    message: `${o.label} must be one of: ${o.values.join(', ')}.`,
    description: `${field.object}.${field.field} is an unrestricted picklist (a lead-convert target); this rule keeps it to its values.`,
  });
}

/**
 * A field that may not change while `when` holds on the saved record (a won deal's booked
 * terms...): any change is blocked, a save that leaves the field alone never is. Only holders of
 * `bypass` may correct it.
 */
export function unchangeableWhen(
  field: FieldRef,
  o: { name: string; when: string; message: string; bypass?: string; description?: string; locked?: boolean },
): ValidationRuleDef {
  return fieldRule(field, { ...o, conditions: ['NOT(ISNEW())', o.when, `ISCHANGED(${field.field})`] });
}

/**
 * A number held to its range (`min`, `max` or both), checked when it is entered or changed, so a
 * record created before the rule is never blocked on an unrelated edit. Blank passes.
 */
export function withinRange(
  field: FieldRef,
  o: { name: string; label: string; min?: number; max?: number; percent?: boolean; bypass?: string; locked?: boolean },
): ValidationRuleDef {
  // A formula reads a percent field as a fraction (30 % is 0.3); bounds are written in percent.
  const bound = (n: number) => (o.percent ? String(n / 100) : String(n));
  const out = [
    ...(o.min === undefined ? [] : [`${field.field} < ${bound(o.min)}`]),
    ...(o.max === undefined ? [] : [`${field.field} > ${bound(o.max)}`]),
  ];
  if (!out.length) throw new Error(`withinRange ${o.name}: give min, max or both`);
  const unit = o.percent ? ' %' : '';
  const range =
    o.min !== undefined && o.max !== undefined
      ? `between ${o.min} and ${o.max}${unit}`
      : o.min !== undefined
        ? `${o.min}${unit} or more`
        : `${o.max}${unit} or less`;
  return fieldRule(field, {
    ...o,
    conditions: [`OR(ISNEW(), ISCHANGED(${field.field}))`, out.length === 1 ? out[0]! : `OR(${out.join(', ')})`],
    message: `${o.label} must be ${range}.`,
    description: `${field.object}.${field.field} stays ${range} (checked when it is entered or changed).`,
  });
}

/**
 * A field only automation writes (it runs as a holder of `bypass`): nobody else may fill it on
 * create or change it afterwards.
 */
export function setByAutomationOnly(
  field: FieldRef,
  o: { name: string; label: string; bypass: string; locked?: boolean },
): ValidationRuleDef {
  return fieldRule(field, {
    ...o,
    conditions: [`OR(ISCHANGED(${field.field}), AND(ISNEW(), NOT(ISBLANK(${field.field}))))`],
    message: `${o.label} is written by automation only: leave it as it is.`,
    description: `${field.object}.${field.field} is set by automation running as a holder of ${o.bypass}; nobody else writes it.`,
  });
}
