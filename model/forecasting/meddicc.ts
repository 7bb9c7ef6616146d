import { assign, recordTriggeredFlow, ref } from '../../scripts/dsl/index.ts';
import { MEDDICC_ITEMS } from './deal-risk.ts';

/**
 * Counts the filled MEDDICC items on every save (before save: no extra DML). A formula field
 * cannot do it: four of the items are long text areas, which formula fields cannot read, while
 * flow formulas can. The risk score and the scorecard read the count.
 */
export const scoreMeddicc = recordTriggeredFlow('Opportunity_Score_MEDDICC', {
  label: 'Opportunity: Score MEDDICC',
  description: 'Sets MEDDICC Score to the number of the seven MEDDICC items that are filled.',
  object: 'Opportunity',
  timing: 'BeforeSave',
  on: 'CreateAndUpdate',
  formulas: {
    MeddiccScore: {
      dataType: 'Number',
      scale: 0,
      expression: MEDDICC_ITEMS.map((i) => `IF(ISBLANK({!$Record.${i.field}}), 0, 1)`).join(' + '),
    },
  },
  steps: [assign('Set_MEDDICC_Score', 'Set MEDDICC Score', { '$Record.MEDDICC_Score__c': ref('MeddiccScore') })],
});
