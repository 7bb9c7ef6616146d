import { customObject, date, formula, longText, lookup, picklist } from '../../scripts/dsl/index.ts';
import { bypassStamp, externalId } from '../objects/shared.ts';

/** Exceptions expire: no off-process approval lives longer than this (blueprint 000 §9). */
export const MAX_EXCEPTION_DAYS = 90;

/** The registry of off-process deals: owner, reason, reviewer, forced expiry (blueprint 000 §1, §9). */
export const DealException = customObject('Deal_Exception__c', {
  label: 'Deal Exception',
  pluralLabel: 'Deal Exceptions',
  nameField: { label: 'Exception Number', type: 'AutoNumber', displayFormat: 'EXC-{00000}' },
  description: 'Off-process deals with an owner, a reason, a reviewer and a forced expiry.',
  sharingModel: 'Read',
  locked: true,
  fields: {
    Opportunity__c: lookup('Opportunity', { label: 'Opportunity', relationshipName: 'Deal_Exceptions' }),
    Account__c: lookup('Account', { label: 'Account', relationshipName: 'Deal_Exceptions' }),
    Reason__c: picklist({
      label: 'Reason',
      values: [
        'Non-Standard Terms',
        'Discount Above Ladder',
        'Custom SKU',
        'Skipped Stage Gate',
        'Payment Terms',
        'Other',
      ],
      required: true,
      trackHistory: true,
    }),
    Details__c: longText({ label: 'Details', help: 'What is off-process and why the business should accept it.' }),
    Status__c: picklist({
      label: 'Status',
      values: ['Requested', 'Approved', 'Rejected', 'Expired'],
      default: 'Requested',
      required: true,
      trackHistory: true,
    }),
    Reviewer__c: lookup('User', {
      label: 'Reviewer',
      relationshipName: 'Reviewed_Deal_Exceptions',
      trackHistory: true,
    }),
    Expires_On__c: date({
      label: 'Expires On',
      required: true,
      help: `At most ${MAX_EXCEPTION_DAYS} days ahead. Expired exceptions no longer apply.`,
      trackHistory: true,
    }),
    Region__c: formula('Text', 'BLANKVALUE(TEXT(Account__r.Geo__c), TEXT(Opportunity__r.Account.Geo__c))', {
      label: 'Region',
      description: "The region (Geo) of the exception's account, or of its deal's account: exceptions by region.",
      blanks: 'blank',
    }),
    Last_Governance_Bypass__c: bypassStamp(),
    External_Id__c: externalId(),
  },
});
