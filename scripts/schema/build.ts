/**
 * The schema an org would describe once the model is deployed: the standard-object catalogue,
 * plus what every family of the registry contributes (scripts/families/registry.ts).
 */
import type { AnyFamily } from '../core/family.ts';
import { FAMILIES, type RevOpsModel } from '../families/registry.ts';
import { SchemaBuilder, type ModelSchema } from './builder.ts';

export function buildSchema(model: RevOpsModel, families: readonly AnyFamily[] = FAMILIES): ModelSchema {
  const schema = new SchemaBuilder();
  for (const family of families) family.describe?.(model, schema);
  return schema.build();
}
