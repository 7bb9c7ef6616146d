/**
 * Signature → Contract (blueprint 000 §4, 001 Epic 4; issue 17): the customer signs the order form,
 * the AE marks the quote Accepted with the signer and the date, and a flow creates the Contract with
 * the terms the quote carried. Validation rules make the hand-off safe: a quote is accepted only
 * with what the Contract needs, an accepted quote's terms stay as signed, special terms only on a
 * deal the CRO approves for non-standard terms, and an uplift the Contract would refuse is refused
 * on the quote first (the flow's save would otherwise fail at signature).
 */
import { quoteOnSegmentPaper } from './segment-terms.ts';
import {
  createRecord,
  filter,
  flowTest,
  idOf,
  recordTriggeredFlow,
  ref,
  setupRecord,
  today,
  validationRule,
} from '../../scripts/dsl/index.ts';
import { notBypassed } from '../governance/permissions.ts';
import { AccountExecutive } from '../security/permission-sets.ts';
import { Quote } from './quotes.ts';

/** What the Contract needs from an accepted quote, and the quote fields the customer signed. */
export const SIGNATURE_REQUIRED = [
  'ContactId',
  'Signed_Date__c',
  'Standard_Terms__c',
  'Term_Months__c',
  'Renewal_Type__c',
];
export const SIGNED_TERMS = [
  'OpportunityId',
  'ContactId',
  'Signed_Date__c',
  'Standard_Terms__c',
  'Term_Months__c',
  'Ramp__c',
  'Payment_Terms__c',
  'Billing_Frequency__c',
  'Renewal_Type__c',
  'Uplift_Percent__c',
  'Uplift_Cap_Percent__c',
  'Special_Terms__c',
];

const PICKLISTS = new Set(['Standard_Terms__c', 'Payment_Terms__c', 'Billing_Frequency__c', 'Renewal_Type__c']);
const blank = (field: string) => (PICKLISTS.has(field) ? `ISBLANK(TEXT(${field}))` : `ISBLANK(${field})`);

/**
 * A quote becomes Accepted only with its signer, the signature date and the terms the Contract is
 * created with — also when it is created accepted (a load of signed history carries its signature).
 */
export const acceptanceNeedsSignature = validationRule(Quote, 'Quote_Acceptance_Needs_Signature', {
  formula: `AND(
    ${notBypassed},
    ISPICKVAL(Status, "Accepted"),
    OR(ISNEW(), ISCHANGED(Status)),
    OR(
        ${SIGNATURE_REQUIRED.map(blank).join(',\n        ')}
    )
)`,
  message:
    'To accept the quote, enter who signed it (Contact Name), the signed date, the standard terms, the term in months and the renewal type: the contract is created from them.',
  errorField: Quote.field('Status'),
  locked: true,
});

/**
 * An accepted quote is what the customer signed: its terms, its signer and its status stay as they
 * are (moving it out of Accepted and back would create a second contract). Only the governance
 * bypass, whose every save is stamped, changes one.
 */
export const acceptedTermsFrozen = validationRule(Quote, 'Quote_Accepted_Terms_Frozen', {
  formula: `AND(
    ${notBypassed},
    NOT(ISNEW()),
    ISPICKVAL(PRIORVALUE(Status), "Accepted"),
    OR(
        ISCHANGED(Status),
        ${SIGNED_TERMS.map((f) => `ISCHANGED(${f})`).join(',\n        ')}
    )
)`,
  message:
    'This quote is accepted: its terms, signer and status are what the customer signed and cannot change. Amend the contract, or quote again.',
  errorField: Quote.field('Status'),
  locked: true,
});

/** Free text on a quote is a term off our paper: only on a deal approved for non-standard terms (the CRO level). */
export const specialTermsNeedApproval = validationRule(Quote, 'Quote_Special_Terms_Need_Approval', {
  formula: `AND(
    ${notBypassed},
    NOT(ISBLANK(Special_Terms__c)),
    NOT(Opportunity.Non_Standard_Terms__c)
)`,
  message:
    'Special terms are non-standard terms: tick Non-Standard Terms on the opportunity (the CRO approves them) or clear Special Terms.',
  errorField: Quote.field('Special_Terms__c'),
  locked: true,
});

/** The uplift a quote offers is within its cap, as the Contract's Uplift_Within_Cap will require. */
export const quoteUpliftWithinCap = validationRule(Quote, 'Quote_Uplift_Within_Cap', {
  formula: `AND(\n    ${notBypassed},\n    NOT(ISBLANK(Uplift_Cap_Percent__c)),\n    Uplift_Percent__c > Uplift_Cap_Percent__c\n)`,
  message: 'The renewal uplift is above the uplift cap: the contract would refuse it.',
  errorField: Quote.field('Uplift_Percent__c'),
  locked: true,
});

