import {
  assign,
  decision,
  flowTest,
  idOf,
  outcome,
  recordTriggeredFlow,
  ref,
  savedAt,
  setupRecord,
  today,
  when,
} from '../../scripts/dsl/index.ts';
import { RevOpsAdmin } from '../security/permission-sets.ts';

const account = setupRecord('acme', 'Account', { Name: 'Acme' });
const deal = {
  Name: 'Acme - New Business',
  AccountId: idOf('acme'),
  StageName: 'Discovery',
  CloseDate: today(30),
  NextStep: 'Discovery call',
  Next_Step_Date__c: today(2),
};

/**
 * Stamps the day a deal enters its stage (before save: no extra DML): the stale-deal job's
 * stage-aging timers count from it (lifecycle automation, blueprint 000 §2).
 */
export const stampStageEnteredOn = recordTriggeredFlow('Opportunity_Stamp_Stage_Entered_On', {
  label: 'Opportunity: Stamp Stage Entered On',
  description: 'Sets Stage Entered On to today when a deal is created without one or changes stage.',
  object: 'Opportunity',
  timing: 'BeforeSave',
  on: 'CreateAndUpdate',
  steps: [
    decision('Stage_Entered', 'Entered a stage?', [
      outcome('New_Without_Stamp', 'Created without a stamp', {
        all: [when('$Record.Stage_Entered_On__c', 'IsNull', true)],
        then: [assign('Stamp_New', 'Stamp today', { '$Record.Stage_Entered_On__c': ref('$Flow.CurrentDate') })],
      }),
      outcome('Stage_Changed', 'Stage changed', {
        all: [when('$Record.StageName', 'IsChanged', true)],
        then: [assign('Stamp_Change', 'Stamp today', { '$Record.Stage_Entered_On__c': ref('$Flow.CurrentDate') })],
      }),
    ]),
  ],
  tests: {
    runAs: [RevOpsAdmin],
    cases: [
      flowTest('a new deal enters its stage today', {
        given: [account],
        insert: deal,
        expect: { Stage_Entered_On__c: today() },
      }),
      flowTest('a stage change stamps today', {
        given: [account],
        insert: { ...deal, Stage_Entered_On__c: today(-10) },
        update: { StageName: 'Closed Lost', Loss_Reason__c: 'Timed Out' },
        expect: { Stage_Entered_On__c: today() },
      }),
      flowTest('an edit that keeps the stage keeps the stamp', {
        given: [account],
        insert: { ...deal, Stage_Entered_On__c: today(-10) },
        update: { NextStep: 'Send the proposal' },
        expect: { Stage_Entered_On__c: today(-10) },
      }),
    ],
  },
  locked: true,
});

const packet = { Handoff_Type__c: 'AE to CS', Use_Case__c: 'Forecasting', Success_Criteria__c: 'Adoption in 30 days' };

/** Starts and stops the hand-off SLA clocks (blueprint 000 §7): submitted and accepted times, set once. */
export const stampHandoffTimes = recordTriggeredFlow('Handoff_Stamp_SLA_Times', {
  label: 'Hand-off: Stamp SLA Times',
  description: 'Sets Submitted At when a packet is submitted and Accepted At when the receiver accepts it, once each.',
  object: 'Handoff_Packet__c',
  timing: 'BeforeSave',
  on: 'CreateAndUpdate',
  steps: [
    decision('Submitted_Now', 'Submitted without a time?', [
      outcome('Submitted_Unstamped', 'Submitted, not stamped', {
        all: [when('$Record.Status__c', 'EqualTo', 'Submitted'), when('$Record.Submitted_At__c', 'IsNull', true)],
        then: [
          assign('Stamp_Submitted', 'Stamp the submission', {
            '$Record.Submitted_At__c': ref('$Flow.CurrentDateTime'),
          }),
        ],
      }),
    ]),
    decision('Accepted_Now', 'Accepted without a time?', [
      outcome('Accepted_Unstamped', 'Accepted, not stamped', {
        all: [when('$Record.Status__c', 'EqualTo', 'Accepted'), when('$Record.Accepted_At__c', 'IsNull', true)],
        then: [
          assign('Stamp_Accepted', 'Stamp the acceptance', { '$Record.Accepted_At__c': ref('$Flow.CurrentDateTime') }),
        ],
      }),
    ]),
  ],
  tests: {
    runAs: [RevOpsAdmin],
    cases: [
      flowTest('a submitted packet starts the clock', {
        insert: { ...packet, Status__c: 'Submitted', Risks__c: 'None known' },
        expect: { Submitted_At__c: savedAt(), Accepted_At__c: null },
      }),
      flowTest('a draft packet has no clock yet', {
        insert: { ...packet, Status__c: 'Draft' },
        expect: { Submitted_At__c: null, Accepted_At__c: null },
      }),
    ],
  },
  locked: true,
});
