import { validationRule } from '../../scripts/dsl/index.ts';
import { HandoffPacket } from '../revops/handoff-packet.ts';
import { Poc } from '../revops/poc.ts';
import { notBypassed } from './permissions.ts';

/** Only the receiver accepts a hand-off (blueprint 000 §7): the sender cannot accept their own packet. */
export const handoffAcceptedByReceiver = validationRule(HandoffPacket, 'Handoff_Accepted_By_Receiver', {
  formula: `AND(
    ${notBypassed},
    ISPICKVAL(Status__c, "Accepted"),
    OR(ISCHANGED(Status__c), ISNEW()),
    NOT(ISBLANK(Receiver__c)),
    Receiver__c <> $User.Id
)`,
  message: 'Only the receiver named on the packet can accept it. Leave it Submitted for them.',
  errorField: HandoffPacket.field('Status__c'),
  locked: true,
});

export const handoffAcceptNeedsReceiver = validationRule(HandoffPacket, 'Handoff_Accept_Needs_Receiver', {
  formula: `AND(
    ${notBypassed},
    ISPICKVAL(Status__c, "Accepted"),
    ISCHANGED(Status__c),
    ISBLANK(Receiver__c)
)`,
  message: 'Name the receiver before the packet is accepted: acceptance is theirs.',
  errorField: HandoffPacket.field('Receiver__c'),
  locked: true,
});

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

export const lifecycleRules = [
  handoffAcceptedByReceiver,
  handoffAcceptNeedsReceiver,
  pocCloseoutNeedsOutcome,
  pocExitNeedsReason,
];
