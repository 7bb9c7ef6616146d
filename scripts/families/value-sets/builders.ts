import type { PicklistValueDef } from '../../core/model-types.ts';
import { toPicklistValue, type PicklistValueInput } from '../objects/fields.ts';

/** A restricted list of values shared by several picklists (loss reasons, churn reasons...). */
export interface GlobalValueSetDef {
  readonly kind: 'globalValueSet';
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly values: readonly PicklistValueDef[];
  readonly sorted?: boolean;
  readonly locked?: boolean;
}
export const globalValueSet = (
  name: string,
  o: { label: string; values: readonly PicklistValueInput[]; description?: string; sorted?: boolean; locked?: boolean },
): GlobalValueSetDef => ({ kind: 'globalValueSet', name, ...o, values: o.values.map(toPicklistValue) });

/** What this family adds to the model. */
export interface ValueSetsModel {
  readonly globalValueSets: readonly GlobalValueSetDef[];
}
