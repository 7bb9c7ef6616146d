/** Campaign influence models as the Metadata API takes them. */
import type { CheckContext } from '../../core/checks.ts';
import type { CampaignInfluenceModels } from './builders.ts';

/** Salesforce's limits on a model's name and description (Setup's fields). */
const MAX_LABEL = 80;
const MAX_DESCRIPTION = 255;

export function checkCampaignInfluence(model: CampaignInfluenceModels, check: CheckContext): void {
  const models = model.campaignInfluenceModels;
  check.unique(
    models,
    (m) => m.name,
    (m) => `CampaignInfluenceModel ${m.name}`,
    'campaign influence model',
  );
  for (const m of models) {
    const component = `CampaignInfluenceModel ${m.name}`;
    check.apiName(m, component, m.name, '', 40);
    if (!m.label.trim() || m.label.length > MAX_LABEL)
      check.report(m, component, `name must be 1 to ${MAX_LABEL} characters, got ${m.label.length}`);
    if (m.description.length > MAX_DESCRIPTION)
      check.report(m, component, `description is ${m.description.length} characters; the limit is ${MAX_DESCRIPTION}`);
    if (m.isDefault && !m.active) check.report(m, component, 'the default model must be active');
  }
  const defaults = models.filter((m) => m.isDefault);
  for (const extra of defaults.slice(1))
    check.report(
      extra,
      `CampaignInfluenceModel ${extra.name}`,
      `an org has one default campaign influence model; ${defaults[0]!.name} is already the default`,
    );
}
