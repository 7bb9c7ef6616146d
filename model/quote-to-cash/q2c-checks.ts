/**
 * Quote-to-cash checks before close (blueprint 001 Epic 4, 000 §4 "quote-to-cash failure
 * instrumentation and alerts"): a deal cannot close while it fails one (validation rules), and a
 * deal that reaches Commercials failing one is recorded as a Q2C failure and the deal desk is
 * emailed (a record-triggered flow) — a failure is never silent. `revops quote check` runs the
 * same checks offline (scripts/quote/rules-billing.ts).
 */
import {
  createRecord,
  decision,
  filter,
  flowTest,
  idOf,
  outcome,
  recordTriggeredFlow,
  ref,
  sendEmail,
  setupRecord,
  today,
  validationRule,
  when,
} from '../../scripts/dsl/index.ts';
import { notBypassed } from '../governance/permissions.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { OpportunityProduct } from './products.ts';

export { Q2CFailure } from './q2c-failure.ts';
import { RevOpsAdmin } from '../security/permission-sets.ts';

/** The deal desk's shared mailbox the Q2C alerts go to (an admin sets the org's own address here). */
export const DEAL_DESK_MAILBOX = 'deal-desk@revops.example';

/** No deal closes won while it fails a check before close (billing anchor date, tax). */
export const q2cChecksBeforeClose = validationRule(Opp, 'Q2C_Checks_Before_Close', {
  formula: `AND(
    ${notBypassed},
    ISPICKVAL(StageName, "Closed Won"),
    NOT(ISBLANK(Q2C_Check_Failures__c))
)`,
  message:
    'This deal fails quote-to-cash checks (see Q2C Check Failures): set the billing anchor date within the allowed days of the contract start, and the tax treatment (and tax ID when exempt or reverse charge) before it closes.',
  errorField: Opp.field('Q2C_Check_Failures__c'),
  locked: true,
});

/** A line bills exactly its prorated amount: what billing invoices is what the deal sold. */
export const billedAmountProrated = validationRule(OpportunityProduct, 'Billed_Amount_Prorated', {
  formula: `AND(
    ${notBypassed},
    NOT(ISBLANK(Prorated_Amount__c)),
    OR(ISBLANK(Billed_Amount__c), ABS(Billed_Amount__c - Prorated_Amount__c) >= 0.01)
)`,
  message:
    'Billed Amount must be the prorated amount: quantity × annual unit price × (whole months + days / 30) / 12 of the service period.',
  errorField: OpportunityProduct.field('Billed_Amount__c'),
  locked: true,
});

export const q2cCheckRules = [q2cChecksBeforeClose, billedAmountProrated];

/**
 * Records and alerts: when a deal moves into Commercials (the last stage before close) failing a
 * check, a Q2C_Failure__c row is written and the deal desk emailed. A close attempt that fails is
 * refused by Q2C_Checks_Before_Close, which names the checks to the user.
 */
export const recordQ2CFailures = recordTriggeredFlow('Opportunity_Record_Q2C_Failures', {
  label: 'Opportunity: Record Q2C Failures',
  description: 'A deal entering Commercials that fails a quote-to-cash check is recorded and the deal desk emailed.',
  object: 'Opportunity',
  timing: 'AfterSave',
  on: 'CreateAndUpdate',
  entry: [filter('StageName', 'EqualTo', 'Commercials')],
  runOnUpdate: 'onlyWhenUpdatedToMeet',
  formulas: {
    AlertSubject: {
      dataType: 'String',
      expression: '"Q2C check failed: " & {!$Record.Name}',
    },
    AlertBody: {
      dataType: 'String',
      expression:
        '"The deal " & {!$Record.Name} & " entered Commercials failing: " & {!$Record.Q2C_Check_Failures__c} & " It cannot close until these pass."',
    },
  },
  steps: [
    decision('Fails_A_Check', 'Fails a quote-to-cash check?', [
      outcome('Fails', 'Fails', {
        all: [when('$Record.Q2C_Check_Failures__c', 'IsNull', false)],
        then: [
          createRecord('Record_Failure', 'Record the failure', {
            object: 'Q2C_Failure__c',
            set: {
              Opportunity__c: ref('$Record.Id'),
              Checks__c: ref('$Record.Q2C_Check_Failures__c'),
              Stage__c: ref('$Record.StageName'),
              Detected_At__c: ref('$Flow.CurrentDateTime'),
            },
          }),
          sendEmail('Alert_Deal_Desk', 'Email the deal desk', {
            to: DEAL_DESK_MAILBOX,
            subject: ref('AlertSubject'),
            body: ref('AlertBody'),
          }),
        ],
      }),
    ]),
  ],
  // The offline simulator does not create records or send email, so the cases cover the paths that
  // do neither; the failing path (a row and an email) is proven only in an org.
  tests: {
    runAs: [RevOpsAdmin],
    cases: [
      flowTest('a deal before Commercials is not checked', {
        given: [setupRecord('acme', 'Account', { Name: 'Acme', Website_Domain__c: 'acme.com' })],
        insert: {
          Name: 'ENT-NA-Platform-Forecasting-Q3',
          Amount: 50000,
          Next_Step_Date__c: today(7),
          AccountId: idOf('acme'),
          StageName: 'Discovery',
          CloseDate: today(30),
          NextStep: 'Discovery call',
        },
        update: { NextStep: 'Send the agenda' },
        expect: { StageName: 'Discovery', NextStep: 'Send the agenda' },
      }),
    ],
  },
});
