/**
 * Objects the model seeds (they have an External_Id__c) that no domain generator knows yet:
 * records of plausible values by field type, lookups to records that exist. The dataset keeps
 * covering the model while a specific generator is written.
 */
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import type { Values } from './values.ts';
import type { World } from './world.ts';

/** Records per generic object in a dataset of `target` records. */
export const genericCount = (target: number): number => Math.max(5, Math.round(target * 0.005));

export function* genericRecords(world: World, object: string): Generator<Values> {
  const count = world.plan.counts.get(object) ?? 0;
  for (let n = 0; n < count; n++) yield { [EXTERNAL_ID_FIELD]: world.ids.generic(object, n) };
}
