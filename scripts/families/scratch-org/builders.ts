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

/** What this family adds to the model. */
export interface ScratchOrgModel {
  readonly scratchOrg?: ScratchOrgDef;
}
