import { businessProcess } from '../../scripts/dsl/index.ts';
import { opportunityStages } from './stages.ts';

export const newBusinessProcess = businessProcess('Opportunity', 'RevOps_New_Business', {
  description: 'The stage-gated new-business sales process.',
  values: opportunityStages.stages.map((s) => s.name),
  locked: true,
});
