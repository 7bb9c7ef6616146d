import { currency, customObject, date, longText, lookup, picklist } from '../../scripts/dsl/index.ts';
import { bypassStamp, externalId } from '../objects/shared.ts';

/** Concessions given to win or keep a deal, with an expiry tied to the renewal (blueprint 000 §4). */
export const Concession = customObject('Concession__c', {
  label: 'Concession',
  pluralLabel: 'Concessions',
  nameField: { label: 'Concession Number', type: 'AutoNumber', displayFormat: 'CNC-{00000}' },
  description: 'Concessions register: value, type, expiry tied to the renewal date.',
  sharingModel: 'Read',
  locked: true,
  fields: {
    Opportunity__c: lookup('Opportunity', { label: 'Opportunity', relationshipName: 'Concessions' }),
    Account__c: lookup('Account', { label: 'Account', relationshipName: 'Concessions' }),
    Contract__c: lookup('Contract', { label: 'Contract', relationshipName: 'Concessions' }),
    Type__c: picklist({
      label: 'Type',
      values: ['Discount', 'Free Months', 'Extra Seats', 'Payment Terms', 'Price Lock', 'Other'],
      required: true,
    }),
    Value__c: currency({ label: 'Value', trackHistory: true }),
    Details__c: longText({ label: 'Details' }),
    Expires_On__c: date({
      label: 'Expires On',
      required: true,
      help: 'No later than the contract end date: concessions end at renewal.',
      trackHistory: true,
    }),
    Last_Governance_Bypass__c: bypassStamp(),
    Status__c: picklist({
      label: 'Status',
      values: ['Active', 'Expired'],
      default: 'Active',
      required: true,
      trackHistory: true,
      help: 'Expired on the expiry date by lifecycle automation.',
    }),
    External_Id__c: externalId(),
  },
});
