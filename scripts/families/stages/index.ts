/**
 * The funnel: Opportunity stages with their probabilities, forecast categories and exit
 * criteria; lead statuses; the sales and lead processes; Path. One stage definition also
 * drives the stage-gate rules, checklist records and Path (stage-gates.ts derives them, and
 * the model lists what it derives).
 */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import type { ValidationRulesModel } from '../validation-rules/index.ts';
import * as builders from './builders.ts';
import { renderLeadStatusesPage, renderStagesPage, stagesIndex, stagesRelated } from './catalogue.ts';
import { checkStages } from './checks.ts';
import { emitStages } from './emit.ts';

export type {
  BusinessProcessDef,
  ExitCriterion,
  ForecastCategory,
  LeadStatusDef,
  LeadStatusesDef,
  OpportunityStagesDef,
  PathDef,
  PathStepDef,
  StageDef,
} from './builders.ts';
import type { StagesModel } from './builders.ts';

export type { StagesModel } from './builders.ts';
export { required } from './builders.ts';
export { FORECAST_CATEGORY_LABEL, FORECAST_CATEGORY_METADATA } from './emit.ts';
export * from './stage-gates.ts';

export const stage = locate(builders.stage);
export const closedWon = locate(builders.closedWon);
export const closedLost = locate(builders.closedLost);
export const defineStages = locate(builders.defineStages);
export const defineLeadStatuses = locate(builders.defineLeadStatuses);
export const leadStatus = locate(builders.leadStatus);
export const businessProcess = locate(builders.businessProcess);
export const path = locate(builders.path);

export const stagesFamily = defineFamily<StagesModel, StagesModel & ValidationRulesModel>({
  name: 'stages',
  sections: { opportunityStages: 'single', leadStatuses: 'single', businessProcesses: 'list', paths: 'list' },
  // The org's StageName and Status picklists hold the model's stages and statuses.
  describe: (model, schema) => {
    if (model.opportunityStages)
      schema.setPicklistValues(
        'Opportunity',
        'StageName',
        model.opportunityStages.stages.map((s) => s.name),
      );
    if (model.leadStatuses)
      schema.setPicklistValues(
        'Lead',
        'Status',
        model.leadStatuses.statuses.map((s) => s.name),
      );
  },
  check: checkStages,
  emit: emitStages,
  lockable: (model) => [
    ...(model.opportunityStages ? [model.opportunityStages] : []),
    ...(model.leadStatuses ? [model.leadStatuses] : []),
  ],
  catalogue: {
    pages: (cat) => [renderStagesPage(cat), renderLeadStatusesPage(cat)],
    index: stagesIndex,
    related: stagesRelated,
  },
});
