import { businessProcess, recordType } from '../../scripts/dsl/index.ts';
import { Opportunity } from '../objects/opportunity.ts';
import { opportunityStages } from './stages.ts';

export const newBusinessProcess = businessProcess('Opportunity', 'RevOps_New_Business', {
  description: 'The stage-gated new-business sales process.',
  values: opportunityStages.stages.map((s) => s.name),
  locked: true,
});

/**
 * The record type that puts deals on the new-business process (a process is assigned through a
 * record type, nothing else) and carries the stage Path. It is the default for the profiles
 * below; permission sets make it visible to the roles that create deals.
 */
export const NewBusinessDeal = recordType(Opportunity, 'RevOps_New_Business', {
  label: 'New Business',
  description: 'New-business deals, on the stage-gated sales process.',
  businessProcess: newBusinessProcess,
  defaultForProfiles: ['Admin', 'Standard'],
  locked: true,
});
