import type { FieldRef } from './objects.ts';

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

/** The scratch org shape (config/project-scratch-def.json) the product needs. */
export interface ScratchOrgDef {
  readonly kind: 'scratchOrg';
  readonly orgName: string;
  readonly edition: 'Developer' | 'Enterprise' | 'Group' | 'Professional' | 'Partner Developer' | 'Partner Enterprise';
  readonly features: readonly string[];
  /** Metadata settings, keyed as the scratch definition expects (`pathAssistantSettings`...). */
  readonly settings: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}
export const scratchOrg = (o: Omit<ScratchOrgDef, 'kind'>): ScratchOrgDef => ({ kind: 'scratchOrg', ...o });
