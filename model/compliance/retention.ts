import { clearAfter, deleteAfter, whereEquals } from '../../scripts/dsl/index.ts';

/**
 * How long RevOps keeps personal and audit data (blueprint 000 §9, PII minimisation; GDPR art.
 * 5(1)(e) storage limitation). Every PII field in model/compliance/classification.ts must be
 * removed by one of these rules. RetentionJob (generated) enforces them in the org;
 * `revops retention simulate` shows what they would do to a dataset.
 */
export const retentionRules = [
  clearAfter('Dormant_Lead_Contact_Data', {
    object: 'Lead',
    clock: 'Last_Engaged_At__c',
    months: 12,
    where: [whereEquals('IsConverted', false)],
    fields: ['Email', 'Phone'],
    reason: 'A lead that has not engaged for a year is no longer contacted: its contact details have no purpose left.',
    sample: {
      LastName: 'Okafor',
      Company: 'Globex',
      Status: 'MQL',
      Email: 'okafor@globex.example',
      Phone: '+1 555 0100',
    },
  }),
  deleteAfter('Dormant_Lead_Deletion', {
    object: 'Lead',
    clock: 'Last_Engaged_At__c',
    months: 24,
    where: [whereEquals('IsConverted', false)],
    reason: 'Two years without engagement: the lead, its name included, is deleted.',
    sample: { LastName: 'Okafor', Company: 'Globex', Status: 'MQL' },
  }),
  deleteAfter('Inactive_Contact_Deletion', {
    object: 'Contact',
    clock: 'LastModifiedDate',
    months: 36,
    reason: 'A contact nobody has touched for three years is no longer a business relationship; lookups to it clear.',
  }),
  deleteAfter('Audit_Event_Expiry', {
    object: 'Audit_Event__c',
    clock: 'Occurred_At__c',
    months: 84,
    reason: 'Audit events are kept seven years (the longest statutory period for commercial records), then deleted.',
    sample: { Event_Type__c: 'Retention', Source__c: 'Sample', Target_Object__c: 'Lead' },
  }),
];
