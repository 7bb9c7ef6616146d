import { checkbox, customObject, date, longText, lookup, picklist } from '../../scripts/dsl/index.ts';
import { bypassStamp, externalId } from '../objects/shared.ts';

/** Security, roadmap and services promises made during the sale, with an owner and a due date (blueprint 000 §7). */
export const Commitment = customObject('Commitment__c', {
  label: 'Commitment',
  pluralLabel: 'Commitments',
  nameField: { label: 'Commitment Number', type: 'AutoNumber', displayFormat: 'CMT-{00000}' },
  description: 'Commitment registry: what was promised, by whom, by when.',
  locked: true,
  fields: {
    Opportunity__c: lookup('Opportunity', { label: 'Opportunity', relationshipName: 'Commitments' }),
    Account__c: lookup('Account', { label: 'Account', relationshipName: 'Commitments' }),
    Type__c: picklist({ label: 'Type', values: ['Security', 'Roadmap', 'Services', 'Commercial'], required: true }),
    Description__c: longText({
      label: 'Description',
      help: 'Exactly what was promised, in the words used with the customer.',
    }),
    Due_Date__c: date({ label: 'Due Date', required: true, trackHistory: true }),
    Status__c: picklist({
      label: 'Status',
      values: ['Open', 'In Progress', 'Delivered', 'Missed', 'Cancelled'],
      default: 'Open',
      required: true,
      trackHistory: true,
    }),
    Last_Governance_Bypass__c: bypassStamp(),
    Overdue__c: checkbox({
      label: 'Overdue',
      help: 'Flagged by lifecycle automation when the due date passes with the commitment still open.',
      trackHistory: true,
    }),
    External_Id__c: externalId(),
  },
});
