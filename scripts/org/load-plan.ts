import { firstRecord, readBatches, type Dataset, type DatasetObject, type DatasetRecord } from './dataset.ts';
import type { Schema } from '../schema/types.ts';
import { OrgToolkitError } from './errors.ts';

/**
 * The load plan: which API loads each object, in what batches, and in how many passes. Objects
 * load in the manifest's dependency order. Fields Salesforce accepts only on a record that exists
 * are deferred to a second pass: lookups to the same object (Account.Parent: the parent may come
 * later in the file) and the fields in DEFERRED_FIELDS. Also here: shaping a record for each API.
 */
export type LoadApi = 'collections' | 'bulk';
export type LoadPass = 'records' | 'deferred';

/** A lookup as the dataset writes it: relationship name → the target's external id. */
export interface RelationshipColumn {
  /** Key in the records (`Account`, `Champion__r`, `Parent`). */
  readonly key: string;
  readonly target: string;
  readonly targetExternalIdField: string;
}

export interface LoadStep {
  /** `Account:records`: the checkpoint's key for this step. */
  readonly key: string;
  readonly object: DatasetObject;
  readonly pass: LoadPass;
  readonly api: LoadApi;
  readonly batchSize: number;
  readonly relationships: readonly RelationshipColumn[];
  /** Keys left out of the records pass and set, alone, by the deferred pass: self-references and DEFERRED_FIELDS. */
  readonly deferred: readonly string[];
}

/** The object a relationship name points at (`Account`, `Parent` → `Account`), or undefined if unknown. */
export type RelationshipResolver = (sobject: string, relationshipName: string) => string | undefined;

export interface PlanOptions {
  /** Objects with more rows than this load through Bulk API 2.0; the rest through sObject collections. */
  readonly bulkThreshold: number;
  /** Records per sObject-collections call (Salesforce allows at most 200). */
  readonly collectionsBatchSize: number;
  /** Rows per Bulk API 2.0 job. */
  readonly bulkBatchSize: number;
  readonly resolveRelationship: RelationshipResolver;
}

export const COLLECTIONS_LIMIT = 200;

/**
 * Plain fields set only once the record exists: a Contract is created Draft and activated by an
 * update (Salesforce refuses to create one Activated). Leaving Status out of the records pass also
 * keeps a repeated load from touching an activated contract's status.
 */
export const DEFERRED_FIELDS: Readonly<Record<string, readonly string[]>> = { Contract: ['Status'] };

export async function planLoad(dataset: Dataset, options: PlanOptions): Promise<LoadStep[]> {
  if (options.collectionsBatchSize < 1 || options.collectionsBatchSize > COLLECTIONS_LIMIT)
    throw new OrgToolkitError(`collections batch size must be 1–${COLLECTIONS_LIMIT} (sObject collections limit)`);
  const objects = dataset.manifest.objects;
  const position = new Map(objects.map((o, i) => [o.sobject, i]));
  const steps: LoadStep[] = [];
  for (const [index, object] of objects.entries()) {
    const sample = await firstRecord(dataset, object);
    const relationships = sample ? relationshipsOf(object, sample, options.resolveRelationship, objects) : [];
    for (const r of relationships) {
      const at = position.get(r.target);
      if (at !== undefined && at > index)
        throw new OrgToolkitError(
          `${dataset.dir}/manifest.json: ${object.sobject} looks up ${r.target} (${r.key}) but loads before it; list ${r.target} first`,
        );
    }
    const deferred = [
      ...relationships.filter((r) => r.target === object.sobject).map((r) => r.key),
      ...(DEFERRED_FIELDS[object.sobject] ?? []).filter((field) => sample && field in sample),
    ];
    const api: LoadApi = object.count > options.bulkThreshold ? 'bulk' : 'collections';
    const batchSize = api === 'bulk' ? options.bulkBatchSize : options.collectionsBatchSize;
    const step = { object, api, batchSize, relationships, deferred };
    steps.push({ ...step, key: `${object.sobject}:records`, pass: 'records' });
    if (deferred.length) steps.push({ ...step, key: `${object.sobject}:deferred`, pass: 'deferred' });
  }
  return steps;
}

