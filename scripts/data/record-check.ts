/**
 * Every record checked against the model's schema and the dataset format, in one streaming pass
 * over the files in manifest order: keys that are not fields, values of the wrong type, text over
 * its length, picklist values the model does not have, required fields left blank, external ids
 * repeated within an object, and lookups that do not name a record of the dataset. Without a
 * schema (a loader given only the relationships) the format checks still run: ids, duplicates,
 * lookups and the manifest's dependency order.
 *
 * Holds every external id in memory (to resolve lookups and find duplicates): about 60 bytes a
 * record, 60 MB for a million.
 */
import type { Schema, SchemaField, SchemaObject } from '../schema/types.ts';
import { parseDay } from './calendar.ts';
import type { Catalog } from './catalog.ts';
import type { RecordProblem } from './errors.ts';
import type { Manifest, ManifestObject } from './manifest.ts';
import type { DatasetRecord } from './reader.ts';

export interface RecordCheckOptions {
  /** The model's schema: with it every value is checked against its field. */
  readonly schema?: Schema;
  /** The model's seeded columns: which ones every record must fill. */
  readonly catalog?: Catalog;
  /** Without a schema: which keys are lookups, and to which object. */
  readonly resolveRelationship?: (sobject: string, key: string) => string | undefined;
  readonly report: (problem: RecordProblem) => void;
}

type Check = (value: unknown) => string | undefined;

/** How each key of an object's records is checked (decided once, from line 1: every line has the same keys). */
type Column =
  | { readonly kind: 'id'; readonly key: string; readonly maxLength: number }
  | { readonly kind: 'lookup'; readonly key: string; readonly target: string; readonly idField: string }
  | { readonly kind: 'value'; readonly key: string; readonly check: Check; readonly required: boolean }
  | { readonly kind: 'unchecked'; readonly key: string };

interface PendingReference {
  readonly file: string;
  readonly line: number;
  readonly object: string;
  readonly externalId: string;
  readonly key: string;
  readonly target: string;
  readonly id: string;
}

const DEFAULT_EXTERNAL_ID_LENGTH = 40;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const TIME = /^\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z?$/;
const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url', 'encryptedstring', 'combobox']);
const show = (value: unknown) => JSON.stringify(value) ?? String(value);

export class RecordChecker {
  private readonly ids = new Map<string, Map<string, number>>();
  private readonly position: ReadonlyMap<string, number>;
  private readonly entries: ReadonlyMap<string, ManifestObject>;
  private readonly forward: PendingReference[] = [];
  private readonly options: RecordCheckOptions;

  constructor(manifest: Manifest, options: RecordCheckOptions) {
    this.options = options;
    this.position = new Map(manifest.objects.map((o, i) => [this.nameOf(o.sobject), i]));
    this.entries = new Map(manifest.objects.map((o) => [this.nameOf(o.sobject), o]));
  }

  /** The checker of one object's records; objects must be visited in manifest order. */
  object(entry: ManifestObject, file: string): ObjectCheck {
    const name = this.nameOf(entry.sobject);
    const ids = new Map<string, number>();
    this.ids.set(name, ids);
    return new ObjectCheck(this, { entry, file, name, ids });
  }

  /** Lookups to objects listed later in the manifest resolve once every file has been read. */
  finish(): void {
    for (const ref of this.forward) this.resolveNow(ref);
    this.forward.length = 0;
  }

  report(problem: RecordProblem): void {
    this.options.report(problem);
  }

  schemaObject(sobject: string): SchemaObject | undefined {
    return this.options.schema?.object(sobject);
  }

  get hasSchema(): boolean {
    return this.options.schema !== undefined;
  }

  requiredKeys(object: string): ReadonlySet<string> {
    return new Set(
      this.options.catalog
        ?.get(object)
        ?.columns.filter((c) => c.required)
        .map((c) => c.key) ?? [],
    );
  }

  /** The object a key looks up, if it is a lookup (a relationship name holding the parent's external id). */
  lookupTarget(sobject: string, key: string): string | undefined {
    if (!this.options.schema) return this.options.resolveRelationship?.(sobject, key);
    const relation = this.options.schema.object(sobject)?.relationship(key);
    if (!relation || relation.name === key) return undefined;
    const targets = relation.referenceTo ?? [];
    return this.nameOf(targets.find((t) => this.position.has(this.nameOf(t))) ?? targets[0] ?? '');
  }

  externalIdFieldOf(object: string, fallback: string): string {
    return this.entries.get(object)?.externalIdField ?? fallback;
  }

  inDataset(object: string): boolean {
    return this.position.has(object);
  }

