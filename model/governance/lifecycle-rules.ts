import { validationRule } from '../../scripts/dsl/index.ts';
import { Poc } from '../revops/poc.ts';
import { notBypassed } from './permissions.ts';

// Only the receiver accepts a hand-off: governance's Handoff_Decided_By_Receiver (hygiene rules) holds it.

/** A POC closes out with a standard outcome, and an exit with its reason (blueprint 001 Epic 5). */
export const pocCloseoutNeedsOutcome = validationRule(Poc, 'POC_Closeout_Needs_Outcome', {
  formula: `AND(
    ${notBypassed},
    ISPICKVAL(Status__c, "Closed"),
    ISBLANK(TEXT(Outcome__c))
)`,
  message: 'Choose the outcome (Expand, Extend (Paid) or Exit) to close out the POC.',
  errorField: Poc.field('Outcome__c'),
  locked: true,
});

export const pocExitNeedsReason = validationRule(Poc, 'POC_Exit_Needs_Reason', {
  formula: `AND(
    ${notBypassed},
    ISPICKVAL(Outcome__c, "Exit"),
    ISBLANK(TEXT(Exit_Reason__c))
)`,
  message: 'An exit needs its reason code.',
  errorField: Poc.field('Exit_Reason__c'),
  locked: true,
});

export const lifecycleRules = [pocCloseoutNeedsOutcome, pocExitNeedsReason];
