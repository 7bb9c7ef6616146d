/**
 * Customizable campaign influence models (Metadata API CampaignInfluenceModel): the models
 * CampaignInfluence records are written under. Salesforce keeps one default model, which the
 * Campaign Influence related list shows; a locked model takes records from the API only.
 */
export interface CampaignInfluenceModelDef {
  readonly kind: 'campaignInfluenceModel';
  /** The developer name (the file name, and what CampaignInfluenceModel.DeveloperName holds). */
  readonly name: string;
  /** The model's name as Setup shows it (the metadata's `name`). */
  readonly label: string;
  readonly description: string;
  readonly active: boolean;
  /** The org's default model: at most one in a model. */
  readonly isDefault?: boolean;
  /** Records come only from the API (an offline computation), never typed. */
  readonly modelLocked: boolean;
  readonly locked?: boolean;
}

export const campaignInfluenceModel = (
  name: string,
  o: Omit<CampaignInfluenceModelDef, 'kind' | 'name'>,
): CampaignInfluenceModelDef => ({ kind: 'campaignInfluenceModel', name, ...o });

/** What this family adds to the model. */
export interface CampaignInfluenceModels {
  readonly campaignInfluenceModels: readonly CampaignInfluenceModelDef[];
}
