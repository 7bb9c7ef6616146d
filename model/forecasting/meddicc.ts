import { assign, flowTest, idOf, recordTriggeredFlow, ref, setupRecord, today } from '../../scripts/dsl/index.ts';
import { AccountExecutive } from '../security/permission-sets.ts';
import { MEDDICC_ITEMS } from './deal-risk.ts';

/** Every case's deal belongs to an account with a buyer and a champion, set up first. */
const given = [
  setupRecord('acme', 'Account', { Name: 'Acme', Segment__c: 'ENT' }),
  setupRecord('buyer', 'Contact', { LastName: 'Buyer', AccountId: idOf('acme') }),
  setupRecord('champion', 'Contact', { LastName: 'Champion', AccountId: idOf('acme') }),
];
const deal = {
  Name: 'ENT-NA-Platform-Forecasting-Q3',
  AccountId: idOf('acme'),
  Amount: 50000,
  StageName: 'Discovery',
  CloseDate: today(30),
  NextStep: 'Discovery call',
  Next_Step_Date__c: today(3),
};

/**
 * Counts the filled MEDDICC items on every save (before save: no extra DML). A formula field
 * cannot do it: four of the items are long text areas, which formula fields cannot read, while
 * flow formulas can. The risk score and the scorecard read the count.
 */
export const scoreMeddicc = recordTriggeredFlow('Opportunity_Score_MEDDICC', {
  label: 'Opportunity: Score MEDDICC',
  description: 'Sets MEDDICC Score to the number of the seven MEDDICC items that are filled.',
  object: 'Opportunity',
  timing: 'BeforeSave',
  on: 'CreateAndUpdate',
  formulas: {
    MeddiccScore: {
      dataType: 'Number',
      scale: 0,
      expression: MEDDICC_ITEMS.map((i) => `IF(ISBLANK({!$Record.${i.field}}), 0, 1)`).join(' + '),
    },
  },
  steps: [assign('Set_MEDDICC_Score', 'Set MEDDICC Score', { '$Record.MEDDICC_Score__c': ref('MeddiccScore') })],
  tests: {
    runAs: [AccountExecutive],
    cases: [
      flowTest('a new deal with nothing qualified scores 0', {
        given,
        insert: deal,
        expect: { MEDDICC_Score__c: 0 },
      }),
      flowTest('a new deal counts the items filled on insert', {
        given,
        insert: { ...deal, Metrics__c: 'Forecast prep from two days to two hours', Competition__c: 'Spreadsheets' },
        expect: { MEDDICC_Score__c: 2 },
      }),
      flowTest('filling every item on an edit scores 7', {
        given,
        insert: deal,
        update: {
          Metrics__c: 'Forecast prep from two days to two hours',
          Economic_Buyer__c: idOf('buyer'),
          Decision_Criteria__c: 'Salesforce-native, audit trail',
          Decision_Process__c: 'Pilot, security review, CFO sign-off',
          Problem_Statement__c: 'Roll-ups take a day of every manager week',
          Champion__c: idOf('champion'),
          Competition__c: 'Spreadsheets',
        },
        expect: { MEDDICC_Score__c: 7 },
      }),
      flowTest('clearing an item lowers the score', {
        given,
        insert: { ...deal, Champion__c: idOf('champion'), Competition__c: 'Spreadsheets' },
        update: { Champion__c: null },
        expect: { MEDDICC_Score__c: 1 },
      }),
    ],
  },
});
