/**
 * Turning what a domain generator knows into a record of the documented format. A generator
 * returns values by field API name (a lookup as the parent's external id); the shaper keeps
 * the columns the model has, checks every value against its field (picklist values, lengths,
 * precision) and fills the fields no generator knows about with a plausible value of their
 * type, so the dataset keeps up with fields added to the model.
 */
import { formatDateTime, formatDay, MS_PER_DAY } from './calendar.ts';
import { EXTERNAL_ID_FIELD, type Column, type SeededObject } from './catalog.ts';
import type { Rng } from './prng.ts';
import { GENERIC_PHRASES } from './vocabulary.ts';
import { rngFor, type World } from './world.ts';
import type { SchemaField } from '../schema/types.ts';

/** Field values by API name. Dates may be given as day numbers, datetimes as epoch ms. */
export type Values = Record<string, unknown>;

/** Optional fields nobody knows about are filled this often (required ones always). */
const UNKNOWN_FILL_RATE = 0.8;

const isText = (type: string) =>
  type === 'string' ||
  type === 'textarea' ||
  type === 'email' ||
  type === 'phone' ||
  type === 'url' ||
  type === 'encryptedstring' ||
  type === 'combobox';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function maxLength(field: SchemaField): number {
  return field.length ?? (field.type === 'textarea' ? 255 : field.type === 'email' ? 80 : 255);
}

function round(value: number, scale: number): number {
  const f = 10 ** scale;
  return Math.round(value * f) / f;
}

/** The value as the field would store it, or undefined when it cannot hold it. */
export function sanitize(field: SchemaField, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null;
  const { type } = field;
  if (isText(type)) {
    const text = String(value);
    return text.length > maxLength(field) ? text.slice(0, maxLength(field)) : text;
  }
  switch (type) {
    case 'picklist': {
      const text = String(value);
      return !field.picklistValues?.length || field.picklistValues.includes(text) ? text : undefined;
    }
    case 'multipicklist': {
      const kept = String(value)
        .split(';')
        .filter((v) => !field.picklistValues?.length || field.picklistValues.includes(v));
      return kept.length ? kept.join(';') : undefined;
    }
    case 'boolean':
      return value === true;
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
      const scale = field.scale ?? (type === 'int' ? 0 : 2);
      const limit = 10 ** ((field.precision ?? 18) - scale) - 10 ** -scale;
      return round(Math.max(-limit, Math.min(limit, value)), scale);
    }
    case 'date':
      return typeof value === 'number' ? formatDay(value) : String(value);
    case 'datetime':
      return typeof value === 'number' ? formatDateTime(value) : String(value);
    case 'reference':
      return typeof value === 'string' ? value : undefined;
    default:
      return String(value);
  }
}

/** A plausible value of the field's type for a field no generator knows. */
export function genericValue(
  world: World,
  object: SeededObject,
  column: Column,
  rng: Rng,
  externalId: string,
): unknown {
  const { field } = column;
  const unique = (object.def.fields[field.name] as { unique?: boolean } | undefined)?.unique === true;
  switch (field.type) {
    case 'picklist':
      return field.picklistValues?.length ? rng.pick(field.picklistValues) : null;
    case 'multipicklist':
      return field.picklistValues?.length ? rng.pick(field.picklistValues) : null;
    case 'boolean':
      return rng.bool(0.5);
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      const scale = field.scale ?? (field.type === 'int' ? 0 : 2);
      const limit = 10 ** ((field.precision ?? 18) - scale) - 1;
      const hi =
        field.type === 'percent'
          ? Math.min(100, limit)
          : field.type === 'currency'
            ? Math.min(250_000, limit)
            : Math.min(1_000, limit);
      return round(field.type === 'currency' ? rng.logNormal(hi / 10, 0.8, 0, hi) : rng.float(0, hi), scale);
    }
    case 'date':
      return world.today + rng.int(-180, 180);
    case 'datetime':
      return world.nowMs - rng.float(0, 180) * MS_PER_DAY;
    case 'time':
      return `${String(rng.int(8, 18)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}:00.000Z`;
    case 'email':
      return `${slug(object.name)}.${slug(externalId)}@example.com`;
    case 'phone':
      return `+1 415 555 ${String(rng.int(0, 9999)).padStart(4, '0')}`;
    case 'url':
      return `https://example.com/${slug(object.name)}/${slug(externalId)}`;
    case 'reference': {
      const count = column.target ? (world.plan.counts.get(column.target) ?? 0) : 0;
      return count ? world.ids.nth(column.target!, rng.int(0, count - 1)) : null;
    }
    default: {
      const text =
        field.name === 'Name' ? `${field.label.replace(/ Name$/, '')} ${externalId}` : rng.pick(GENERIC_PHRASES);
      return unique && field.name !== 'Name' ? `${text} ${externalId}` : text;
    }
  }
}

/**
 * Fields only automation writes when something happens (a governance bypass, a stage entered):
 * never filled at random, so the seed claims no event that did not happen.
 */
const AUTOMATION_ONLY = new Set([
  'Last_Governance_Bypass__c',
  'Discovery_Entered_On__c',
  'Value_Demo_Entered_On__c',
  'Validation_Entered_On__c',
  'Business_Case_Entered_On__c',
  'Commercials_Entered_On__c',
]);

/** Builds the ndjson lines of one object: columns in file order, lookups as relationship objects. */
export class RecordShaper {
  private readonly world: World;
  readonly object: SeededObject;
  constructor(world: World, object: SeededObject) {
    this.world = world;
    this.object = object;
  }

  /** The record for `values` (which must hold External_Id__c); `index` seeds the generic fills. */
  shape(values: Values, index: number): Record<string, unknown> {
    const externalId = values[EXTERNAL_ID_FIELD] as string;
    const out: Record<string, unknown> = { [EXTERNAL_ID_FIELD]: externalId };
    let rng: Rng | undefined;
    const fill = () => (rng ??= rngFor(this.world, `fill:${this.object.name}`, index));
    const generic = (column: Column) =>
      sanitize(column.field, genericValue(this.world, this.object, column, fill(), externalId)) ?? null;
    for (const column of this.object.columns) {
      let value: unknown;
      if (Object.hasOwn(values, column.field.name)) {
        // A value the field cannot hold (say, a picklist value the model dropped) is replaced, not blanked.
        value = sanitize(column.field, values[column.field.name]);
        if (value === undefined || (value === null && column.required)) value = generic(column);
      } else if (AUTOMATION_ONLY.has(column.field.name)) {
        value = null;
      } else {
        value = column.required || fill().bool(UNKNOWN_FILL_RATE) ? generic(column) : null;
      }
      out[column.key] = column.target ? (value === null ? null : { [EXTERNAL_ID_FIELD]: value }) : value;
    }
    return out;
  }
}
