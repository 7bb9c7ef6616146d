/**
 * Validation-rule patterns the blueprint uses again and again, so that the model states the
 * intent ("this snapshot is immutable") and the formula is written once, correctly.
 */
import type { FieldRef } from './objects.ts';
import type { ValidationRuleDef } from './governance.ts';

const and = (...conditions: string[]) => `AND(\n${conditions.map((c) => `    ${c}`).join(',\n')}\n)`;

/**
 * A snapshot field: free to fill while blank, never to change once it holds a value
 * (lead source at first touch, ICP fit at MQL...). Only holders of `bypass` may correct it.
 */
export function immutableOnceSet(
  field: FieldRef,
  o: { name: string; label: string; bypass?: string; picklist?: boolean; locked?: boolean },
): ValidationRuleDef {
  const prior = o.picklist ? `TEXT(PRIORVALUE(${field.field}))` : `PRIORVALUE(${field.field})`;
  return {
    kind: 'validationRule',
    object: field.object,
    name: o.name,
    formula: and(
      ...(o.bypass ? [`NOT($Permission.${o.bypass})`] : []),
      'NOT(ISNEW())',
      `ISCHANGED(${field.field})`,
      `NOT(ISBLANK(${prior}))`,
    ),
    message: `${o.label} is a snapshot and cannot change once set. Ask RevOps if it is wrong.`,
    errorField: field.field,
    description: `Immutable snapshot: ${field.object}.${field.field} may be filled once and never changed.`,
    active: true,
    locked: o.locked,
  };
}

/** `field` must be filled whenever `condition` holds; the message says exactly what to do. */
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
  return {
    kind: 'validationRule',
    object: field.object,
    name: o.name,
    formula: and(
      ...(o.bypass ? [`NOT($Permission.${o.bypass})`] : []),
      o.when,
      o.blankTest ?? `ISBLANK(${field.field})`,
    ),
    message: o.message,
    errorField: field.field,
    description: o.description,
    active: true,
    locked: o.locked,
  };
}
