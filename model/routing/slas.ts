import { leadSla } from '../../scripts/dsl/index.ts';
import { Lead } from '../objects/lead.ts';

/**
 * SLA clocks in business minutes of the owner's calendar (001 Epic 1, 002 Phases 3 and 7, 003).
 * The timestamps are set by automation: the router (Routed_At__c), status changes (SAL, SQL)
 * and the owner's logged activities (first touch, follow-up, first meeting). "24 h" and "48 h"
 * run on business time as every clock does: one and two business days.
 */
export const leadSlas = [
  leadSla('MQL_Routed', {
    label: 'MQL routed',
    description: 'Routed to a person or a queue within 5 minutes of becoming an MQL (002).',
    start: Lead.field('MQL_Date__c'),
    stop: Lead.field('Routed_At__c'),
    minutes: 5,
  }),
  leadSla('First_Touch', {
    label: 'First touch',
    description: 'The owner touches a routed MQL within 15 minutes (001); 5 on the fast path (fit 70+).',
    start: Lead.field('Routed_At__c'),
    stop: Lead.field('First_Touch_At__c'),
    minutes: 15,
    fastPathMinutes: 5,
  }),
  leadSla('No_Action_Reroute', {
    label: 'No action: re-route',
    description: 'No touch 30 minutes after routing: alert the manager and re-route (002 escalation).',
    start: Lead.field('Routed_At__c'),
    stop: Lead.field('First_Touch_At__c'),
    minutes: 30,
    rerouteOnBreach: true,
  }),
  leadSla('SAL_Decision', {
    label: 'SAL accept or reject',
    description: 'The SDR accepts or rejects the MQL within 4 business hours (002).',
    start: Lead.field('Routed_At__c'),
    stop: Lead.field('SAL_Decided_At__c'),
    minutes: 240,
  }),
  leadSla('SQL_Follow_Up', {
    label: 'SQL follow-up',
    description: 'The owner follows up an SQL within 24 h, one business day (001).',
    start: Lead.field('SQL_At__c'),
    stop: Lead.field('Follow_Up_At__c'),
    minutes: 480,
  }),
  leadSla('First_Meeting', {
    label: 'First meeting after hand-off',
    description: 'The AE holds the first meeting within 48 h of the hand-off, two business days (002).',
    start: Lead.field('SQL_At__c'),
    stop: Lead.field('First_Meeting_At__c'),
    minutes: 960,
  }),
];
