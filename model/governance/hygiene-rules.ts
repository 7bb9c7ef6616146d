import { openStageTest, stageOrdinal, validationRule } from '../../scripts/dsl/index.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { notBypassed } from './permissions.ts';
import { opportunityStages } from './stages.ts';

const isOpen = openStageTest(opportunityStages);

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

/** Blueprint §5: slip reasons captured on close date moves. */
export const slipNeedsReason = validationRule(Opp, 'Close_Date_Slip_Needs_Reason', {
  formula: `AND(\n    ${notBypassed},\n    ISCHANGED(CloseDate),\n    CloseDate > PRIORVALUE(CloseDate),\n    ISBLANK(TEXT(Slip_Reason__c))\n)`,
  message: 'The close date moved later: choose a slip reason.',
  errorField: Opp.field('Slip_Reason__c'),
  locked: true,
});

/** Moving a deal back to an earlier stage needs a stated reason (regressions show in velocity reports). */
export const regressionNeedsReason = validationRule(Opp, 'Stage_Regression_Needs_Reason', {
  formula: `AND(\n    ${notBypassed},\n    ISCHANGED(StageName),\n    ${stageOrdinal(opportunityStages, 'TEXT(StageName)')}\n        < ${stageOrdinal(opportunityStages, 'TEXT(PRIORVALUE(StageName))')},\n    ISBLANK(Stage_Regression_Reason__c)\n)`,
  message: 'The deal moved back to an earlier stage: say why in Stage Regression Reason.',
  errorField: Opp.field('Stage_Regression_Reason__c'),
  locked: true,
});

/** Reason codes are mandatory for Closed Lost / No Decision (blueprint 001, data controls). */
export const lossNeedsReason = validationRule(Opp, 'Closed_Lost_Needs_Reason', {
  formula: `AND(\n    ${notBypassed},\n    OR(ISPICKVAL(StageName, "Closed Lost"), ISPICKVAL(StageName, "Closed No Decision")),\n    ISBLANK(TEXT(Loss_Reason__c))\n)`,
  message: 'Choose a loss reason before closing the deal as lost or no decision.',
  errorField: Opp.field('Loss_Reason__c'),
  locked: true,
});

/** Losing to a competitor must say which one: it feeds win rate by competitor (blueprint 001, epic 4). */
export const competitorNeedsName = validationRule(Opp, 'Competitor_Loss_Needs_Competitor', {
  formula: `AND(\n    ${notBypassed},\n    ISPICKVAL(Loss_Reason__c, "Competitor"),\n    ISBLANK(TEXT(Primary_Competitor__c))\n)`,
  message: 'The deal was lost to a competitor: choose the primary competitor.',
  errorField: Opp.field('Primary_Competitor__c'),
  locked: true,
});

export const hygieneRules = [
  nextStepRequired,
  nextStepDateInFuture,
  slipNeedsReason,
  regressionNeedsReason,
  lossNeedsReason,
  competitorNeedsName,
];
