import {
  assign,
  decision,
  filter,
  flowTest,
  idOf,
  outcome,
  recordTriggeredFlow,
  ref,
  setupRecord,
  today,
  when,
} from '../../scripts/dsl/index.ts';
import { RevOpsAdmin } from '../security/permission-sets.ts';

/** Every case's deal belongs to an account, set up first; it closes in 30 days. */
const account = setupRecord('acme', 'Account', { Name: 'Acme' });
const deal = {
  Name: 'Acme - New Business',
  AccountId: idOf('acme'),
  StageName: 'Discovery',
  CloseDate: today(30),
  NextStep: 'Discovery call',
};

/**
 * Counts close-date slips on the deal itself (before save: no extra DML), feeding the slip
 * dashboard and forecast postmortems (blueprint §5).
 */
export const trackCloseDateSlips = recordTriggeredFlow('Opportunity_Track_Close_Date_Slips', {
  label: 'Opportunity: Track Close Date Slips',
  description: 'When the close date moves later, increments Push Count and stamps Last Slip Date.',
  object: 'Opportunity',
  timing: 'BeforeSave',
  on: 'Update',
  entry: [filter('CloseDate', 'IsChanged', true)],
  formulas: {
    NextPushCount: { dataType: 'Number', scale: 0, expression: 'BLANKVALUE({!$Record.Push_Count__c}, 0) + 1' },
  },
  steps: [
    decision('Close_Date_Moved_Later', 'Close date moved later?', [
      outcome('Moved_Later', 'Moved later', {
        all: [when('$Record.CloseDate', 'GreaterThan', ref('$Record__Prior.CloseDate'))],
        then: [
          assign('Count_Slip', 'Count the slip', {
            '$Record.Push_Count__c': ref('NextPushCount'),
            '$Record.Last_Slip_Date__c': ref('$Flow.CurrentDate'),
          }),
        ],
      }),
    ]),
  ],
  tests: {
    runAs: [RevOpsAdmin],
    cases: [
      flowTest('moving the close date later counts a slip and stamps today', {
        given: [account],
        insert: deal,
        update: { CloseDate: today(60), Slip_Reason__c: 'Customer Timeline' },
        expect: { Push_Count__c: 1, Last_Slip_Date__c: today() },
      }),
      flowTest('a further slip adds to the count', {
        given: [account],
        insert: { ...deal, Push_Count__c: 2 },
        update: { CloseDate: today(45), Slip_Reason__c: 'Customer Timeline' },
        expect: { Push_Count__c: 3, Last_Slip_Date__c: today() },
      }),
      flowTest('pulling the close date in is not a slip', {
        given: [account],
        insert: deal,
        update: { CloseDate: today(10) },
        expect: { Push_Count__c: null, Last_Slip_Date__c: null },
      }),
      flowTest('an edit that leaves the close date alone is not a slip', {
        given: [account],
        insert: deal,
        update: { NextStep: 'Send the proposal' },
        expect: { Push_Count__c: null, Last_Slip_Date__c: null },
      }),
      flowTest('a new deal has no slips', {
        given: [account],
        insert: deal,
        expect: { Push_Count__c: null, Last_Slip_Date__c: null },
      }),
    ],
  },
  locked: true,
});
