import type { FieldRef } from '../../core/model-types.ts';

/** Which lead fields carry over to the account, contact and opportunity on conversion. */
export interface LeadConvertMappingDef {
  readonly kind: 'leadConvertMapping';
  readonly mappings: readonly { readonly from: FieldRef; readonly to: FieldRef }[];
  /** Whether the rep may change the owner while converting. */
  readonly allowOwnerChange: boolean;
  readonly opportunityCreation: 'VisibleOptional' | 'VisibleRequired' | 'NotVisible';
  readonly locked?: boolean;
}
export const leadConvertMapping = (o: Omit<LeadConvertMappingDef, 'kind'>): LeadConvertMappingDef => ({
  kind: 'leadConvertMapping',
  ...o,
});
export const maps = (from: FieldRef, to: FieldRef) => ({ from, to });

/** What this family adds to the model. */
export interface LeadConvertModel {
  readonly leadConvert?: LeadConvertMappingDef;
}
