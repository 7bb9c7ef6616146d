import { picklist, standardObject, text } from '../../scripts/dsl/index.ts';
import { bypassStamp, externalId, PERSONAS } from './shared.ts';

/** People at accounts, with their role in the buying committee and how they first arrived. */
export const Contact = standardObject('Contact', {
  locked: true,
  standardFields: { OwnerId: { trackHistory: true }, Email: { trackHistory: true } },
  fields: {
    Buying_Role__c: picklist({
      label: 'Buying Role',
      values: ['Economic Buyer', 'Champion', 'Technical Evaluator', 'User', 'Legal', 'Procurement', 'Blocker'],
      trackHistory: true,
    }),
    // Unrestricted: lead conversion maps Lead.Persona__c onto it (allowed-value rule in governance/value-list-rules.ts).
    Persona__c: picklist({ label: 'Persona', values: PERSONAS, restricted: false }),
    Original_Source__c: text({
      label: 'Original Source',
      length: 80,
      locked: true,
      help: 'Source of first touch; never changes.',
    }),
    Most_Recent_Source__c: text({ label: 'Most Recent Source', length: 80 }),
    Last_Governance_Bypass__c: bypassStamp(),
    External_Id__c: externalId(),
  },
});
