import {
  checkbox,
  customMetadataType,
  customObject,
  dateTime,
  longText,
  lookup,
  number,
  picklist,
  standardObject,
  text,
} from '../../scripts/dsl/index.ts';

/*
 * The objects routing runs on. Configuration is custom metadata (deployed, reviewed, never
 * edited in production); people, seats and decisions are data.
 */

const name40 = (label: string) => text({ label, length: 40 });

export const RoutingSetting = customMetadataType('Routing_Setting__mdt', {
  label: 'Routing Setting',
  pluralLabel: 'Routing Settings',
  description: 'Thresholds, caps on fit and engagement, the fallback, disqualified and hold queues (model/routing).',
  fields: {
    MQL_Threshold__c: number({ label: 'MQL Threshold', precision: 3, scale: 0 }),
    Hot_Threshold__c: number({ label: 'Hot Threshold', precision: 3, scale: 0 }),
    Fit_Max__c: number({ label: 'Fit Max', precision: 3, scale: 0 }),
    Engagement_Max__c: number({ label: 'Engagement Max', precision: 3, scale: 0 }),
    Fast_Path_Fit__c: number({ label: 'Fast Path Fit', precision: 3, scale: 0 }),
    Fallback_Queue__c: name40('Fallback Queue'),
    Disqualified_Queue__c: name40('Disqualified Queue'),
    Hold_Queue__c: name40('Hold Queue'),
    Default_Calendar__c: name40('Default Calendar'),
    Free_Mail_Domains__c: text({ label: 'Free Mail Domains', length: 255 }),
    Public_Suffixes__c: text({ label: 'Public Suffixes', length: 255 }),
  },
});

const day = (label: string) => text({ label, length: 40 });
export const RoutingCalendar = customMetadataType('Routing_Calendar__mdt', {
  label: 'Routing Calendar',
  pluralLabel: 'Routing Calendars',
  description: 'Business hours: a time zone and working windows per weekday (HH:MM-HH:MM, comma-separated).',
  fields: {
    Time_Zone__c: name40('Time Zone'),
    Monday__c: day('Monday'),
    Tuesday__c: day('Tuesday'),
    Wednesday__c: day('Wednesday'),
    Thursday__c: day('Thursday'),
    Friday__c: day('Friday'),
    Saturday__c: day('Saturday'),
    Sunday__c: day('Sunday'),
  },
});

export const RoutingHoliday = customMetadataType('Routing_Holiday__mdt', {
  label: 'Routing Holiday',
  pluralLabel: 'Routing Holidays',
  description: 'A closed local date of a routing calendar.',
  fields: { Calendar__c: name40('Calendar'), Date__c: text({ label: 'Date', length: 10 }) },
});

export const RoutingPool = customMetadataType('Routing_Pool__mdt', {
  label: 'Routing Pool',
  pluralLabel: 'Routing Pools',
  description: 'A round-robin pool: calendar, caps, working-hours policy and what happens when nobody is available.',
  fields: {
    Calendar__c: name40('Calendar'),
    Daily_Cap__c: number({ label: 'Daily Cap', precision: 5, scale: 0 }),
    Weekly_Cap__c: number({ label: 'Weekly Cap', precision: 5, scale: 0 }),
    After_Hours__c: name40('After Hours'),
    When_Nobody_Available__c: name40('When Nobody Available'),
    Overflow__c: name40('Overflow'),
    Description__c: text({ label: 'Description', length: 255 }),
  },
});

export const RoutingRule = customMetadataType('Routing_Rule__mdt', {
  label: 'Routing Rule',
  pluralLabel: 'Routing Rules',
  description: 'An ordered routing rule; its condition is the Routing Condition records it owns.',
  fields: {
    Order__c: number({ label: 'Order', precision: 5, scale: 0 }),
    Action__c: name40('Action'),
    Target__c: name40('Target'),
    Active__c: checkbox({ label: 'Active' }),
    Description__c: text({ label: 'Description', length: 255 }),
  },
});

export const RoutingCondition = customMetadataType('Routing_Condition__mdt', {
  label: 'Routing Condition',
  pluralLabel: 'Routing Conditions',
  description: 'One node of a condition tree (all / any / not / field test) of a rule, signal or disqualifier.',
  fields: {
    Owner__c: name40('Owner'),
    Node__c: name40('Node'),
    Logic__c: name40('Logic'),
    Field__c: text({ label: 'Field', length: 80 }),
    Operator__c: name40('Operator'),
    Value__c: text({ label: 'Value', length: 255 }),
  },
});

