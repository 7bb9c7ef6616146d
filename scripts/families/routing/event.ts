/**
 * The audit of routing: every decision is published as a `Routing_Decision__e` platform event
 * with "publish immediately" behaviour, and a subscriber (RoutingDecisionEventTrigger) writes
 * it as a Routing_Decision__c record. Why an event and not a queueable or a plain insert: an
 * insert, and a queueable enqueued by the routing transaction, both vanish when that
 * transaction rolls back (a validation rule fails the 150th lead of a batch, a later trigger
 * throws); an immediately published event is delivered whatever happens to the transaction, so
 * the audit records what the router decided even for leads that were never saved.
 */

interface EventField {
  readonly label: string;
  readonly type: 'Text' | 'LongTextArea' | 'DateTime' | 'Number';
  readonly length?: number;
}

export const DECISION_EVENT = 'Routing_Decision__e';

export const DECISION_EVENT_FIELDS: Record<string, EventField> = {
  Decision_Key__c: { label: 'Decision Key', type: 'Text', length: 40 },
  Lead_Key__c: { label: 'Lead Key', type: 'Text', length: 80 },
  Lead_Id__c: { label: 'Lead ID', type: 'Text', length: 18 },
  Trigger__c: { label: 'Trigger', type: 'Text', length: 20 },
  Kind__c: { label: 'Kind', type: 'Text', length: 10 },
  Owner_Id__c: { label: 'Owner ID', type: 'Text', length: 18 },
  Queue__c: { label: 'Queue', type: 'Text', length: 80 },
  Pool__c: { label: 'Pool', type: 'Text', length: 40 },
  Rule__c: { label: 'Rule', type: 'Text', length: 40 },
  Reason__c: { label: 'Reason', type: 'Text', length: 40 },
  Detail__c: { label: 'Detail', type: 'LongTextArea', length: 32768 },
  State__c: { label: 'Seat State', type: 'LongTextArea', length: 32768 },
  Decided_At__c: { label: 'Decided At', type: 'DateTime' },
  SLA_Due_At__c: { label: 'SLA Due At', type: 'DateTime' },
  Lead_Score__c: { label: 'Lead Score', type: 'Number' },
};
