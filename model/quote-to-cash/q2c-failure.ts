import { customObject, dateTime, lookup, text } from '../../scripts/dsl/index.ts';

/** The ledger of quote-to-cash failures: one row each time a deal reaches Commercials failing a check. */
export const Q2CFailure = customObject('Q2C_Failure__c', {
  label: 'Q2C Failure',
  pluralLabel: 'Q2C Failures',
  nameField: { label: 'Failure Number', type: 'AutoNumber', displayFormat: 'Q2C-{0000000}' },
  description:
    'A deal that reached Commercials failing a quote-to-cash check: written by automation, read by the deal desk.',
  sharingModel: 'Read',
  locked: true,
  fields: {
    Opportunity__c: lookup('Opportunity', { label: 'Opportunity', relationshipName: 'Q2C_Failures' }),
    Checks__c: text({ label: 'Failed Checks', length: 255, help: 'The checks the deal failed, e.g. "Tax; ".' }),
    Stage__c: text({ label: 'Stage', length: 40 }),
    Detected_At__c: dateTime({ label: 'Detected At' }),
  },
});