export const LeadScoreSignal = customMetadataType('Lead_Score_Signal__mdt', {
  label: 'Lead Score Signal',
  pluralLabel: 'Lead Score Signals',
  description: 'Fit, engagement or negative points a lead earns when its condition holds.',
  fields: {
    Order__c: number({ label: 'Order', precision: 5, scale: 0 }),
    Category__c: name40('Category'),
    Points__c: number({ label: 'Points', precision: 4, scale: 0 }),
    Decay_Field__c: text({ label: 'Decay Field', length: 80 }),
    Decay_After_Days__c: number({ label: 'Decay After Days', precision: 4, scale: 0 }),
    Decay_Per_Week__c: number({ label: 'Decay Per Week', precision: 4, scale: 0 }),
  },
});

export const LeadDisqualifier = customMetadataType('Lead_Disqualifier__mdt', {
  label: 'Lead Disqualifier',
  pluralLabel: 'Lead Disqualifiers',
  description: 'A disqualifier enforced at intake, with the disqualification reason it sets.',
  fields: {
    Order__c: number({ label: 'Order', precision: 5, scale: 0 }),
    Reason__c: text({ label: 'Reason', length: 80 }),
  },
});

export const LeadSla = customMetadataType('Lead_SLA__mdt', {
  label: 'Lead SLA',
  pluralLabel: 'Lead SLAs',
  description: 'An SLA clock in business minutes between two lead timestamps set by automation.',
  fields: {
    Order__c: number({ label: 'Order', precision: 5, scale: 0 }),
    Start_Field__c: text({ label: 'Start Field', length: 80 }),
    Stop_Field__c: text({ label: 'Stop Field', length: 80 }),
    Minutes__c: number({ label: 'Minutes', precision: 6, scale: 0 }),
    Fast_Path_Minutes__c: number({ label: 'Fast Path Minutes', precision: 6, scale: 0 }),
    Reroute_On_Breach__c: checkbox({ label: 'Reroute On Breach' }),
  },
});

export const routingMetadataTypes = [
  RoutingSetting,
  RoutingCalendar,
  RoutingHoliday,
  RoutingPool,
  RoutingRule,
  RoutingCondition,
  LeadScoreSignal,
  LeadDisqualifier,
  LeadSla,
];

/** Working hours and absences of the people routing gives leads to. */
export const UserRouting = standardObject('User', {
  fields: {
    Routing_Calendar__c: text({
      label: 'Routing Calendar',
      length: 40,
      help: "Your working hours for lead routing (a Routing Calendar); your pool's when blank.",
    }),
    Away_From__c: dateTime({ label: 'Away From', help: 'Routing gives you no new pool leads from this time...' }),
    Away_Until__c: dateTime({ label: 'Away Until', help: '...until this time (named-account leads still reach you).' }),
  },
});

/** A seat in a pool: its weight, and the round-robin and cap state the router locks FOR UPDATE. */
export const RoutingPoolMember = customObject('Routing_Pool_Member__c', {
  label: 'Routing Pool Member',
  pluralLabel: 'Routing Pool Members',
  nameField: { label: 'Seat', type: 'AutoNumber', displayFormat: 'SEAT-{00000}' },
  // Who holds a seat is no secret; only routing admins have the object at all.
  sharingModel: 'ReadWrite',
  enableSearch: false,
  description: "A user's seat in a routing pool (Routing_Pool__mdt): weight, active flag, and the router's state.",
  fields: {
    Pool__c: text({ label: 'Pool', length: 40, required: true }),
    User__c: lookup('User', { label: 'User', relationshipName: 'Routing_Seats' }),
    Weight__c: number({
      label: 'Weight',
      precision: 3,
      scale: 0,
      help: "Share of the pool's leads; 0 pauses the seat.",
    }),
    Active__c: checkbox({ label: 'Active', defaultValue: true }),
    Credit__c: number({ label: 'Round-Robin Credit', precision: 12, scale: 0, help: 'Set by the router.' }),
    Day_Key__c: text({ label: 'Day', length: 10, help: 'Local day of the daily count (pool time zone).' }),
    Assigned_Today__c: number({ label: 'Assigned Today', precision: 6, scale: 0 }),
    Week_Key__c: text({ label: 'Week', length: 10, help: 'Monday of the local week of the weekly count.' }),
    Assigned_This_Week__c: number({ label: 'Assigned This Week', precision: 6, scale: 0 }),
    Last_Assigned_At__c: dateTime({ label: 'Last Assigned At' }),
  },
});