function relationshipsOf(
  object: DatasetObject,
  sample: DatasetRecord,
  resolve: RelationshipResolver,
  objects: readonly DatasetObject[],
): RelationshipColumn[] {
  const columns: RelationshipColumn[] = [];
  for (const [key, value] of Object.entries(sample)) {
    const nested = typeof value === 'object' && value !== null;
    const target = resolve(object.sobject, key);
    if (!target) {
      if (nested)
        throw new OrgToolkitError(
          `${object.file}: ${object.sobject}.${key} holds an object, but the model has no relationship ${key} on ${object.sobject}`,
        );
      continue;
    }
    const nestedKeys = nested ? Object.keys(value) : [];
    const targetExternalIdField =
      objects.find((o) => o.sobject === target)?.externalIdField ?? nestedKeys[0] ?? 'External_Id__c';
    columns.push({ key, target, targetExternalIdField });
  }
  return columns;
}

/** The batches of a step: every record for the records pass; for the deferred pass, records with a deferred value. */
export async function* stepBatches(
  dataset: Dataset,
  step: LoadStep,
  skipExternalIds: ReadonlySet<string> = new Set(),
): AsyncGenerator<DatasetRecord[]> {
  if (step.pass === 'records') {
    yield* readBatches(dataset, step.object, step.batchSize);
    return;
  }
  let batch: DatasetRecord[] = [];
  for await (const records of readBatches(dataset, step.object, step.batchSize)) {
    for (const record of records) {
      if (skipExternalIds.has(externalIdOf(step, record))) continue;
      if (!step.deferred.some((key) => record[key] !== null && record[key] !== undefined)) continue;
      batch.push(record);
      if (batch.length === step.batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}

export function externalIdOf(step: LoadStep, record: DatasetRecord): string {
  return String(record[step.object.externalIdField]);
}

/** The keys this pass sends, in the dataset's order: the union over the batch, so every record is made uniform. */
function passKeys(step: LoadStep, records: readonly DatasetRecord[]): string[] {
  if (step.pass === 'deferred') return [step.object.externalIdField, ...step.deferred];
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  for (const key of step.deferred) keys.delete(key);
  return [...keys];
}

/**
 * A record for the REST sObject-collections upsert: `attributes.type`, lookups as nested external
 * ids (`Account: {External_Id__c: ...}`), empty lookups left out (REST sets lookups by relationship,
 * which cannot be null; on insert an absent lookup is empty anyway).
 */
export function toApiRecords(step: LoadStep, records: readonly DatasetRecord[]): Record<string, unknown>[] {
  const keys = passKeys(step, records);
  const lookups = new Set(step.relationships.map((r) => r.key));
  const deferred = new Set(step.pass === 'deferred' ? step.deferred : []);
  return records.map((record) => {
    const shaped: Record<string, unknown> = { attributes: { type: step.object.sobject } };
    for (const key of keys) {
      const value = record[key];
      // Empty lookups are left out, and so are empty deferred fields: the records pass left them unset.
      if ((lookups.has(key) || deferred.has(key)) && (value === null || value === undefined)) continue;
      shaped[key] = value === undefined ? null : value;
    }
    return shaped;
  });
}

/**
 * Bulk API 2.0 CSV for a batch. The header is the union of the batch's keys (Bulk takes the header
 * from the first line, so records are made uniform), lookups are flattened to
 * `Parent.External_Id__c` columns, null is `#N/A` (Bulk's "set to null"), an empty lookup or a key
 * a record lacks is an empty cell (no value on insert, unchanged on update).
 */
export function toCsv(step: LoadStep, records: readonly DatasetRecord[]): string {
  const keys = passKeys(step, records);
  const lookups = new Map(step.relationships.map((r) => [r.key, r]));
  const header = keys.map((key) => {
    const lookup = lookups.get(key);
    return lookup ? `${key}.${lookup.targetExternalIdField}` : key;
  });
  const lines = [header.map(csvCell).join(',')];
  for (const record of records) {
    const cells = keys.map((key) => {
      const value = record[key];
      const lookup = lookups.get(key);
      if (lookup) {
        if (value === null || value === undefined) return '';
        return csvCell(String((value as Record<string, unknown>)[lookup.targetExternalIdField] ?? ''));
      }
      if (value === undefined) return '';
      // #N/A sets null; a deferred pass never clears what the records pass left unset.
      if (value === null) return step.pass === 'deferred' ? '' : '#N/A';
      return csvCell(typeof value === 'object' ? JSON.stringify(value) : String(value));
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function csvCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Relationships as the model's schema defines them (a polymorphic lookup has no single target, so none). */
export function schemaRelationships(schema: Schema): RelationshipResolver {
  return (sobject, name) => {
    const targets = schema.object(sobject)?.relationship(name)?.referenceTo;
    return targets?.length === 1 ? targets[0] : undefined;
  };
}
