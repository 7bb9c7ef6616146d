import {
  checkbox,
  date,
  dateTime,
  formula,
  fromValueSet,
  number,
  picklist,
  standardObject,
  text,
} from '../../scripts/dsl/index.ts';
import { DisqualificationReason } from '../governance/reason-codes.ts';
import { routingLeadFields } from '../routing/lead-fields.ts';
import { bypassStamp, externalId, PERSONAS, SEGMENTS } from './shared.ts';

/** SLA for the first touch on an MQL (blueprint 001: 15 minutes). */
export const MQL_TOUCH_SLA_MINUTES = 15;

/** How many of budget, authority, need and timeline an SQL has confirmed at least (blueprint 002). */
export const BANT_SQL_MINIMUM = 3;

export const Lead = standardObject('Lead', {
  locked: true,
  standardFields: {
    Status: { trackHistory: true },
    OwnerId: { trackHistory: true },
    LeadSource: { trackHistory: true },
  },
  fields: {
    // Immutable attribution snapshots (blueprint 001, data & attribution controls)
    Lead_Source_Original__c: text({
      label: 'Original Lead Source',
      length: 80,
      locked: true,
      help: 'Snapshot of the first lead source; never changes.',
    }),
    First_Touch_Campaign__c: text({
      label: 'First-Touch Campaign',
      length: 80,
      locked: true,
      help: 'Snapshot of the first campaign; never changes.',
    }),
    Segment_Fit_Score_At_MQL__c: number({
      label: 'ICP Fit Score at MQL',
      precision: 3,
      scale: 0,
      locked: true,
      help: 'Snapshot of the segment fit score when the lead became an MQL.',
    }),
    // Scoring and qualification
    Segment_Fit_Score__c: number({
      label: 'Segment Fit Score',
      precision: 3,
      scale: 0,
      help: '0-100: ICP fit points as a share of their cap. Computed by lead scoring (model/routing), never typed.',
    }),
    Intent_Score__c: number({
      label: 'Intent Score',
      precision: 3,
      scale: 0,
      help: '0-100: engagement points as a share of their cap. Computed by lead scoring (model/routing), never typed.',
    }),
    Persona__c: picklist({ label: 'Persona', values: PERSONAS }),
    Segment__c: picklist({ label: 'Segment', values: SEGMENTS }),
    Territory_Candidate__c: text({
      label: 'Territory Candidate',
      length: 80,
      help: 'Proposed {Geo}-{Segment}-{Vertical} before routing.',
    }),
    Disqualification_Reason__c: picklist({
      label: 'Disqualification Reason',
      values: fromValueSet(DisqualificationReason.name),
      trackHistory: true,
    }),
    Most_Recent_Source__c: text({
      label: 'Most Recent Source',
      length: 80,
      help: 'Channel of the latest UTM-tagged visit (set by automation from UTM Medium).',
    }),
    // UTM discipline: UTM Medium names a governed channel (model/marketing/source-hierarchy.ts)
    UTM_Source__c: text({ label: 'UTM Source', length: 100 }),
    UTM_Medium__c: text({ label: 'UTM Medium', length: 100 }),
    UTM_Campaign__c: text({ label: 'UTM Campaign', length: 100 }),
    UTM_Content__c: text({ label: 'UTM Content', length: 100 }),
    UTM_Term__c: text({ label: 'UTM Term', length: 100 }),
    // SLA clock
    MQL_Date__c: dateTime({
      label: 'MQL Date',
      help: 'When the lead became an MQL (set once by automation).',
      trackHistory: true,
    }),
    First_Touch_At__c: dateTime({
      label: 'First Touch At',
      help: 'When the owner first contacted the lead (set once by automation).',
      trackHistory: true,
    }),
    Speed_To_Lead_Minutes__c: formula('Number', 'ROUND((First_Touch_At__c - MQL_Date__c) * 1440, 0)', {
      label: 'Speed to Lead (Minutes)',
      blanks: 'blank',
      precision: 18,
      scale: 0,
    }),
    SLA_Breached__c: formula(
      'Checkbox',
      `AND(\n    NOT(ISBLANK(MQL_Date__c)),\n    IF(ISBLANK(First_Touch_At__c), NOW(), First_Touch_At__c) - MQL_Date__c > ${MQL_TOUCH_SLA_MINUTES} / 1440\n)`,
      {
        label: 'SLA Breached',
        description: `True when the first touch came (or is) more than ${MQL_TOUCH_SLA_MINUTES} minutes after MQL.`,
        blanks: 'blank',
      },
    ),
    // SDR → AE hand-off: the deal a conversion creates starts from this meeting (model/automation/converted-deal.ts).
    First_Meeting_Date__c: date({
      label: 'First Meeting Date',
      help: "Book the first meeting with the AE before converting: it becomes the deal's first next step.",
    }),
    // Qualification at SQL (blueprint 002: BANT score >= 3/4 before a lead becomes an SQL)
    Budget_Confirmed__c: checkbox({
      label: 'Budget Confirmed',
      help: 'The buyer has budget for this, or a path to it.',
    }),
    Authority_Confirmed__c: checkbox({
      label: 'Authority Confirmed',
      help: 'We are talking to, or have access to, the person who decides.',
    }),
    Need_Confirmed__c: checkbox({ label: 'Need Confirmed', help: 'The problem is real and worth solving now.' }),
    Timeline_Confirmed__c: checkbox({ label: 'Timeline Confirmed', help: 'There is a date the buyer is working to.' }),
    BANT_Score__c: formula(
      'Number',
      'IF(Budget_Confirmed__c, 1, 0) + IF(Authority_Confirmed__c, 1, 0) + IF(Need_Confirmed__c, 1, 0) + IF(Timeline_Confirmed__c, 1, 0)',
      {
        label: 'BANT Score',
        description: 'Budget, authority, need and timeline confirmed: 0 to 4.',
        precision: 1,
        scale: 0,
      },
    ),
    Fast_Path__c: checkbox({
      label: 'Fast Path',
      help: 'Segment fit 70+ from a qualified source: fast-path SLA and senior reps. Set by lead scoring.',
    }),
    Last_Governance_Bypass__c: bypassStamp(),
    External_Id__c: externalId(),
    // Scoring inputs and everything routing sets (model/routing/lead-fields.ts)
    ...routingLeadFields,
  },
});