/** The audit: one record per decision, written from the platform event (kept when the save rolls back). */
export const RoutingDecision = customObject('Routing_Decision__c', {
  label: 'Routing Decision',
  pluralLabel: 'Routing Decisions',
  nameField: { label: 'Decision', type: 'AutoNumber', displayFormat: 'RD-{0000000}' },
  sharingModel: 'Read',
  enableSearch: false,
  description: 'What routing decided for a lead and why: rule, pool, candidates, seat state.',
  fields: {
    Decision_Key__c: text({ label: 'Decision Key', length: 40, unique: true, externalId: true }),
    Lead__c: lookup('Lead', { label: 'Lead', relationshipName: 'Routing_Decisions' }),
    Lead_Key__c: text({ label: 'Lead Key', length: 80 }),
    Lead_Saved__c: checkbox({ label: 'Lead Saved', help: 'False when the save that routed the lead rolled back.' }),
    Trigger__c: picklist({ label: 'Trigger', values: ['Intake', 'Rescore', 'Reroute', 'Reassignment'] }),
    Kind__c: picklist({ label: 'Kind', values: ['owner', 'queue', 'hold'] }),
    Owner__c: lookup('User', { label: 'Owner', relationshipName: 'Routing_Decisions' }),
    Queue__c: text({ label: 'Queue', length: 80 }),
    Pool__c: text({ label: 'Pool', length: 40 }),
    Rule__c: text({ label: 'Rule', length: 40 }),
    Reason__c: text({ label: 'Reason', length: 40 }),
    Detail__c: longText({ label: 'Detail' }),
    Seat_State__c: longText({ label: 'Seat State', help: "The pool's seats after the decision: credits and counts." }),
    Decided_At__c: dateTime({ label: 'Decided At' }),
    SLA_Due_At__c: dateTime({ label: 'SLA Due At' }),
    Lead_Score__c: number({ label: 'Lead Score', precision: 3, scale: 0 }),
  },
});

/** One SLA clock of one lead. */
export const SlaClock = customObject('SLA_Clock__c', {
  label: 'SLA Clock',
  pluralLabel: 'SLA Clocks',
  nameField: { label: 'Clock', type: 'AutoNumber', displayFormat: 'SLA-{0000000}' },
  sharingModel: 'Read',
  enableSearch: false,
  description: 'A running or stopped SLA clock (Lead_SLA__mdt) of a lead, in business minutes.',
  fields: {
    Lead__c: lookup('Lead', { label: 'Lead', relationshipName: 'SLA_Clocks' }),
    SLA__c: text({ label: 'SLA', length: 40 }),
    Started_At__c: dateTime({ label: 'Started At' }),
    Due_At__c: dateTime({ label: 'Due At' }),
    Stopped_At__c: dateTime({ label: 'Stopped At' }),
    Breached__c: checkbox({ label: 'Breached' }),
    Escalated__c: checkbox({
      label: 'Escalated',
      help: 'The manager was alerted (and the lead re-routed when the SLA says so).',
    }),
  },
});

/** Reassignment only with manager approval and an audit note (001 ownership rules). */
export const ReassignmentRequest = customObject('Reassignment_Request__c', {
  label: 'Reassignment Request',
  pluralLabel: 'Reassignment Requests',
  nameField: { label: 'Request', type: 'AutoNumber', displayFormat: 'RR-{000000}' },
  sharingModel: 'ReadWrite',
  description: "A request to give a lead to someone else; the current owner's manager approves it.",
  fields: {
    Lead__c: lookup('Lead', { label: 'Lead', relationshipName: 'Reassignment_Requests' }),
    Requested_Owner__c: lookup('User', { label: 'Requested Owner', relationshipName: 'Reassignments_Requested' }),
    Audit_Note__c: longText({ label: 'Audit Note', help: 'Why the lead should change hands; kept with the decision.' }),
    Status__c: picklist({ label: 'Status', values: ['Pending', 'Approved', 'Rejected'], default: 'Pending' }),
    Approver__c: lookup('User', { label: 'Approver', relationshipName: 'Reassignments_To_Approve' }),
    Decided_At__c: dateTime({ label: 'Decided At' }),
  },
});

export const routingObjects = [
  ...routingMetadataTypes,
  UserRouting,
  RoutingPoolMember,
  RoutingDecision,
  SlaClock,
  ReassignmentRequest,
];
