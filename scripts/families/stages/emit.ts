import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataValueName, sortedByCodeUnit } from '../../core/retrieve-format.ts';
import { metadataXml } from '../../core/xml.ts';
import type { BusinessProcessDef, ForecastCategory, PathDef } from './builders.ts';
import type { StagesModel } from './builders.ts';

/**
 * Forecast categories as the Metadata API names them (Commit is spelled `Forecast`). The
 * ForecastCategories enum (Omitted, Pipeline, BestCase, MostLikely, Forecast, Closed) has no
 * Upside: an Upside stage is Pipeline in Salesforce's own forecasts, which count it as open
 * pipeline and leave it out of Commit and Best Case, as blueprint 002 leaves Upside out of the
 * forecast.
 */
export const FORECAST_CATEGORY_METADATA: Record<ForecastCategory, string> = {
  Upside: 'Pipeline',
  Pipeline: 'Pipeline',
  'Best Case': 'BestCase',
  Commit: 'Forecast',
  Closed: 'Closed',
  Omitted: 'Omitted',
};

/** The same, as the org's ForecastCategoryName picklist shows them (its values are the labels). */
export const FORECAST_CATEGORY_LABEL: Record<ForecastCategory, string> = {
  Upside: 'Pipeline',
  Pipeline: 'Pipeline',
  'Best Case': 'Best Case',
  Commit: 'Commit',
  Closed: 'Closed',
  Omitted: 'Omitted',
};

/** The standard value sets (Opportunity stages, lead statuses), sales and lead processes, and Path. */
export async function emitStages(model: StagesModel): Promise<GeneratedFile[]> {
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
  for (const process of model.businessProcesses) {
    files.push({
      path: at('objects', process.object, 'businessProcesses', `${process.name}.businessProcess-meta.xml`),
      content: await metadataXml('BusinessProcess', {
        fullName: process.name,
        description: process.description,
        isActive: true,
        values: businessProcessValues(process),
      }),
    });
  }
  for (const p of model.paths) files.push(await pathFile(p));
  return files;
}

/**
 * A process's values as a retrieve writes them: named like a record type's picklist values
 * (percent-encoded: `Negotiate %26 Resolve`), in code-unit order of that name rather than stage
 * order (the stage order is the StandardValueSet's). A sales process has no default stage: every
 * retrieved Opportunity process says false. A lead process defaults to its first status.
 */
function businessProcessValues(process: BusinessProcessDef): { fullName: string; default: boolean }[] {
  const values = process.values.map((value, i) => ({
    fullName: metadataValueName(value),
    default: process.object === 'Lead' && i === 0,
  }));
  return sortedByCodeUnit(values, (v) => v.fullName);
}

/**
 * Path: key fields and guidance per stage, on its record type (`__MASTER__`: every record). A
 * retrieve lists the steps by picklist value in code-unit order, not in stage order; the key
 * fields of a step keep the order they were given.
 */
async function pathFile(p: PathDef): Promise<GeneratedFile> {
  return {
    path: at('pathAssistants', `${p.name}.pathAssistant-meta.xml`),
    content: await metadataXml('PathAssistant', {
      active: true,
      entityName: p.object,
      fieldName: p.field,
      masterLabel: p.label,
      pathAssistantSteps: sortedByCodeUnit(p.steps, (step) => step.value).map((step) => ({
        fieldNames: step.fields.map((f) => f.field),
        info: step.guidance,
        picklistValueName: step.value,
      })),
      recordTypeName: p.recordType ?? '__MASTER__',
    }),
  };
}
