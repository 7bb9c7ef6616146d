/**
 * Dataset records as the formula engine reads them for `data check`: lookups as ids (the parent's
 * external id), the fields the org would compute on insert filled in, and the parents rules read
 * through lookups indexed by external id (only the fields the rules need), nested on demand.
 */
import type { EvalContext } from '../formula/index.ts';
import type { Schema, SchemaObject } from '../schema/types.ts';
import type { CompiledRules, FormulaRecord } from './check-rules.ts';
import type { Manifest, ManifestObject } from './manifest.ts';
import { readRecords, type DatasetRecord } from './reader.ts';

/**
 * The custom permissions of the user seed data loads as: the deal desk's (Finance/Legal), because
 * the seed holds decided approvals (issue 17) and only the deal desk may record a decision. Never
 * the governance bypass: every other rule applies to seed data as to anyone.
 */
export const CHECK_PERMISSIONS: readonly string[] = ['RevOps_Deal_Desk'];

/** The user rules run as: an ordinary user with CHECK_PERMISSIONS, UTC. */
export const CHECK_USER = {
  Id: '005000000000001AAA',
  Username: 'seed-data@revops-os.invalid',
  FirstName: 'Seed',
  LastName: 'Loader',
  Name: 'Seed Loader',
  Email: 'seed-data@revops-os.invalid',
  IsActive: true,
  TimeZoneSidKey: 'UTC',
  Profile: { Name: 'Standard User' },
} as const;

export class FormulaView {
  private readonly lookups = new Map<string, Map<string, string>>();
  private readonly compiled: CompiledRules;
  private readonly now: string;

  /** `now`: NOW() as an ISO instant (the dataset's anchor). */
  constructor(compiled: CompiledRules, now: string) {
    this.compiled = compiled;
    this.now = now;
  }

  /** Evaluated as an insert: no prior record, a user with CHECK_PERMISSIONS (never the bypass). */
  context(record: FormulaRecord): EvalContext {
    return {
      record,
      prior: undefined,
      user: CHECK_USER,
      permissions: [...CHECK_PERMISSIONS],
      now: this.now,
      timeZone: 'UTC',
    };
  }

  /** A dataset record with lookups as ids (the parent's external id) and `Id` as its own. */
  record(object: SchemaObject, entry: ManifestObject, raw: DatasetRecord): FormulaRecord {
    const relations = this.lookupsOf(object);
    const record: FormulaRecord = { Id: raw[entry.externalIdField] };
    for (const key in raw) {
      const idField = relations.get(key);
      if (idField) {
        const value = raw[key] as Record<string, unknown> | null;
        record[idField] = value && typeof value === 'object' ? (value[entry.externalIdField] ?? null) : null;
      } else {
        record[key] = raw[key];
      }
    }
    return record;
  }

  /** Fills `fields` the record leaves blank that the org or a formula field would compute. */
  complete(object: string, record: FormulaRecord, fields: Iterable<string> | undefined): void {
    const byObject = this.compiled.derived[object];
    for (const field of fields ?? []) {
      if (record[field] !== undefined && record[field] !== null) continue;
      const derive = byObject?.[field];
      if (derive) record[field] = derive(record);
      else {
        const formula = this.compiled.formulaOf(object, field);
        if (formula) record[field] = formula(this.context(record));
      }
    }
  }

  private lookupsOf(object: SchemaObject): Map<string, string> {
    let map = this.lookups.get(object.name);
    if (!map) {
      map = new Map(
        object
          .fields()
          .filter((f) => f.type === 'reference' && f.relationshipName)
          .map((f) => [f.relationshipName!, f.name]),
      );
      this.lookups.set(object.name, map);
    }
    return map;
  }
}

/** The parents rules read through lookups, by object and external id, holding only the fields they need. */
export class ParentIndex {
  private readonly byObject = new Map<string, Map<string, FormulaRecord>>();
  private readonly compiled: CompiledRules;

  private constructor(compiled: CompiledRules) {
    this.compiled = compiled;
  }

  static async build(
    dir: string,
    manifest: Manifest,
    schema: Schema,
    compiled: CompiledRules,
    view: FormulaView,
  ): Promise<ParentIndex> {
    const index = new ParentIndex(compiled);
    const entries = new Map(manifest.objects.map((o) => [o.sobject, o]));
    for (const parent of compiled.needs.parents) {
      const entry = entries.get(parent);
      const object = schema.object(parent);
      if (!entry || !object) continue;
      const fields = [...(compiled.needs.fields.get(object.name) ?? [])];
      const byId = new Map<string, FormulaRecord>();
      for await (const { record: raw } of readRecords(dir, entry)) {
        const full = view.record(object, entry, raw);
        view.complete(object.name, full, fields);
        const compact: FormulaRecord = { Id: full.Id };
        for (const f of fields) compact[f] = full[f] ?? null;
        byId.set(full.Id as string, compact);
      }
      index.byObject.set(object.name, byId);
    }
    return index;
  }

  has(object: string): boolean {
    return this.byObject.has(object);
  }

  /** The parent record with its own parents nested (as deep as rules reach, at most 5 hops). */
  resolve(object: string, id: string, depth: number): FormulaRecord | undefined {
    const parent = this.byObject.get(object)?.get(id);
    const relations = this.compiled.needs.relations.get(object);
    if (!parent || !relations || depth > 5) return parent;
    const nested: FormulaRecord = { ...parent };
    for (const [name, { idField, target }] of relations) {
      const childId = parent[idField];
      nested[name] = typeof childId === 'string' ? (this.resolve(target, childId, depth + 1) ?? null) : null;
    }
    return nested;
  }
}