export const signatureRules = [
  acceptanceNeedsSignature,
  acceptedTermsFrozen,
  specialTermsNeedApproval,
  quoteUpliftWithinCap,
  quoteOnSegmentPaper,
];

/** Contract field ← what the flow sets it to (a `$Record` reference or a flow formula). */
export const CONTRACT_FROM_QUOTE = {
  AccountId: '$Record.Opportunity.AccountId',
  Status: 'Draft',
  StartDate: 'ContractStartDate',
  ContractTerm: '$Record.Term_Months__c',
  Renewal_Type__c: '$Record.Renewal_Type__c',
  Uplift_Percent__c: '$Record.Uplift_Percent__c',
  Uplift_Cap_Percent__c: '$Record.Uplift_Cap_Percent__c',
  Standard_Terms__c: '$Record.Standard_Terms__c',
  Payment_Terms__c: '$Record.Payment_Terms__c',
  Billing_Frequency__c: '$Record.Billing_Frequency__c',
  SpecialTerms: '$Record.Special_Terms__c',
  Source_Quote__c: '$Record.Id',
  CustomerSignedId: '$Record.ContactId',
  CustomerSignedDate: '$Record.Signed_Date__c',
} as const;

const account = setupRecord('acme', 'Account', { Name: 'Acme', Website_Domain__c: 'acme.com' });
const signer = setupRecord('signer', 'Contact', { LastName: 'Rivera', AccountId: idOf('acme') });
const deal = setupRecord('deal', 'Opportunity', {
  Name: 'ENT-NA-Platform-Forecasting-Q3',
  AccountId: idOf('acme'),
  Amount: 50000,
  StageName: 'Discovery',
  CloseDate: today(30),
  NextStep: 'Discovery call',
  Next_Step_Date__c: today(7),
  Contract_Start_Date__c: today(14),
  Non_Standard_Terms__c: true,
});
const quote = {
  Name: 'Acme Platform 2026',
  OpportunityId: idOf('deal'),
  Standard_Terms__c: 'MSA 2026 Standard',
  Term_Months__c: 12,
  Renewal_Type__c: 'Auto-Renew',
  Payment_Terms__c: 'Net 30',
  Billing_Frequency__c: 'Annual in Advance',
};

/**
 * At signature, the Contract: created once, when a quote is updated to Accepted (the AE accepting
 * it in the org). Quotes created already Accepted — a data load of signed history — create none:
 * their contracts are loaded with them. Runs in system context, so the AE needs no Contract access.
 */
export const createContractAtSignature = recordTriggeredFlow('Quote_Signature_Creates_Contract', {
  label: 'Quote: Signature Creates Contract',
  description:
    'When a quote is accepted (signed), creates the Draft contract with the terms, signer and dates the quote carries.',
  object: 'Quote',
  timing: 'AfterSave',
  on: 'Update',
  entry: [filter('Status', 'EqualTo', 'Accepted')],
  runOnUpdate: 'onlyWhenUpdatedToMeet',
  formulas: {
    // The contract starts on the deal's contract start date, else on the day it was signed.
    ContractStartDate: {
      dataType: 'Date',
      expression: 'BLANKVALUE({!$Record.Opportunity.Contract_Start_Date__c}, {!$Record.Signed_Date__c})',
    },
  },
  steps: [
    createRecord('Create_Contract', 'Create the contract', {
      object: 'Contract',
      set: Object.fromEntries(
        Object.entries(CONTRACT_FROM_QUOTE).map(([field, from]) => [field, field === 'Status' ? from : ref(from)]),
      ),
    }),
  ],
  // The simulator does not create records, so the cases are the saves that do not run the create
  // (before acceptance; an accepted quote edited again); the Contract created at acceptance is
  // proven in an org by the hand-written QuoteSignatureContractTest, on these same records. The cases
  // run as the AE, without the bypass, so the Quote rules hold on each save.
  tests: {
    runAs: [AccountExecutive],
    cases: [
      flowTest('presenting a quote leaves it as the AE saved it (the flow waits for acceptance)', {
        given: [account, deal],
        insert: { ...quote, Status: 'Draft' },
        update: { Status: 'Presented' },
        expect: { Status: 'Presented', Signed_Date__c: null },
      }),
      flowTest('an accepted quote edited outside its terms stays accepted as signed', {
        given: [account, signer, deal],
        insert: {
          ...quote,
          Status: 'Accepted',
          ContactId: idOf('signer'),
          Signed_Date__c: today(-1),
          Uplift_Percent__c: 3,
          Uplift_Cap_Percent__c: 5,
          Special_Terms__c: 'Liability cap at 2x annual fees.',
        },
        update: { Description: 'Countersigned copy filed in the CLM.' },
        expect: { Status: 'Accepted', Signed_Date__c: today(-1) },
      }),
    ],
  },
});