  /**
   * Checks a reference now if its target has been read, or queues it until it has. A target the
   * dataset does not hold at all was reported once for the column, not again for every record.
   */
  reference(ref: PendingReference, self: ObjectCheck): void {
    const at = this.position.get(ref.target);
    if (at === undefined) return;
    if (ref.target === self.name) self.later(ref);
    else if (at > (this.position.get(self.name) ?? -1)) this.forward.push(ref);
    else this.resolveNow(ref);
  }

  comesAfter(target: string, object: string): boolean {
    const at = this.position.get(target);
    return at !== undefined && at > (this.position.get(object) ?? -1);
  }

  resolveNow(ref: PendingReference): void {
    if (this.ids.get(ref.target)?.has(ref.id)) return;
    this.report({
      kind: 'unresolved-reference',
      file: ref.file,
      line: ref.line,
      object: ref.object,
      externalId: ref.externalId,
      field: ref.key,
      problem: `→ ${ref.target} ${ref.id} is not in the dataset`,
    });
  }

  private nameOf(sobject: string): string {
    return this.options.schema?.object(sobject)?.name ?? sobject;
  }
}

/** One object's records: columns decided from line 1, then every record checked. */
export class ObjectCheck {
  readonly name: string;
  private readonly checker: RecordChecker;
  private readonly entry: ManifestObject;
  private readonly file: string;
  private readonly ids: Map<string, number>;
  private readonly self: PendingReference[] = [];
  private columns: readonly Column[] | undefined;

  constructor(
    checker: RecordChecker,
    o: { entry: ManifestObject; file: string; name: string; ids: Map<string, number> },
  ) {
    this.checker = checker;
    this.entry = o.entry;
    this.file = o.file;
    this.name = o.name;
    this.ids = o.ids;
  }

  visit(line: number, record: DatasetRecord): void {
    this.columns ??= this.decideColumns(record);
    const externalId = String(record[this.entry.externalIdField]);
    const at = { file: this.file, line, object: this.entry.sobject, externalId };
    for (const column of this.columns) {
      const value = record[column.key];
      if (column.kind === 'id') this.checkId(at, column, externalId);
      else if (column.kind === 'lookup') this.checkLookup(at, column, value);
      else if (column.kind === 'value') {
        const problem =
          value === null || value === undefined || value === ''
            ? column.required
              ? `is required, got ${show(value ?? null)}`
              : undefined
            : column.check(value);
        if (problem)
          this.checker.report({
            kind: column.required && problem.startsWith('is required') ? 'missing-required' : 'invalid-value',
            ...at,
            field: column.key,
            problem,
          });
      }
    }
  }

  /** Self-references (Account.Parent) resolve once the whole file is read: a parent may come later. */
  end(): void {
    for (const ref of this.self) this.checker.resolveNow(ref);
    this.self.length = 0;
  }

  later(ref: PendingReference): void {
    this.self.push(ref);
  }

  private checkId(at: Where, column: { readonly maxLength: number }, id: string): void {
    const first = this.ids.get(id);
    if (first !== undefined)
      this.checker.report({
        kind: 'duplicate-external-id',
        ...at,
        field: this.entry.externalIdField,
        problem: `${id} is repeated (first on line ${first}): an upsert by external id would overwrite one record with the other`,
      });
    else this.ids.set(id, at.line);
    if (id.length > column.maxLength)
      this.checker.report({
        kind: 'invalid-value',
        ...at,
        field: this.entry.externalIdField,
        problem: `is longer than ${column.maxLength} characters (${id.length})`,
      });
  }

  private checkLookup(at: Where, column: Extract<Column, { kind: 'lookup' }>, value: unknown): void {
    if (value === null) return;
    const id =
      value && typeof value === 'object' && Object.keys(value).length === 1
        ? (value as Record<string, unknown>)[column.idField]
        : undefined;
    if (typeof id !== 'string' || !id) {
      this.checker.report({
        kind: 'invalid-value',
        ...at,
        field: column.key,
        problem: `must be null or {"${column.idField}": "..."}, got ${show(value)}`,
      });
      return;
    }
    this.checker.reference({ ...at, key: column.key, target: column.target, id }, this);
  }

