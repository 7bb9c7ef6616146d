import { customObject, date, dateTime, longText, lookup, picklist } from '../../scripts/dsl/index.ts';
import { LossReason } from '../governance/reason-codes.ts';
import { externalId } from '../objects/shared.ts';
import { fromValueSet } from '../../scripts/dsl/index.ts';

/** The closeout outcomes of a POC or trial (blueprint 001 Epic 5): expand, extend (paid), or exit. */
export const POC_OUTCOMES = ['Expand', 'Extend (Paid)', 'Exit'];

/**
 * A proof of concept or trial run for a deal (blueprint 001 Epic 5): when it runs, the last sign
 * of use, and how it closed. Lifecycle automation alerts Sales/CS after 48 h of inactivity and asks
 * for the closeout once the end date passes.
 */
export const Poc = customObject('POC__c', {
  label: 'POC',
  pluralLabel: 'POCs',
  nameField: { label: 'POC Number', type: 'AutoNumber', displayFormat: 'POC-{00000}' },
  description: 'Proofs of concept and trials: dates, activity, outcome and exit reason.',
  locked: true,
  // Lifecycle tasks (stall alerts, kickoff tasks) are filed on the record.
  enableActivities: true,
  fields: {
    Opportunity__c: lookup('Opportunity', { label: 'Opportunity', relationshipName: 'POCs' }),
    Account__c: lookup('Account', { label: 'Account', relationshipName: 'POCs' }),
    Status__c: picklist({
      label: 'Status',
      values: ['Planned', 'Active', 'Stalled', 'Closed'],
      default: 'Planned',
      required: true,
      trackHistory: true,
    }),
    Start_Date__c: date({ label: 'Start Date', trackHistory: true }),
    End_Date__c: date({ label: 'End Date', help: 'The agreed last day of the POC or trial.', trackHistory: true }),
    Last_Activity_At__c: dateTime({
      label: 'Last Activity',
      help: 'The latest sign of use (product telemetry or a logged activity). Set by integrations, never typed.',
    }),
    Outcome__c: picklist({ label: 'Outcome', values: POC_OUTCOMES, trackHistory: true }),
    Exit_Reason__c: picklist({ label: 'Exit Reason', values: fromValueSet(LossReason.name), trackHistory: true }),
    Lessons__c: longText({ label: 'Lessons Learned' }),
    External_Id__c: externalId(),
  },
});
