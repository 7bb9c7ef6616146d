import type { ForecastCategory } from '../../dsl/index.ts';
import { metadataXml } from '../xml.ts';
import { at, type Emitter, type GeneratedFile } from './types.ts';

/** Forecast categories as the Metadata API names them (Commit is spelled `Forecast`). */
export const FORECAST_CATEGORY_METADATA: Record<ForecastCategory, string> = {
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Closed: 'Closed',
  Omitted: 'Omitted',
};

/** Standard value sets (Opportunity stages, lead statuses) and global value sets. */
export const emitPicklists: Emitter = async (model) => {
  const files: GeneratedFile[] = [];
  if (model.opportunityStages) {
    files.push({
      path: at('standardValueSets', 'OpportunityStage.standardValueSet-meta.xml'),
      content: await metadataXml('StandardValueSet', {
        sorted: false,
        standardValue: model.opportunityStages.stages.map((s) => ({
          fullName: s.name,
          default: false,
          label: s.name,
          closed: s.closed,
          forecastCategory: FORECAST_CATEGORY_METADATA[s.forecast],
          probability: s.probability,
          won: s.won,
        })),
      }),
    });
  }
  if (model.leadStatuses) {
    files.push({
      path: at('standardValueSets', 'LeadStatus.standardValueSet-meta.xml'),
      content: await metadataXml('StandardValueSet', {
        sorted: false,
        standardValue: model.leadStatuses.statuses.map((s) => ({
          fullName: s.name,
          default: s.default,
          description: s.description,
          label: s.label,
          converted: s.converted,
        })),
      }),
    });
  }
  for (const set of model.globalValueSets) {
    files.push({
      path: at('globalValueSets', `${set.name}.globalValueSet-meta.xml`),
      content: await metadataXml('GlobalValueSet', {
        customValue: set.values.map((v) => ({
          fullName: v.name,
          default: false,
          description: v.description,
          label: v.label,
        })),
        description: set.description,
        masterLabel: set.label,
        sorted: set.sorted ?? false,
      }),
    });
  }
  return files;
};
