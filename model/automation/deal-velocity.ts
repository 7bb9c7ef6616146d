import {
  assign,
  decision,
  flowTest,
  idOf,
  outcome,
  recordTriggeredFlow,
  ref,
  setupRecord,
  today,
  when,
} from '../../scripts/dsl/index.ts';
import { STAGE_ENTRY_FIELDS } from '../objects/opportunity.ts';
import { RevOpsAdmin } from '../security/permission-sets.ts';

const account = setupRecord('acme', 'Account', { Name: 'Acme', Website_Domain__c: 'acme.com' });
const deal = {
  Name: 'ENT-NA-Platform-Forecasting-Q3',
  AccountId: idOf('acme'),
  Amount: 50000,
  StageName: 'Discovery',
  CloseDate: today(30),
  NextStep: 'Discovery call',
  Next_Step_Date__c: today(7),
};

/**
 * Blueprint 002 (velocity and time in stage need stage entry dates, all stages): before save,
 * the day a deal enters a stage is stamped on that stage's field, when it is created there or
 * moves there. Re-entering a stage moves its date (time in stage counts from the last entry).
 */
export const stampStageEntry = recordTriggeredFlow('Opportunity_Stamp_Stage_Entry', {
  label: 'Opportunity: Stamp Stage Entry',
  description: "Stamps the day a deal entered its stage on that stage's Entered On field.",
  object: 'Opportunity',
  timing: 'BeforeSave',
  on: 'CreateAndUpdate',
  steps: [
    decision(
      'Entered_Stage',
      'Which stage did the deal enter?',
      Object.entries(STAGE_ENTRY_FIELDS).map(([stage, field]) =>
        outcome(`Entered_${field.replace(/_Entered_On__c$/, '')}`, `Entered ${stage}`, {
          all: [
            when('$Record.StageName', 'EqualTo', stage),
            when('$Record.StageName', 'NotEqualTo', ref('$Record__Prior.StageName')),
          ],
          then: [
            assign(`Stamp_${field.replace(/__c$/, '')}`, `Stamp ${stage} entry`, {
              [`$Record.${field}`]: ref('$Flow.CurrentDate'),
            }),
          ],
        }),
      ),
    ),
  ],
  tests: {
    runAs: [RevOpsAdmin],
    cases: [
      flowTest('a deal created in Discovery is stamped as entering it today', {
        given: [account],
        insert: deal,
        expect: { Discovery_Entered_On__c: today(), Value_Demo_Entered_On__c: null },
      }),
      flowTest('moving to Value Demo stamps its entry and keeps the Discovery one', {
        given: [account],
        insert: deal,
        update: { StageName: 'Value Demo' },
        expect: { Discovery_Entered_On__c: today(), Value_Demo_Entered_On__c: today() },
      }),
      flowTest('an edit that keeps the stage stamps nothing new', {
        given: [account],
        insert: deal,
        update: { NextStep: 'Send the agenda' },
        expect: { Discovery_Entered_On__c: today(), Value_Demo_Entered_On__c: null },
      }),
    ],
  },
});
