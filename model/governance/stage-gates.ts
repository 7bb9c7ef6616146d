import {
  customMetadataType,
  number,
  stageGateCriteria,
  stageGateRules,
  stagePath,
  text,
} from '../../scripts/dsl/index.ts';
import { Opportunity } from '../objects/opportunity.ts';
import { NewBusinessDeal } from './sales-process.ts';
import { opportunityStages } from './stages.ts';

/** What the rep's stage-gate checklist reads: one record per exit criterion of a stage. */
export const StageGateCriterion = customMetadataType('Stage_Gate_Criterion__mdt', {
  label: 'Stage Gate Criterion',
  locked: true,
  pluralLabel: 'Stage Gate Criteria',
  description: 'Exit criteria of each stage, generated from the stage definitions in model/governance/stages.ts.',
  fields: {
    Object__c: text({ label: 'Object', length: 80 }),
    Stage__c: text({ label: 'Stage', length: 80 }),
    Field__c: text({ label: 'Field', length: 80 }),
    Guidance__c: text({ label: 'Guidance', length: 255 }),
    Sort_Order__c: number({ label: 'Sort Order', precision: 3, scale: 0 }),
    Segments__c: text({
      label: 'Segments',
      length: 80,
      description: 'The segments the criterion applies to (ENT;MM), separated by semicolons; every deal when blank.',
    }),
  },
});

export const stageGates = {
  validationRules: stageGateRules(opportunityStages, Opportunity),
  customMetadataRecords: stageGateCriteria(opportunityStages, StageGateCriterion),
  paths: [
    stagePath(opportunityStages, 'Opportunity_Stage_Path', 'Opportunity Stage Path', { recordType: NewBusinessDeal }),
  ],
};
