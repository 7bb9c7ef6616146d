import { forwardOrdinal, openStageTest, stageOrdinal, validationRule, withinRange } from '../../scripts/dsl/index.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { MEDDICC_ITEMS } from '../forecasting/deal-risk.ts';
import { GovernanceBypass, notBypassed } from './permissions.ts';
import { opportunityStages } from './stages.ts';

const isOpen = openStageTest(opportunityStages);
const bypass = GovernanceBypass.name;

/**
 * The reason for a move must be chosen in the save that makes the move: a reason left over from
 * an earlier move (the value it already held) does not explain this one.
 */
const reasonNotGivenNow = (field: string) => `OR(ISBLANK(TEXT(${field})), NOT(ISCHANGED(${field})))`;

/** Blueprint §2: next step + date required on all active deals (hard validation). */
export const nextStepRequired = validationRule(Opp, 'Next_Step_Required', {
  formula: `AND(\n    ${notBypassed},\n    ${isOpen},\n    ISBLANK(NextStep)\n)`,
  message:
    'Every open deal needs a next step: write the next concrete action agreed with the customer. Converting a lead? Book the first meeting on the lead first.',
  errorField: Opp.field('NextStep'),
  locked: true,
});

/**
 * The date is checked whenever the rep works the deal (stage, close date, next step, amount), not
 * on every save: a deal desk approval or an ops reassignment must not be blocked by the AE's date.
 */
export const nextStepDateInFuture = validationRule(Opp, 'Next_Step_Date_In_Future', {
  formula: `AND(
    ${notBypassed},
    ${isOpen},
    OR(ISNEW(), ISCHANGED(StageName), ISCHANGED(CloseDate), ISCHANGED(NextStep), ISCHANGED(Next_Step_Date__c), ISCHANGED(Amount)),
    OR(ISBLANK(Next_Step_Date__c), Next_Step_Date__c < TODAY())
)`,
  message: 'Every open deal needs a next step date today or later: when will the next step happen?',
  errorField: Opp.field('Next_Step_Date__c'),
  locked: true,
});

/**
 * Blueprint §5: slip reasons captured on close date moves. Each slip needs its own reason: the
 * reason must be chosen in the save that moves the date.
 */
export const slipNeedsReason = validationRule(Opp, 'Close_Date_Slip_Needs_Reason', {
  formula: `AND(
    ${notBypassed},
    NOT(ISNEW()),
    CloseDate > PRIORVALUE(CloseDate),
    ${reasonNotGivenNow('Slip_Reason__c')}
)`,
  message:
    'The close date moved later: choose the slip reason for this move (the reason of an earlier slip does not count).',
  errorField: Opp.field('Slip_Reason__c'),
  locked: true,
});

/**
 * Moving a deal back to an earlier open stage needs its own reason, from the list (regressions
 * show in velocity reports). Leaving Closed Won is governed by the reopen rules.
 */
export const regressionNeedsReason = validationRule(Opp, 'Stage_Regression_Needs_Reason', {
  formula: `AND(
    ${notBypassed},
    ISCHANGED(StageName),
    NOT(ISPICKVAL(PRIORVALUE(StageName), "Closed Won")),
    ${stageOrdinal(opportunityStages, 'TEXT(StageName)')}
        < ${stageOrdinal(opportunityStages, 'TEXT(PRIORVALUE(StageName))')},
    ${reasonNotGivenNow('Stage_Regression_Reason__c')}
)`,
  message:
    'The deal moved back to an earlier stage: choose the Stage Regression Reason for this move (the reason of an earlier move does not count).',
  errorField: Opp.field('Stage_Regression_Reason__c'),
  locked: true,
});

/**
 * Skipping a stage on the way forward (the gates of every passed stage still apply) needs its own
 * advance reason, so dashboards can tell an accelerated deal from a gamed one (blueprint 000 §2).
 */
