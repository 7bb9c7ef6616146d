import { customObject, dateTime, lookup, picklist, text } from '../../scripts/dsl/index.ts';

/** What a lifecycle job did to a record (`revops lifecycle simulate` lists the same kinds). */
export const LIFECYCLE_ACTIONS = ['Task', 'Alert', 'Escalation', 'Auto-Close', 'Renewal', 'Expiry', 'Flag'];

/**
 * The lifecycle automation's ledger: one row per action a scheduled job took, keyed by what makes
 * the action unique (job, record, step, window). A job writes the row in the same transaction as
 * the action and skips any key already present, so a rerun, an overlapping schedule or a record
 * loaded late never acts twice. Written by automation only.
 */
export const LifecycleAction = customObject('Lifecycle_Action__c', {
  label: 'Lifecycle Action',
  pluralLabel: 'Lifecycle Actions',
  nameField: { label: 'Action Number', type: 'AutoNumber', displayFormat: 'LCA-{0000000}' },
  description: 'What each scheduled lifecycle job did, once per key: the audit trail and the idempotency key.',
  sharingModel: 'Read',
  locked: true,
  fields: {
    Action_Key__c: text({
      label: 'Action Key',
      length: 255,
      unique: true,
      externalId: true,
      required: true,
      help: 'Job:record:step[:window]. A key is acted on once.',
    }),
    Job__c: text({ label: 'Job', length: 40, required: true }),
    Action__c: picklist({ label: 'Action', values: LIFECYCLE_ACTIONS, required: true }),
    Record_Id__c: text({ label: 'Record ID', length: 18, help: 'The record the job acted on.' }),
    Created_Record_Id__c: text({
      label: 'Created Record ID',
      length: 18,
      help: 'The task or deal the action created.',
    }),
    Reason__c: text({ label: 'Reason', length: 255 }),
    Recipient__c: lookup('User', { label: 'Recipient', relationshipName: 'Lifecycle_Actions' }),
    Acted_At__c: dateTime({ label: 'Acted At', required: true }),
  },
});
