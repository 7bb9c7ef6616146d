/** Customizable campaign influence: the CampaignInfluenceModel components attribution writes under. */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import type { CampaignInfluenceModels } from './builders.ts';
import { campaignInfluenceIndex, renderCampaignInfluencePage } from './catalogue.ts';
import { checkCampaignInfluence } from './checks.ts';
import { emitCampaignInfluence } from './emit.ts';

export type { CampaignInfluenceModelDef, CampaignInfluenceModels } from './builders.ts';

export const campaignInfluenceModel = locate(builders.campaignInfluenceModel);

export const campaignInfluenceFamily = defineFamily<CampaignInfluenceModels>({
  name: 'campaign-influence',
  sections: { campaignInfluenceModels: 'list' },
  check: checkCampaignInfluence,
  emit: emitCampaignInfluence,
  lockable: (model) => model.campaignInfluenceModels,
  catalogue: { pages: (cat) => [renderCampaignInfluencePage(cat)], index: campaignInfluenceIndex },
});
