import { sortBy } from '../../core/catalogue.ts';
import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml } from '../../core/xml.ts';
import type { CampaignInfluenceModels } from './builders.ts';

/** One CampaignInfluenceModel file per model, as a retrieve writes them. */
export async function emitCampaignInfluence(model: CampaignInfluenceModels): Promise<GeneratedFile[]> {
  return Promise.all(
    sortBy(model.campaignInfluenceModels, (m) => m.name).map(async (m) => ({
      path: at('campaignInfluenceModels', `${m.name}.campaignInfluenceModel-meta.xml`),
      content: await metadataXml('CampaignInfluenceModel', {
        isActive: m.active,
        isDefaultModel: m.isDefault ?? false,
        isModelLocked: m.modelLocked,
        modelDescription: m.description,
        name: m.label,
      }),
    })),
  );
}
