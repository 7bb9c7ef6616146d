/**
 * The dataset contract of docs/dataset-format.md, checked: manifest in dependency order, the
 * same keys on every line, unique external ids, every lookup pointing at an existing record of
 * the object the field references, values typed as the field says (dates `YYYY-MM-DD`, datetimes
 * ISO 8601 UTC). Holds every external id in memory: meant for tests and `data check --strict`.
 */
import { join } from 'node:path';
import type { RevOpsModel } from '../dsl/index.ts';
import { buildSchema } from '../schema/build.ts';
import type { SchemaField, SchemaObject } from '../schema/types.ts';
import { parseDay } from './calendar.ts';
import { DatasetError, readManifest } from './manifest.ts';
import { readRecords } from './reader.ts';

export interface FormatIssue {
  readonly file: string;
  readonly line?: number;
  readonly problem: string;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const MAX_EXTERNAL_ID = 40;

function typeProblem(field: SchemaField, value: unknown): string | undefined {
  if (value === null) return undefined;
  switch (field.type) {
    case 'date':
      return typeof value === 'string' && parseDay(value) !== undefined ? undefined : 'a date YYYY-MM-DD';
    case 'datetime':
      return typeof value === 'string' && DATETIME.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'a datetime in ISO 8601 UTC (2026-01-31T09:30:00.000Z)';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case 'picklist':
      return typeof value === 'string' && (!field.picklistValues?.length || field.picklistValues.includes(value))
        ? undefined
        : `one of ${field.picklistValues?.join(', ')}`;
    default:
      return typeof value === 'string' ? undefined : 'text';
  }
}

export async function verifyDatasetFormat(dir: string, model: RevOpsModel, limit = 100): Promise<FormatIssue[]> {
  const schema = buildSchema(model);
  const issues: FormatIssue[] = [];
  const report = (issue: FormatIssue) => issues.length < limit && issues.push(issue);
  const manifest = await readManifest(dir);
  const position = new Map(manifest.objects.map((o, i) => [o.sobject, i]));
  const ids = new Map<string, Set<string>>();
  const lookups = new Map<string, Map<string, SchemaField>>();

  // Pass 1: keys, types, unique ids, dependency order.
  for (const [i, entry] of manifest.objects.entries()) {
    const file = join(dir, entry.file);
    const object: SchemaObject | undefined = schema.object(entry.sobject);
    if (!object) {
      report({ file, problem: `${entry.sobject} is not an object of the model` });
      continue;
    }
    const seen = new Set<string>();
    ids.set(object.name, seen);
    const relations = new Map<string, SchemaField>();
    lookups.set(object.name, relations);
    try {
      for await (const { line, record } of readRecords(dir, entry)) {
        const id = record[entry.externalIdField] as string;
        if (seen.has(id)) report({ file, line, problem: `duplicate ${entry.externalIdField} ${id}` });
        seen.add(id);
        if (id.length > MAX_EXTERNAL_ID)
          report({ file, line, problem: `${id} is longer than ${MAX_EXTERNAL_ID} characters` });
        for (const [key, value] of Object.entries(record)) {
          if (key === entry.externalIdField) continue;
          const relation = object.relationship(key);
          if (relation && relation.name !== key) {
            if (line === 1) {
              relations.set(key, relation);
              const target = relation.referenceTo?.[0] ?? '';
              const at = position.get(target);
              if (target !== object.name && (at === undefined || at > i))
                report({
                  file,
                  problem: `${key} looks up ${target}, which manifest.json does not list before ${entry.sobject}`,
                });
            }
            const parentId =
              value && typeof value === 'object' ? (value as Record<string, unknown>)[entry.externalIdField] : value;
            if (value !== null && (typeof parentId !== 'string' || Object.keys(value as object).length !== 1))
              report({ file, line, problem: `${key} must be null or {"${entry.externalIdField}": "..."}` });
            continue;
          }
          const field = object.field(key);
          if (!field || field.type === 'reference') {
            // Keys are the same on every line (the reader enforces it): a wrong key is reported once.
            if (line === 1)
              report({
                file,
                line,
                problem: field
                  ? `${key} is a lookup: write it as its relationship name`
                  : `${key} is not a field of ${entry.sobject}`,
              });
            continue;
          }
          const expected = typeProblem(field, value);
          if (expected) report({ file, line, problem: `${key} must be ${expected}, got ${JSON.stringify(value)}` });
        }
      }
    } catch (e) {
      if (!(e instanceof DatasetError)) throw e;
      report({ file: e.file, line: e.line, problem: e.message.slice(e.message.indexOf(': ') + 2) });
    }
  }

  // Pass 2: every lookup names an existing record of the referenced object.
  for (const entry of manifest.objects) {
    const object = schema.object(entry.sobject);
    const relations = object && lookups.get(object.name);
    if (!relations?.size) continue;
    const file = join(dir, entry.file);
    try {
      for await (const { line, record } of readRecords(dir, entry)) {
        for (const [key, field] of relations) {
          const value = record[key] as Record<string, unknown> | null;
          const id = value?.[entry.externalIdField];
          if (typeof id !== 'string') continue;
          const target = field.referenceTo?.[0] ?? '';
          if (!ids.get(schema.object(target)?.name ?? target)?.has(id))
            report({ file, line, problem: `${key} → ${target} ${id} is not in the dataset` });
        }
      }
    } catch (e) {
      if (!(e instanceof DatasetError)) throw e;
    }
  }
  return issues;
}