export const skipNeedsReason = validationRule(Opp, 'Stage_Skip_Needs_Reason', {
  formula: `AND(
    ${notBypassed},
    ISCHANGED(StageName),
    ${forwardOrdinal(opportunityStages, 'StageName')}
        - ${forwardOrdinal(opportunityStages, 'TEXT(PRIORVALUE(StageName))')} > 1,
    ${reasonNotGivenNow('Stage_Advance_Reason__c')}
)`,
  message:
    'The deal skipped a stage: choose the Stage Advance Reason for this move (the reason of an earlier move does not count).',
  errorField: Opp.field('Stage_Advance_Reason__c'),
  locked: true,
});

/** Every deal belongs to an account (blueprint 000 §1: one primary account). */
export const needsAccount = validationRule(Opp, 'Opportunity_Needs_Account', {
  formula: `AND(\n    ${notBypassed},\n    OR(ISNEW(), ISCHANGED(AccountId)),\n    ISBLANK(AccountId)\n)`,
  message: 'Choose the account this deal is with: every deal has one primary account.',
  errorField: Opp.field('AccountId'),
  locked: true,
});

/**
 * Every deal has an estimated amount (blueprint 000 §1), from creation and for good. A deal a lead
 * conversion creates (it carries the SDR's first meeting date) gets it in Discovery: the gate
 * asks for it before the deal leaves Discovery.
 */
export const needsAmount = validationRule(Opp, 'Opportunity_Needs_Amount', {
  formula: `AND(
    ${notBypassed},
    OR(AND(ISNEW(), ISBLANK(First_Meeting_Date__c)), ISCHANGED(Amount)),
    ISBLANK(Amount)
)`,
  message: 'Enter the estimated amount of the deal: every deal has one, from when it is created.',
  errorField: Opp.field('Amount'),
  locked: true,
});

/**
 * An open deal's close date is today or later when it is created, moved, or its stage changes
 * (a deal whose date passed is not blocked for unrelated edits: the stale-deal policy handles it).
 */
export const closeDateNotPast = validationRule(Opp, 'Open_Deal_Close_Date_Not_Past', {
  formula: `AND(
    ${notBypassed},
    ${isOpen},
    OR(ISNEW(), ISCHANGED(CloseDate), ISCHANGED(StageName)),
    CloseDate < TODAY()
)`,
  message: 'An open deal closes today or later: set the close date to when you now expect to close it.',
  errorField: Opp.field('CloseDate'),
  locked: true,
});

/** No negative money, no empty terms (blueprint 000 §4: billing-ready deals). */
export const rangeRules = [
  withinRange(Opp.field('Amount'), { name: 'Amount_Not_Negative', label: 'Amount', min: 0, bypass, locked: true }),
  withinRange(Opp.field('ARR__c'), { name: 'ARR_Not_Negative', label: 'ARR', min: 0, bypass, locked: true }),
  withinRange(Opp.field('Discount_Percent__c'), {
    name: 'Discount_In_Range',
    label: 'Discount',
    min: 0,
    max: 100,
    percent: true,
    bypass,
    locked: true,
  }),
  withinRange(Opp.field('Term_Months__c'), {
    name: 'Term_Positive',
    label: 'Term (Months)',
    min: 1,
    bypass,
    locked: true,
  }),
  withinRange(Opp.field('Seats__c'), { name: 'Seats_Positive', label: 'Seats', min: 1, bypass, locked: true }),
  withinRange(Opp.field('MEDDICC_Score__c'), {
    name: 'MEDDICC_Score_In_Range',
    label: 'MEDDICC Score',
    min: 0,
    max: MEDDICC_ITEMS.length,
    bypass,
    locked: true,
  }),
];

export const hygieneRules = [
  nextStepRequired,
  nextStepDateInFuture,
  slipNeedsReason,
  regressionNeedsReason,
  skipNeedsReason,
  needsAccount,
  needsAmount,
  closeDateNotPast,
  ...rangeRules,
];
