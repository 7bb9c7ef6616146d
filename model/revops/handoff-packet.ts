import { checkbox, customObject, dateTime, longText, lookup, picklist, text } from '../../scripts/dsl/index.ts';
import { bypassStamp, externalId } from '../objects/shared.ts';

export const HANDOFF_TYPES = ['SDR to AE', 'AE to SE', 'AE to CS', 'CS to Renewals'];

/** The mandatory packet of every hand-off: use case, success criteria, risks, commitments (blueprint 000 §7). */
export const HandoffPacket = customObject('Handoff_Packet__c', {
  label: 'Hand-off Packet',
  pluralLabel: 'Hand-off Packets',
  nameField: { label: 'Packet Number', type: 'AutoNumber', displayFormat: 'HOP-{00000}' },
  description: 'What the receiving team needs to take over; accepted or rejected with a reason.',
  locked: true,
  // Lifecycle tasks (stall alerts, kickoff tasks) are filed on the record.
  enableActivities: true,
  fields: {
    Handoff_Type__c: picklist({ label: 'Hand-off Type', values: HANDOFF_TYPES, required: true }),
    Opportunity__c: lookup('Opportunity', { label: 'Opportunity', relationshipName: 'Handoff_Packets' }),
    Account__c: lookup('Account', { label: 'Account', relationshipName: 'Handoff_Packets' }),
    Lead__c: lookup('Lead', { label: 'Lead', relationshipName: 'Handoff_Packets' }),
    Receiver__c: lookup('User', { label: 'Receiver', relationshipName: 'Received_Handoff_Packets' }),
    Use_Case__c: longText({ label: 'Use Case' }),
    Success_Criteria__c: longText({ label: 'Success Criteria' }),
    Risks__c: longText({ label: 'Risks' }),
    Commitments_Summary__c: longText({
      label: 'Commitments',
      help: 'Promises made so far; each one also belongs in the commitment registry.',
    }),
    Status__c: picklist({
      label: 'Status',
      values: ['Draft', 'Submitted', 'Accepted', 'Rejected'],
      default: 'Draft',
      required: true,
      trackHistory: true,
    }),
    Rejection_Reason__c: text({
      label: 'Rejection Reason',
      help: 'What is missing or wrong; the sender fixes it and resubmits.',
    }),
    Last_Governance_Bypass__c: bypassStamp(),
    Submitted_At__c: dateTime({
      label: 'Submitted At',
      help: 'When the sender submitted the packet; SLA clocks start here.',
    }),
    Accepted_At__c: dateTime({ label: 'Accepted At', help: 'When the receiver accepted the packet.' }),
    Kickoff_At__c: dateTime({
      label: 'Kickoff At',
      help: 'When the first meeting (SDR to AE) or the CS kickoff (AE to CS) took place.',
    }),
    SLA_Breached__c: checkbox({
      label: 'SLA Breached',
      help: 'Set by lifecycle automation when acceptance or the kickoff came late.',
      trackHistory: true,
    }),
    External_Id__c: externalId(),
  },
});
