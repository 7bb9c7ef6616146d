import {
  access,
  auditObjectTrail,
  customObject,
  dateTime,
  editable,
  eventMonitoringTrail,
  fieldsOf,
  historyTrail,
  lookup,
  longText,
  permissionSet,
  picklist,
  readOnly,
  text,
  validationRule,
} from '../../scripts/dsl/index.ts';
import { dataObjects } from '../data-objects.ts';
import { Contact } from '../objects/contact.ts';
import { BYPASS_AUDITED } from '../automation/bypass-audit.ts';
import { Lead } from '../objects/lead.ts';

/**
 * Blueprint 000 §9 (audit logs): what field history cannot hold. Field history records who changed
 * a tracked field from what to what (discounts, approvals, ARR, stages, the bypass stamp: see
 * docs/audit.md); this object records events that are not one field's change — a retention rule
 * clearing or deleting a record (RetentionJob), and the kinds automation writes as they are added.
 * Data exports are not here: only Salesforce Event Monitoring sees report exports (docs/audit.md).
 */
export const AUDIT_EVENT_TYPES = ['Retention', 'Pricing Override', 'Term Deviation', 'Bypass Use', 'Data Export'];

export const AuditEvent = customObject('Audit_Event__c', {
  label: 'Audit Event',
  pluralLabel: 'Audit Events',
  nameField: { label: 'Audit Event Number', type: 'AutoNumber', displayFormat: 'AUD-{0000000}' },
  description:
    'An audited event that is not one field change: retention actions, overrides, deviations. Written by automation, never edited.',
  sharingModel: 'Private',
  locked: true,
  fields: {
    Event_Type__c: picklist({ label: 'Event Type', values: AUDIT_EVENT_TYPES, required: true }),
    Source__c: text({
      label: 'Source',
      length: 80,
      required: true,
      help: 'The rule, flow or job that wrote the event.',
    }),
    Target_Object__c: text({ label: 'Target Object', length: 80, required: true }),
    Record_Id__c: text({
      label: 'Record ID',
      length: 18,
      help: 'The record the event is about (it may since be deleted).',
    }),
    Detail__c: longText({ label: 'Detail', length: 32768, visibleLines: 5 }),
    Occurred_At__c: dateTime({ label: 'Occurred At', required: true }),
    History_Id__c: text({
      label: 'History ID',
      length: 18,
      unique: true,
      externalId: true,
      help: 'The field history row this event copies (AuditHistoryJob): each row is copied once.',
    }),
    Changed_By__c: lookup('User', { label: 'Changed By', relationshipName: 'Audited_Changes' }),
  },
});

export const auditEventsAreImmutable = validationRule(AuditEvent, 'Audit_Events_Are_Immutable', {
  description:
    'An audit event is written once: no edit, by anyone (a delete is the retention rule\u2019s, and audited).',
  formula: 'NOT(ISNEW())',
  message: 'Audit events cannot be edited.',
});

/** Blueprint 000 §9: where each audited event is recorded (docs/audit.md). */
export const auditTrails = [
  historyTrail(
    'Pricing Override',
    'Who changed a discount or its deal-desk approval, from what to what, and when; concessions granted.',
    [
      { object: 'Opportunity', field: 'Discount_Percent__c' },
      { object: 'Opportunity', field: 'Discount_Approval_Status__c' },
      { object: 'Opportunity', field: 'ARR__c' },
      { object: 'Concession__c', field: 'Value__c' },
      { object: 'Concession__c', field: 'Status__c' },
    ],
  ),
  historyTrail(
    'Term Deviation',
    'Off-standard terms are Deal Exceptions (Non-Standard Terms, Payment Terms): their reason, decision, reviewer and expiry; contract term and uplift changes.',
    [
      { object: 'Deal_Exception__c', field: 'Reason__c' },
      { object: 'Deal_Exception__c', field: 'Status__c' },
      { object: 'Deal_Exception__c', field: 'Reviewer__c' },
      { object: 'Deal_Exception__c', field: 'Expires_On__c' },
      { object: 'Contract', field: 'ContractTerm' },
      { object: 'Contract', field: 'Uplift_Percent__c' },
    ],
  ),
  historyTrail(
    'Bypass Use',
    'Every save made with the governance bypass stamps Last Governance Bypass; its history says who and when.',
    BYPASS_AUDITED.map((object) => ({ object, field: 'Last_Governance_Bypass__c' })),
  ),
  auditObjectTrail(
    'Retention',
    'A record a retention rule cleared or deleted (its history goes with a deleted record).',
    { object: 'Audit_Event__c', writtenBy: 'RetentionJob' },
  ),
  eventMonitoringTrail(
    'Data Export',
    'Report and list-view exports and API reads: only Salesforce Event Monitoring sees them (not in this metadata).',
    ['ReportExport', 'Report', 'BulkApi', 'API', 'RestApi', 'ReportEvent', 'ListViewEvent', 'BulkApiResultEvent'],
  ),
];

/** Field history the trails name; the data steward reads it (and its objects) to copy it. */
const historyFields = auditTrails.flatMap((t) => (t.mechanism.via === 'history' ? t.mechanism.fields : []));
/** Required fields come with object access and cannot be listed in a permission set. */
const listable = (ref: { object: string; field: string }): boolean => {
  const fields: Readonly<Record<string, { required?: boolean }>> | undefined = dataObjects.find(
    (o) => o.apiName === ref.object,
  )?.fields;
  return !fields?.[ref.field]?.required;
};
/** Objects the retention rules clear or delete: the steward edits them (their fields come with fieldsOf). */
const RETENTION_OBJECTS = ['Lead', 'Contact'];
const auditedObjects = [...new Set(historyFields.map((f) => f.object))].filter((o) => !RETENTION_OBJECTS.includes(o));

/**
 * The user RetentionJob and AuditHistoryJob run as: reads, clears and deletes what the retention
 * rules name, reads the audited objects' fields (their history is visible only so), writes audit events. No View All / Modify All: schedule it as an integration user that sharing lets see
 * the records (or that also holds RevOps_Admin).
 */
export const DataSteward = permissionSet('RevOps_Data_Steward', {
  label: 'RevOps: Data Steward',
  description:
    'For the user the retention and audit history jobs run as: clears and deletes expired personal data, copies field history into audit events.',
  objects: {
    ...Object.fromEntries(auditedObjects.map((object) => [object, access('R')])),
    Lead: access('RED'),
    Contact: access('RED'),
    Audit_Event__c: access('CRED'),
  },
  fields: [
    fieldsOf(Lead, { edit: false }),
    fieldsOf(Contact, { edit: false }),
    fieldsOf(AuditEvent),
    editable(Lead.field('Email'), Lead.field('Phone')),
    readOnly(...historyFields.filter((f) => !RETENTION_OBJECTS.includes(f.object) && listable(f))),
  ],
  apexClasses: ['RetentionJob', 'AuditHistoryJob'],
  locked: true,
});
