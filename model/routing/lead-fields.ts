import { checkbox, dateTime, number, picklist, text } from '../../scripts/dsl/index.ts';

/**
 * Lead fields routing reads and writes (spread into the Lead definition in model/objects/lead.ts).
 * Inputs come from enrichment and marketing automation; everything else is set by automation
 * (the Apex router and its triggers), never typed by reps: scoring and routing recompute them
 * on every save.
 */
export const routingLeadFields = {
  // Fit inputs (enrichment)
  ICP_Tier__c: picklist({
    label: 'ICP Tier',
    values: ['A', 'B', 'C', 'D'],
    help: "The company's ICP tier, from enrichment (the account's when it is known).",
  }),
  // Engagement inputs (marketing automation)
  Pricing_Page_Visited_At__c: dateTime({ label: 'Pricing Page Visited At', help: 'Last visit to the pricing page.' }),
  Content_Downloads__c: number({ label: 'Content Downloads', precision: 4, scale: 0 }),
  Webinars_Attended__c: number({ label: 'Webinars Attended', precision: 4, scale: 0 }),
  Demo_Requested__c: checkbox({ label: 'Demo Requested' }),
  Email_Opens_7d__c: number({ label: 'Email Opens (7 Days)', precision: 4, scale: 0 }),
  Pages_Last_Session__c: number({ label: 'Pages in Last Session', precision: 4, scale: 0 }),
  Returned_Within_7d__c: checkbox({ label: 'Returned Within 7 Days' }),
  Chatbot_Engaged__c: checkbox({ label: 'Chatbot Engaged' }),
  Last_Engaged_At__c: dateTime({ label: 'Last Engaged At', help: 'Most recent engagement of any kind.' }),
  Partner_Registration_Id__c: text({
    label: 'Partner Registration ID',
    length: 40,
    help: "The partner portal's deal registration number: a partner-registered lead goes to the channel team.",
  }),
  // Computed by scoring
  Lead_Score__c: number({
    label: 'Lead Score',
    precision: 3,
    scale: 0,
    help: 'Fit + engagement + negative signals, 0-100; MQL at 50, hot at 75. Set by automation.',
  }),
  Score_Band__c: picklist({ label: 'Score Band', values: ['Hot', 'MQL', 'Below MQL'], help: 'Set by automation.' }),
  // Set by routing
  Routed_At__c: dateTime({ label: 'Routed At', help: 'When routing gave the lead an owner or a queue.' }),
  Routing_Status__c: picklist({ label: 'Routing Status', values: ['Assigned', 'Queued', 'Held'] }),
  Routing_Rule__c: text({ label: 'Routing Rule', length: 40 }),
  Routing_Pool__c: text({ label: 'Routing Pool', length: 40 }),
  Routing_Reason__c: text({
    label: 'Routing Reason',
    length: 255,
    help: 'Why this owner; the full audit is the routing decision.',
  }),
  Routing_Decision_Key__c: text({
    label: 'Routing Decision Key',
    length: 40,
    unique: true,
    externalId: true,
    help: 'Joins the lead to its routing decision records (written even when the save rolled back).',
  }),
  First_Touch_Due_At__c: dateTime({
    label: 'First Touch Due At',
    help: "The first-touch SLA's deadline, in business hours.",
  }),
  // SLA clock stamps, set by automation
  SAL_Decided_At__c: dateTime({ label: 'SAL Decided At', help: 'When the SDR accepted or rejected the MQL.' }),
  SQL_At__c: dateTime({ label: 'SQL At', help: 'When the lead became an SQL (the hand-off to an AE).' }),
  Follow_Up_At__c: dateTime({ label: 'Follow-Up At', help: "The owner's first activity after the hand-off." }),
  First_Meeting_At__c: dateTime({ label: 'First Meeting At', help: 'The first meeting logged after the hand-off.' }),
};

/** Fields only automation sets: read-only in every role's permission set (model/security). */
export const routingAutomationFields = [
  'Lead_Score__c',
  'Score_Band__c',
  'Segment_Fit_Score__c',
  'Intent_Score__c',
  'Fast_Path__c',
  'Routed_At__c',
  'Routing_Status__c',
  'Routing_Rule__c',
  'Routing_Pool__c',
  'Routing_Reason__c',
  'Routing_Decision_Key__c',
  'First_Touch_Due_At__c',
  'First_Touch_At__c',
  'SAL_Decided_At__c',
  'SQL_At__c',
  'Follow_Up_At__c',
  'First_Meeting_At__c',
];
