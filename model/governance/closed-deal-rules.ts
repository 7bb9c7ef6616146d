import { stageCase, unchangeableWhen, validationRule } from '../../scripts/dsl/index.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { GovernanceBypass, notBypassed, ReopenWonDeal } from './permissions.ts';
import { opportunityStages } from './stages.ts';

const bypass = GovernanceBypass.name;
const WON = opportunityStages.stages.find((s) => s.won)!.name;
const isLost = `${stageCase(opportunityStages, 'StageName', (s) => (s.closed && !s.won ? 1 : 0), 0)} = 1`;
const isWon = `ISPICKVAL(StageName, "${WON}")`;
const wasWon = `ISPICKVAL(PRIORVALUE(StageName), "${WON}")`;

/** Reason codes are mandatory for Closed Lost / No Decision (blueprint 001, data controls). */
export const lossNeedsReason = validationRule(Opp, 'Closed_Lost_Needs_Reason', {
  formula: `AND(
    ${notBypassed},
    ${isLost},
    OR(ISNEW(), ISCHANGED(StageName), ISCHANGED(Loss_Reason__c)),
    ISBLANK(TEXT(Loss_Reason__c))
)`,
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

/** A loss reason belongs to a lost deal: a won or open deal carrying one skews the loss dashboards. */
export const lossReasonOnlyWhenLost = validationRule(Opp, 'Loss_Reason_Only_When_Lost', {
  formula: `AND(
    ${notBypassed},
    NOT(${isLost}),
    OR(ISNEW(), ISCHANGED(StageName), ISCHANGED(Loss_Reason__c)),
    NOT(ISBLANK(TEXT(Loss_Reason__c)))
)`,
  message: 'Only a lost deal has a loss reason: clear Loss Reason (a reopened deal drops the reason it was lost for).',
  errorField: Opp.field('Loss_Reason__c'),
  locked: true,
});

/** Win/loss analysis needs the win half (blueprint 000 §6: win/loss program with structured evidence). */
export const winNeedsReason = validationRule(Opp, 'Closed_Won_Needs_Win_Reason', {
  formula: `AND(
    ${notBypassed},
    ${isWon},
    OR(ISNEW(), ISCHANGED(StageName), ISCHANGED(Win_Reason__c)),
    ISBLANK(TEXT(Win_Reason__c))
)`,
  message: 'Choose the win reason before closing the deal as won: why did the customer choose us?',
  errorField: Opp.field('Win_Reason__c'),
  locked: true,
});

export const winReasonOnlyWhenWon = validationRule(Opp, 'Win_Reason_Only_When_Won', {
  formula: `AND(
    ${notBypassed},
    NOT(${isWon}),
    OR(ISNEW(), ISCHANGED(StageName), ISCHANGED(Win_Reason__c)),
    NOT(ISBLANK(TEXT(Win_Reason__c)))
)`,
  message: 'Only a won deal has a win reason: clear Win Reason (a reopened deal drops the reason it was won for).',
  errorField: Opp.field('Win_Reason__c'),
  locked: true,
});

/** Booked revenue does not move on a rep's say: leaving Closed Won is a sales manager's decision. */
export const reopenByManager = validationRule(Opp, 'Won_Deal_Reopen_By_Manager', {
  formula: `AND(
    ${notBypassed},
    NOT($Permission.${ReopenWonDeal.name}),
    ISCHANGED(StageName),
    ${wasWon}
)`,
  message: 'This deal is booked as Closed Won: only a sales manager can reopen it. Ask your manager.',
  errorField: Opp.field('StageName'),
  locked: true,
});

/** ...and it needs its own reason, like any regression. */
export const reopenNeedsReason = validationRule(Opp, 'Won_Deal_Reopen_Needs_Reason', {
  formula: `AND(
    ${notBypassed},
    ISCHANGED(StageName),
    ${wasWon},
    OR(ISBLANK(TEXT(Stage_Regression_Reason__c)), NOT(ISCHANGED(Stage_Regression_Reason__c)))
)`,
  message:
    'Reopening a Closed Won deal: choose the Stage Regression Reason for this move (the reason of an earlier move does not count).',
  errorField: Opp.field('Stage_Regression_Reason__c'),
  locked: true,
});

/**
 * A won deal's booked terms stay as signed while it is won (blueprint 000 §1: Closed Won is a
 * signed contract); corrections go through RevOps, and are audited as bypasses.
 */
const frozen = (field: string, label: string) =>
  unchangeableWhen(Opp.field(field as 'Amount'), {
    name: `Won_Deal_Frozen_${field.replace(/__c$/, '').replace(/_?Date$/, '_Date')}`,
    when: `AND(${isWon}, ${wasWon})`,
    message: `This deal is Closed Won: its ${label} is booked and cannot change. Ask RevOps to correct it.`,
    description: `${label} of a Closed Won deal is booked: it changes only through RevOps (the bypass).`,
    bypass,
    locked: true,
  });

export const wonTermsFrozen = [
  frozen('Amount', 'amount'),
  frozen('ARR__c', 'ARR'),
  frozen('Term_Months__c', 'term'),
  frozen('Seats__c', 'seat count'),
  frozen('CloseDate', 'close date'),
  frozen('Discount_Percent__c', 'discount'),
  frozen('Contract_Start_Date__c', 'contract start date'),
];

export const closedDealRules = [
  lossNeedsReason,
  competitorNeedsName,
  lossReasonOnlyWhenLost,
  winNeedsReason,
  winReasonOnlyWhenWon,
  reopenByManager,
  reopenNeedsReason,
  ...wonTermsFrozen,
];
