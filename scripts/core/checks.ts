/**
 * What every family's checks share: reporting an issue against the definition (so it carries
 * the model file and line), and the checks Salesforce applies to every kind alike — API names,
 * uniqueness, fields that must exist.
 */
import type { Schema } from '../schema/types.ts';
import { fieldPath, type FieldRef } from './model-types.ts';
import { originOf } from './origin.ts';

/** One problem in the model: which component, where it was defined, what is wrong. */
export interface ModelIssue {
  readonly component: string;
  readonly origin?: string;
  readonly message: string;
}

export interface CheckContext {
  /** The schema the whole model describes (every family's objects, fields and values). */
  readonly schema: Schema;
  /** Reports a problem with `def` (its origin is the model line the issue points at). */
  report(def: object, component: string, message: string): void;
  /** A Salesforce API name: letters, digits and single underscores; `suffix` required when given. */
  apiName(def: object, component: string, name: string, suffix?: string, max?: number): void;
  /** Reports items whose key repeats (case-insensitive, as Salesforce compares API names). */
  unique<T>(
    items: readonly T[],
    key: (t: T) => string,
    component: (t: T) => string,
    noun: string,
    owner?: object,
  ): void;
  /** Reports a field reference whose object or field the schema does not have (with a suggestion). */
  fieldExists(def: object, component: string, ref: FieldRef, usage: string): void;
  /** Picklist values Salesforce (and the multi-select `;` separator) accepts; at most `max` of them. */
  picklistValues(
    def: object,
    component: string,
    values: readonly { readonly name: string; readonly label: string }[],
    max: number,
  ): void;
}

/** A picklist value's API name and label: at most 255 characters (Help: Picklist Limitations). */
const MAX_VALUE_LENGTH = 255;

/** Why a picklist value's name or label would not survive a deploy unchanged, or undefined. */
function valueProblem(kind: 'value' | 'label', text: string): string | undefined {
  const shown = JSON.stringify(text);
  if (text.trim() === '') return `empty ${kind}`;
  if (text !== text.trim())
    return `${kind} ${shown} starts or ends with spaces (Salesforce trims them, so it would never match)`;
  if ([...text].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127))
    return `${kind} ${shown} holds a line break or control character`;
  if (kind === 'value' && text.includes(';'))
    return `value ${shown} holds ";", which separates multi-select values (and breaks INCLUDES)`;
  if (text.length > MAX_VALUE_LENGTH) return `${kind} is ${text.length} characters; the limit is ${MAX_VALUE_LENGTH}`;
  return undefined;
}

/** Salesforce API names: a letter first, then letters, digits and single underscores, not ending in one. */
const API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)$/;

export function createCheckContext(schema: Schema, issues: ModelIssue[]): CheckContext {
  const report = (def: object, component: string, message: string) =>
    issues.push({ component, origin: originOf(def), message });
  return {
    schema,
    report,
    apiName(def, component, name, suffix = '', max = 40) {
      const bare = suffix && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
      if (suffix && !name.endsWith(suffix)) report(def, component, `API name "${name}" must end in ${suffix}`);
      else if (!API_NAME.test(bare)) {
        report(
          def,
          component,
          `invalid API name "${name}": use letters, digits and single underscores, start with a letter, don't end with an underscore`,
        );
      } else if (bare.length > max) report(def, component, `API name "${name}" is longer than ${max} characters`);
    },
    unique(items, key, component, noun, owner) {
      const seen = new Set<string>();
      for (const item of items) {
        const k = key(item).toLowerCase();
        if (seen.has(k))
          report(
            owner && !originOf(item as object) ? owner : (item as object),
            component(item),
            `duplicate ${noun}: "${key(item)}" is defined twice`,
          );
        seen.add(k);
      }
    },
    picklistValues(def, component, values, max) {
      if (values.length > max) report(def, component, `${values.length} values; the limit is ${max}`);
      for (const v of values) {
        const problem =
          valueProblem('value', v.name) ?? (v.label === v.name ? undefined : valueProblem('label', v.label));
        if (problem) report(def, component, problem);
      }
    },
    fieldExists(def, component, ref, usage) {
      const object = schema.object(ref.object);
      if (!object) report(def, component, `${usage} names unknown object ${ref.object}`);
      else if (!object.field(ref.field))
        report(def, component, `${usage} names unknown field ${fieldPath(ref)}${suggest(schema, ref)}`);
    },
  };
}

/** ` (did you mean Champion__c?)` when the schema has a field close to the one named. */
function suggest(schema: Schema, ref: FieldRef): string {
  const fields = schema.object(ref.object)?.fields() ?? [];
  const wanted = ref.field.toLowerCase().replace(/__c$/, '');
  const close = fields
    .map((f) => f.name)
    .filter((n) => {
      const name = n.toLowerCase().replace(/__c$/, '');
      return name.includes(wanted) || wanted.includes(name) || distance(name, wanted) <= 2;
    });
  return close.length ? ` (did you mean ${close.slice(0, 3).join(', ')}?)` : '';
}

/** Levenshtein distance, one row at a time. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length]!;
}