  /**
   * Decides how every key is checked, and reports once what is wrong with the columns themselves
   * (on line 1: every line has the same keys, so every line has the same problem).
   */
  private decideColumns(first: DatasetRecord): Column[] {
    const object = this.checker.schemaObject(this.entry.sobject);
    const externalId = String(first[this.entry.externalIdField]);
    const fileProblem = (kind: RecordProblem['kind'], field: string | undefined, problem: string) =>
      this.checker.report({ kind, file: this.file, line: 1, object: this.entry.sobject, externalId, field, problem });
    if (this.checker.hasSchema && !object) fileProblem('unknown-field', undefined, 'is not an object of the model');
    const required = this.checker.requiredKeys(this.name);
    for (const key of required)
      if (!(key in first)) fileProblem('missing-required', key, 'is required, but the file has no such column');
    return Object.keys(first).map((key) => this.column(key, object, required, fileProblem));
  }

  private column(
    key: string,
    object: SchemaObject | undefined,
    required: ReadonlySet<string>,
    fileProblem: (kind: RecordProblem['kind'], field: string, problem: string) => void,
  ): Column {
    if (key === this.entry.externalIdField)
      return { kind: 'id', key, maxLength: object?.field(key)?.length ?? DEFAULT_EXTERNAL_ID_LENGTH };
    const target = this.checker.lookupTarget(this.entry.sobject, key);
    if (target) {
      if (this.checker.comesAfter(target, this.name))
        fileProblem(
          'dependency-order',
          key,
          `looks up ${target}, which manifest.json does not list before ${this.entry.sobject}`,
        );
      else if (!this.checker.inDataset(target))
        fileProblem('unresolved-reference', key, `looks up ${target}, which the dataset does not hold`);
      return {
        kind: 'lookup',
        key,
        target,
        idField: this.checker.externalIdFieldOf(target, this.entry.externalIdField),
      };
    }
    if (!object) return { kind: 'unchecked', key };
    const field = object.field(key);
    if (!field || field.type === 'reference') {
      fileProblem(
        'unknown-field',
        key,
        field ? 'is a lookup: write it as its relationship name' : `is not a field of ${this.entry.sobject}`,
      );
      return { kind: 'unchecked', key };
    }
    if (field.calculated) {
      fileProblem('unknown-field', key, 'is a formula field: the org computes it, a dataset cannot set it');
      return { kind: 'unchecked', key };
    }
    return { kind: 'value', key, check: valueCheck(field), required: required.has(key) };
  }
}

type Where = { readonly file: string; readonly line: number; readonly object: string; readonly externalId: string };

/** The check of one field's non-blank values: undefined when the value fits, else what is wrong. */
export function valueCheck(field: SchemaField): Check {
  const { type } = field;
  const length = field.length;
  const text: Check = (v) =>
    typeof v !== 'string'
      ? `must be text, got ${show(v)}`
      : length !== undefined && v.length > length
        ? `is longer than ${length} characters (${v.length})`
        : undefined;
  if (TEXT_TYPES.has(type)) return text;
  switch (type) {
    case 'date':
      return (v) =>
        typeof v === 'string' && parseDay(v) !== undefined ? undefined : `must be a date YYYY-MM-DD, got ${show(v)}`;
    case 'datetime':
      return (v) =>
        typeof v === 'string' && DATETIME.test(v) && !Number.isNaN(Date.parse(v))
          ? undefined
          : `must be a datetime in ISO 8601 UTC (2026-01-31T09:30:00.000Z), got ${show(v)}`;
    case 'time':
      return (v) =>
        typeof v === 'string' && TIME.test(v) ? undefined : `must be a time HH:MM:SS.sssZ, got ${show(v)}`;
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? undefined : `must be true or false, got ${show(v)}`);
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return numberCheck(field);
    case 'picklist':
    case 'multipicklist':
      return picklistCheck(field, text);
    default:
      return text;
  }
}

function numberCheck(field: SchemaField): Check {
  const scale = field.scale ?? (field.type === 'int' ? 0 : 2);
  const digits = field.precision === undefined ? undefined : field.precision - scale;
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return `must be a number, got ${show(v)}`;
    if (field.type === 'int' && !Number.isInteger(v)) return `must be a whole number, got ${v}`;
    if (digits !== undefined && Math.abs(v) >= 10 ** digits)
      return `has more than ${digits} digit${digits === 1 ? '' : 's'} before the decimal point (${v})`;
    return undefined;
  };
}

function picklistCheck(field: SchemaField, text: Check): Check {
  const values = new Set(field.picklistValues ?? []);
  if (!values.size) return text;
  const list = [...values].join(', ');
  return (v) => {
    if (typeof v !== 'string') return `must be one of ${list}, got ${show(v)}`;
    const chosen = field.type === 'multipicklist' ? v.split(';') : [v];
    const unknown = chosen.filter((c) => !values.has(c));
    return unknown.length ? `must be one of ${list}, got ${show(unknown.length === 1 ? unknown[0] : v)}` : undefined;
  };
}
