import { immutableOnceSet, validationRule } from '../../scripts/dsl/index.ts';
import { BANT_SQL_MINIMUM } from '../objects/lead.ts';
import { Contact } from '../objects/contact.ts';
import { Lead } from '../objects/lead.ts';
import { Opportunity } from '../objects/opportunity.ts';
import { GovernanceBypass, LeadReassign, notBypassed } from './permissions.ts';

const bypass = GovernanceBypass.name;

export const disqualificationNeedsReason = validationRule(Lead, 'Disqualification_Needs_Reason', {
  formula: `AND(\n    ${notBypassed},\n    ISPICKVAL(Status, "Disqualified"),\n    ISBLANK(TEXT(Disqualification_Reason__c))\n)`,
  message: 'Choose a disqualification reason before disqualifying the lead.',
  errorField: Lead.field('Disqualification_Reason__c'),
  locked: true,
});

/** Scores are 0-100 (blueprint 001, epic 2). */
export const scoreRange = validationRule(Lead, 'Lead_Scores_In_Range', {
  formula: `AND(
    ${notBypassed},
    OR(
        Segment_Fit_Score__c < 0, Segment_Fit_Score__c > 100,
        Intent_Score__c < 0, Intent_Score__c > 100
    )
)`,
  message: 'Segment fit and intent scores are between 0 and 100.',
  errorField: Lead.field('Segment_Fit_Score__c'),
  locked: true,
});

/** Attribution snapshots survive channel changes: once set they never change (blueprint 001). */
export const snapshotRules = [
  immutableOnceSet(Lead.field('Lead_Source_Original__c'), {
    name: 'Lead_Source_Original_Immutable',
    label: 'Original Lead Source',
    bypass,
    locked: true,
  }),
  immutableOnceSet(Lead.field('First_Touch_Campaign__c'), {
    name: 'First_Touch_Campaign_Immutable',
    label: 'First-Touch Campaign',
    bypass,
    locked: true,
  }),
  immutableOnceSet(Lead.field('Segment_Fit_Score_At_MQL__c'), {
    name: 'Fit_Score_At_MQL_Immutable',
    label: 'ICP Fit Score at MQL',
    bypass,
    locked: true,
  }),
  immutableOnceSet(Contact.field('Original_Source__c'), {
    name: 'Contact_Original_Source_Immutable',
    label: 'Original Source',
    bypass,
    locked: true,
  }),
  immutableOnceSet(Opportunity.field('Lead_Source_Original__c'), {
    name: 'Opp_Lead_Source_Original_Immutable',
    label: 'Original Lead Source',
    bypass,
    locked: true,
  }),
];

/**
 * The timestamps the speed-to-lead SLA is measured from and to (blueprint 001 Epic 1). Automation
 * stamps them (reps' permission sets read them only); once set they never move, so nobody can
 * un-breach an SLA by editing a time. RevOps corrects them through the bypass (audited).
 */
export const slaTimestampRules = [
  immutableOnceSet(Lead.field('MQL_Date__c'), { name: 'MQL_Date_Immutable', label: 'MQL Date', bypass, locked: true }),
  immutableOnceSet(Lead.field('First_Touch_At__c'), {
    name: 'First_Touch_At_Immutable',
    label: 'First Touch At',
    bypass,
    locked: true,
  }),
  validationRule(Lead, 'First_Touch_Not_Before_MQL', {
    formula: `AND(
    ${notBypassed},
    OR(ISNEW(), ISCHANGED(First_Touch_At__c), ISCHANGED(MQL_Date__c)),
    NOT(ISBLANK(First_Touch_At__c)),
    OR(First_Touch_At__c > NOW(), AND(NOT(ISBLANK(MQL_Date__c)), First_Touch_At__c < MQL_Date__c))
)`,
    message: 'First Touch At is when the lead was first contacted: not in the future, and not before it became an MQL.',
    errorField: Lead.field('First_Touch_At__c'),
    locked: true,
  }),
];

/** A lead becomes an SQL with its qualification on record (blueprint 002: BANT 3 of 4 at SQL). */
export const sqlNeedsBant = validationRule(Lead, 'SQL_Needs_BANT', {
  formula: `AND(
    ${notBypassed},
    ISPICKVAL(Status, "SQL"),
    OR(ISNEW(), ISCHANGED(Status)),
    BANT_Score__c < ${BANT_SQL_MINIMUM}
)`,
  message: `Confirm at least ${BANT_SQL_MINIMUM} of budget, authority, need and timeline before making the lead an SQL.`,
  errorField: Lead.field('Status'),
  locked: true,
});

/**
 * Leads change owner through routing (the router stamps Routed_At__c in the same save), an
 * approved reassignment request (decided by a manager holding RevOps_Lead_Reassign) or Sales
 * Ops; a rep may take a lead from a queue, never from a colleague (blueprint 001 Epic 1: no
 * cherry-picking). The conversion save is Salesforce's, not the rep's.
 */
export const leadOwnerThroughRouting = validationRule(Lead, 'Lead_Owner_Through_Routing', {
  formula: `AND(
    ${notBypassed},
    NOT($Permission.${LeadReassign.name}),
    ISCHANGED(OwnerId),
    NOT(IsConverted),
    NOT(ISCHANGED(Routed_At__c)),
    NOT(AND(BEGINS(PRIORVALUE(OwnerId), "00G"), OwnerId = $User.Id))
)`,
  message:
    'Leads move through routing: take a lead from a queue, or ask for a reassignment (your manager approves it).',
  errorField: Lead.field('OwnerId'),
  description: 'No cherry-picking: owners change by routing, queue pick-up, approved reassignment or Sales Ops.',
  locked: true,
});

export const leadRules = [
  disqualificationNeedsReason,
  scoreRange,
  ...snapshotRules,
  ...slaTimestampRules,
  sqlNeedsBant,
  leadOwnerThroughRouting,
];
