import { requiredWhen, validationRule } from '../../scripts/dsl/index.ts';
import { Contract } from '../objects/contract.ts';
import { Commitment } from '../revops/commitment.ts';
import { Concession } from '../revops/concession.ts';
import { DealException, MAX_EXCEPTION_DAYS } from '../revops/deal-exception.ts';
import { HandoffPacket } from '../revops/handoff-packet.ts';
import { DealDesk, GovernanceBypass, notBypassed } from './permissions.ts';

const bypass = GovernanceBypass.name;

/** Every exception expires, within the bound, and not in the past when it is set (blueprint 000 §9). */
export const exceptionExpiryBounded = validationRule(DealException, 'Exception_Expiry_Bounded', {
  formula: `AND(
    ${notBypassed},
    OR(ISNEW(), ISCHANGED(Expires_On__c)),
    OR(Expires_On__c < TODAY(), Expires_On__c > TODAY() + ${MAX_EXCEPTION_DAYS})
)`,
  message: `Set the expiry between today and ${MAX_EXCEPTION_DAYS} days from today: every exception expires.`,
  errorField: DealException.field('Expires_On__c'),
  locked: true,
});

export const exceptionReviewed = requiredWhen(DealException.field('Reviewer__c'), {
  name: 'Exception_Decision_Needs_Reviewer',
  when: 'OR(ISPICKVAL(Status__c, "Approved"), ISPICKVAL(Status__c, "Rejected"))',
  message: 'An approved or rejected exception names its reviewer.',
  bypass,
  locked: true,
});

/** Only the deal desk decides on exceptions (blueprint 000 §9: review workflow). */
export const exceptionDecidedByDealDesk = validationRule(DealException, 'Exception_Decision_By_Deal_Desk', {
  formula: `AND(
    ${notBypassed},
    NOT($Permission.${DealDesk.name}),
    OR(ISNEW(), ISCHANGED(Status__c)),
    OR(ISPICKVAL(Status__c, "Approved"), ISPICKVAL(Status__c, "Rejected"))
)`,
  message: 'Only the deal desk can approve or reject an exception. Leave it Requested.',
  errorField: DealException.field('Status__c'),
  locked: true,
});

/** Concessions end at renewal: they may not outlive the contract (blueprint 000 §4). */
export const concessionEndsAtRenewal = validationRule(Concession, 'Concession_Expires_By_Renewal', {
  formula: `AND(
    ${notBypassed},
    NOT(ISBLANK(Contract__c)),
    NOT(ISBLANK(Contract__r.EndDate)),
    Expires_On__c > Contract__r.EndDate
)`,
  message: "A concession expires at the latest on the contract's end date (the renewal).",
  errorField: Concession.field('Expires_On__c'),
  locked: true,
});

export const concessionForDeal = validationRule(Concession, 'Concession_Needs_Deal_Or_Contract', {
  formula: `AND(\n    ${notBypassed},\n    ISBLANK(Opportunity__c),\n    ISBLANK(Contract__c)\n)`,
  message: 'Link the concession to the opportunity or contract it was given on.',
  errorField: Concession.field('Opportunity__c'),
  locked: true,
});

export const commitmentDelivered = validationRule(Commitment, 'Commitment_Overdue_Must_Be_Resolved', {
  formula: `AND(
    ${notBypassed},
    OR(ISNEW(), ISCHANGED(Due_Date__c)),
    Due_Date__c < TODAY(),
    OR(ISPICKVAL(Status__c, "Open"), ISPICKVAL(Status__c, "In Progress"))
)`,
  message: 'An open commitment cannot be given a due date in the past: deliver it, or agree a new date.',
  errorField: Commitment.field('Due_Date__c'),
  locked: true,
});

