/**
 * Record types: which business process (sales or lead process) and which picklist values a kind
 * of record uses, and whose default it is. A sales process is assigned to nothing without one.
 */
import type { BusinessProcessDef } from '../stages/builders.ts';

export interface RecordTypeDef {
  readonly kind: 'recordType';
  readonly object: string;
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  /** The business process's name (Opportunity, Lead). */
  readonly businessProcess?: string;
  readonly active: boolean;
  /**
   * Profiles whose default record type on the object this is. Salesforce keeps a user's default
   * record type on the profile (a permission set only makes a record type visible), so the
   * family writes these profiles' record type settings, and nothing else of them.
   */
  readonly defaultForProfiles: readonly string[];
  readonly locked?: boolean;
}

export const recordType = (
  object: { apiName: string },
  name: string,
  o: {
    label: string;
    description?: string;
    businessProcess?: BusinessProcessDef;
    active?: boolean;
    defaultForProfiles?: readonly string[];
    locked?: boolean;
  },
): RecordTypeDef => ({
  kind: 'recordType',
  object: object.apiName,
  name,
  label: o.label,
  description: o.description,
  businessProcess: o.businessProcess?.name,
  active: o.active ?? true,
  defaultForProfiles: o.defaultForProfiles ?? [],
  locked: o.locked,
});

/** `Opportunity.RevOps_New_Business`, as permission sets, profiles and Path name a record type. */
export const recordTypeRef = (rt: { object: string; name: string }): string => `${rt.object}.${rt.name}`;

/** What this family adds to the model. */
export interface RecordTypesModel {
  readonly recordTypes: readonly RecordTypeDef[];
}
