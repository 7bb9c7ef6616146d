import { INDEX_PAGE, LOCK, sortBy, summaryRow, type Catalogue, type CataloguePage } from '../../core/catalogue.ts';
import { code, heading, href, link, page, table, text, yesNo } from '../../core/markdown.ts';
import type { CampaignInfluenceModels } from './builders.ts';

type Cat = Catalogue<CampaignInfluenceModels>;
export const CAMPAIGN_INFLUENCE_PAGE = 'campaign-influence.md';
const FROM = CAMPAIGN_INFLUENCE_PAGE;

export function renderCampaignInfluencePage(cat: Cat): CataloguePage {
  const models = sortBy(cat.model.campaignInfluenceModels, (m) => m.name);
  return {
    path: FROM,
    content: page([
      heading(1, 'Campaign influence models'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Campaign influence models`,
      'Customizable campaign influence: the models CampaignInfluence records are written under ' +
        '(`revops attribution push`). A locked model takes records from the API only.',
      models.length
        ? table(
            ['Developer name', 'Name', 'Active', 'Default', 'API only', 'Description'],
            models.map((m) => [
              `${code(m.name)}${m.locked ? ` ${LOCK}` : ''}`,
              text(m.label),
              yesNo(m.active),
              yesNo(m.isDefault ?? false),
              yesNo(m.modelLocked),
              text(m.description),
            ]),
          )
        : 'The model defines no campaign influence models.',
    ]),
  };
}

export const campaignInfluenceIndex = (cat: Cat) => ({
  links: [`${link('Campaign influence models', href(INDEX_PAGE, FROM))}: where attribution credit is written back`],
  summary: [summaryRow('Campaign influence models', cat.model.campaignInfluenceModels, FROM)],
});
