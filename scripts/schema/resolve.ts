import type { Schema, SchemaField } from './types.ts';

/**
 * Follows a dotted path from an object (`Account.Owner.Email` from Opportunity: relationship
 * names, then a field) and returns the final field, or undefined where the path breaks.
 */
export function resolveFieldPath(schema: Schema, objectName: string, path: string): SchemaField | undefined {
  const segments = path.split('.');
  let object = schema.object(objectName);
  for (const [i, segment] of segments.entries()) {
    if (!object) return undefined;
    if (i === segments.length - 1) return object.field(segment);
    const relation = object.relationship(segment);
    object = relation?.referenceTo?.[0] ? schema.object(relation.referenceTo[0]) : undefined;
  }
  return undefined;
}
