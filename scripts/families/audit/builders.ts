/**
 * Audit trails (blueprint 000 §9): for each audited event — pricing overrides, term deviations,
 * bypass use, data exports — where the org records it. Field history where a tracked field's
 * change is the event (who, when, old and new value); the Audit_Event__c object where history
 * cannot hold it (a record a retention rule deletes takes its history with it); Salesforce Event
 * Monitoring where only the platform sees it (report and list-view exports, Bulk API reads).
 */
import type { FieldRef } from '../../core/model-types.ts';

export type AuditEventKind = 'Pricing Override' | 'Term Deviation' | 'Bypass Use' | 'Data Export' | 'Retention';

export type AuditMechanism =
  | { readonly via: 'history'; readonly fields: readonly FieldRef[] }
  | { readonly via: 'auditObject'; readonly object: string; readonly writtenBy: string }
  | { readonly via: 'eventMonitoring'; readonly eventTypes: readonly string[] };

export interface AuditTrailDef {
  readonly kind: 'auditTrail';
  readonly event: AuditEventKind;
  readonly description: string;
  readonly mechanism: AuditMechanism;
  readonly locked?: boolean;
}

export interface AuditModel {
  readonly auditTrails: readonly AuditTrailDef[];
}

/** The event is a tracked field's change: field history records it (the check holds the fields tracked). */
export const historyTrail = (
  event: AuditEventKind,
  description: string,
  fields: readonly FieldRef[],
): AuditTrailDef => ({
  kind: 'auditTrail',
  event,
  description,
  mechanism: { via: 'history', fields },
});

/** The event is written as a row of an audit object by `writtenBy` (a job, a flow). */
export const auditObjectTrail = (
  event: AuditEventKind,
  description: string,
  o: { object: string; writtenBy: string },
): AuditTrailDef => ({ kind: 'auditTrail', event, description, mechanism: { via: 'auditObject', ...o } });

/** Only Salesforce Event Monitoring (Shield or the add-on) sees the event: its EventLogFile / real-time event types. */
export const eventMonitoringTrail = (
  event: AuditEventKind,
  description: string,
  eventTypes: readonly string[],
): AuditTrailDef => ({ kind: 'auditTrail', event, description, mechanism: { via: 'eventMonitoring', eventTypes } });