const submitted = 'OR(ISPICKVAL(Status__c, "Submitted"), ISPICKVAL(Status__c, "Accepted"))';
/** A hand-off packet is complete before it is submitted (blueprint 000 §7: mandatory packets). */
export const handoffComplete = [
  requiredWhen(HandoffPacket.field('Use_Case__c'), {
    name: 'Handoff_Needs_Use_Case',
    when: submitted,
    message: 'Describe the use case before submitting the hand-off.',
    bypass,
    locked: true,
  }),
  requiredWhen(HandoffPacket.field('Success_Criteria__c'), {
    name: 'Handoff_Needs_Success_Criteria',
    when: submitted,
    message: 'State the success criteria before submitting the hand-off.',
    bypass,
    locked: true,
  }),
  requiredWhen(HandoffPacket.field('Risks__c'), {
    name: 'Handoff_Needs_Risks',
    when: submitted,
    message: 'List the risks (or "none known") before submitting the hand-off.',
    bypass,
    locked: true,
  }),
  requiredWhen(HandoffPacket.field('Rejection_Reason__c'), {
    name: 'Handoff_Rejection_Needs_Reason',
    when: 'ISPICKVAL(Status__c, "Rejected")',
    message: 'Say what is missing or wrong so the sender can fix it.',
    bypass,
    locked: true,
  }),
];

/** Renewal uplift never exceeds the contractual cap (blueprint 000 §4). */
export const upliftWithinCap = validationRule(Contract, 'Uplift_Within_Cap', {
  formula: `AND(\n    ${notBypassed},\n    NOT(ISBLANK(Uplift_Cap_Percent__c)),\n    Uplift_Percent__c > Uplift_Cap_Percent__c\n)`,
  message: 'The renewal uplift is above the contractual cap.',
  errorField: Contract.field('Uplift_Percent__c'),
  locked: true,
});

export const revopsRules = [
  exceptionExpiryBounded,
  exceptionReviewed,
  exceptionDecidedByDealDesk,
  concessionEndsAtRenewal,
  concessionForDeal,
  commitmentDelivered,
  ...handoffComplete,
  upliftWithinCap,
];

/**
 * A decided exception is closed (blueprint 000 §9: forced expiry): outside the deal desk nobody
 * extends, revives or rewrites an approved, rejected or expired one. The rep requests a new one.
 */
export const exceptionDecisionFinal = validationRule(DealException, 'Exception_Decided_Is_Final', {
  formula: `AND(
    ${notBypassed},
    NOT($Permission.${DealDesk.name}),
    NOT(ISNEW()),
    CASE(TEXT(PRIORVALUE(Status__c)), "Approved", 1, "Rejected", 1, "Expired", 1, 0) = 1,
    OR(
        ISCHANGED(Status__c),
        ISCHANGED(Expires_On__c),
        ISCHANGED(Reason__c),
        ISCHANGED(Details__c),
        ISCHANGED(Opportunity__c),
        ISCHANGED(Account__c)
    )
)`,
  message:
    'This exception is decided (approved, rejected or expired) and cannot be extended, revived or changed: request a new exception.',
  errorField: DealException.field('Status__c'),
  locked: true,
});

/**
 * The receiver accepts or rejects a hand-off (blueprint 000 §7), never the sender: the decision
 * is a status change by the user named as receiver, who is not the packet's owner (its sender).
 * Packets loaded with a decision (history, integrations) are not re-decided here.
 */
export const handoffDecidedByReceiver = validationRule(HandoffPacket, 'Handoff_Decided_By_Receiver', {
  formula: `AND(
    ${notBypassed},
    NOT(ISNEW()),
    ISCHANGED(Status__c),
    OR(ISPICKVAL(Status__c, "Accepted"), ISPICKVAL(Status__c, "Rejected")),
    OR(ISBLANK(Receiver__c), $User.Id <> Receiver__c, Receiver__c = OwnerId)
)`,
  message:
    'Only the receiver named on the packet accepts or rejects a hand-off, and the sender cannot receive their own hand-off.',
  errorField: HandoffPacket.field('Status__c'),
  locked: true,
});

/** A contract is activated with its terms: start, term, CLM id, ARR and renewal type (blueprint 000 §4). */
export const contractActivationNeedsTerms = validationRule(Contract, 'Contract_Activation_Needs_Terms', {
  formula: `AND(
    ${notBypassed},
    ISPICKVAL(Status, "Activated"),
    OR(ISNEW(), ISCHANGED(Status)),
    OR(
        ISBLANK(StartDate),
        ISBLANK(ContractTerm),
        ISBLANK(CLM_Contract_Id__c),
        ISBLANK(ARR__c),
        ISBLANK(TEXT(Renewal_Type__c))
    )
)`,
  message: 'Fill in the start date, term, CLM contract ID, ARR and renewal type before activating the contract.',
  errorField: Contract.field('Status'),
  locked: true,
});

export const registryRules = [exceptionDecisionFinal, handoffDecidedByReceiver, contractActivationNeedsTerms];
