/**
 * Merge fields of the record and its relationships: `Amount`, `Account.Owner.Email`,
 * `Champion__r.Email`. Resolves each segment against the schema (case-insensitively, canonical
 * spelling out), records every field read (with the relationship ID fields it goes through) and
 * reports unknown names with suggestions.
 */
import type { FieldRef } from './ast.ts';
import { suggest, type CheckScope, type Span } from './check-scope.ts';
import { closestNames } from './suggest.ts';
import type { FieldScope, TField } from './typed-ast.ts';
import { formulaTypeOf, isNumeric } from './types.ts';
import type { SchemaField, SchemaObject } from '../schema/types.ts';

/** Where segment `i` of a merge field is written. */
export function segmentAt(ast: FieldRef, i: number): Span {
  const start = ast.segments[i] ?? ast.start;
  return { start, end: start + (ast.path[i]?.length ?? 1) };
}

/** Resolves `ast.path[from..]` starting at `start`, following relationships, and records the read. */
export function resolveFieldPath(
  scope: CheckScope,
  ast: FieldRef,
  fieldScope: FieldScope,
  start: SchemaObject,
  from: number,
  rootLabel: string,
): TField {
  const { obj, canonical } = followRelationships(scope, ast, start, from);
  const field = lastField(scope, ast, obj, canonical.length > 0 || fieldScope !== 'record');
  const type = formulaTypeOf(field.type);
  if (!type) {
    throw scope.err(
      'type',
      `Field ${field.name} is a compound ${field.type} field; formulas read its components (e.g. BillingCity)`,
      segmentAt(ast, ast.path.length - 1),
    );
  }
  canonical.push(field.name);
  const nullable = isNumeric(type) ? !scope.blankAsZero : type === 'Date' || type === 'DateTime' || type === 'Time';
  const qualified = `${obj.name}.${field.name}`;
  const prefix = fieldScope === 'record' || fieldScope === 'prior' ? scope.root.name : rootLabel;
  scope.usage.fields.push({
    written: ast.path.join('.'),
    qualified,
    path: [prefix, ...canonical].join('.'),
    type,
    prior: fieldScope === 'prior',
    start: ast.start,
    end: ast.end,
  });
  recordTraversal(scope, start, ast.path.slice(from, -1), fieldScope);
  return {
    k: 'field',
    scope: fieldScope,
    path: canonical,
    fieldType: field.type,
    qualified,
    type,
    nullable,
    start: ast.start,
    end: ast.end,
  };
}

/** Follows the relationship segments (all but the last); returns the object reached and the canonical names. */
function followRelationships(
  scope: CheckScope,
  ast: FieldRef,
  start: SchemaObject,
  from: number,
): { obj: SchemaObject; canonical: string[] } {
  let obj = start;
  const canonical: string[] = [];
  for (let i = from; i < ast.path.length - 1; i++) {
    const seg = ast.path[i] as string;
    const rel = obj.relationship(seg);
    if (!rel) {
      const asField = obj.field(seg);
      const hint =
        asField?.type === 'reference' && asField.relationshipName
          ? ` To read a field of the related record use ${asField.relationshipName}.`
          : '';
      const candidates = obj.fields().flatMap((f) => (f.relationshipName ? [f.relationshipName] : []));
      throw scope.err(
        'reference',
        `Relationship ${seg} does not exist on ${obj.name}.${hint}${suggest(closestNames(seg, candidates))}`,
        segmentAt(ast, i),
      );
    }
    const targetName = rel.referenceTo?.[0];
    const target = targetName ? scope.schema.object(targetName) : undefined;
    if (!target)
      throw scope.err(
        'reference',
        `Object ${targetName ?? '?'} (via ${obj.name}.${rel.relationshipName}) does not exist in the schema`,
        segmentAt(ast, i),
      );
    canonical.push(rel.relationshipName ?? seg);
    obj = target;
  }
  return { obj, canonical };
}

/** The field the last segment names on `obj`, or a positioned error with suggestions. */
function lastField(scope: CheckScope, ast: FieldRef, obj: SchemaObject, nameObject: boolean): SchemaField {
  const last = ast.path[ast.path.length - 1] as string;
  const at = segmentAt(ast, ast.path.length - 1);
  const field = obj.field(last);
  if (field) return field;
  const rel = obj.relationship(last);
  if (rel) {
    throw scope.err(
      'reference',
      `${last} is a relationship on ${obj.name}; reference one of its fields (e.g. ${rel.relationshipName}.Name) or the ID field ${rel.name}`,
      at,
    );
  }
  const candidates = [
    ...obj.fields().map((f) => f.name),
    ...obj.fields().flatMap((f) => (f.relationshipName ? [f.relationshipName] : [])),
  ];
  const where = nameObject ? ` on ${obj.name}` : '';
  throw scope.err(
    'reference',
    `Field ${last} does not exist${where}. Check spelling.${suggest(closestNames(last, candidates))}`,
    at,
  );
}

/** Records the relationship ID fields a traversal goes through (Opportunity.AccountId for Account.Name). */
function recordTraversal(
  scope: CheckScope,
  start: SchemaObject,
  rels: readonly string[],
  fieldScope: FieldScope,
): void {
  let obj: SchemaObject | undefined = start;
  for (const r of rels) {
    const rel: SchemaField | undefined = obj?.relationship(r);
    if (!obj || !rel) return;
    scope.usage.fields.push({
      written: r,
      qualified: `${obj.name}.${rel.name}`,
      path: `${obj.name}.${rel.name}`,
      type: 'Text',
      prior: fieldScope === 'prior',
      start: 0,
      end: 0,
    });
    obj = rel.referenceTo?.[0] ? scope.schema.object(rel.referenceTo[0]) : undefined;
  }
}
