import { fromValueSet, number, picklist, standardObject, text } from '../../scripts/dsl/index.ts';
import { DisqualificationReason } from '../governance/reason-codes.ts';
import { SEGMENTS } from './account.ts';

export const Lead = standardObject('Lead', {
  locked: true,
  standardFields: { Status: { trackHistory: true }, OwnerId: { trackHistory: true } },
  fields: {
    Lead_Source_Original__c: text({
      label: 'Original Lead Source',
      length: 80,
      locked: true,
      help: 'Snapshot of the first lead source; never changes.',
    }),
    ICP_Fit_Score__c: number({
      label: 'ICP Fit Score',
      precision: 3,
      scale: 0,
      help: '0-100, from enrichment and behaviour.',
    }),
    Segment__c: picklist({ label: 'Segment', values: SEGMENTS }),
    Disqualification_Reason__c: picklist({
      label: 'Disqualification Reason',
      values: fromValueSet(DisqualificationReason.name),
    }),
  },
});
