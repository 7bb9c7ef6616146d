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
import { DEAL_NAME_PATTERN } from '../governance/deal-desk-rules.ts';
import { AccountExecutive } from '../security/permission-sets.ts';

/**
 * The deal a lead conversion creates (SDR → AE hand-off, blueprint 001 Epic 1 and 003): the
 * convert dialog gives it a name and nothing else the governance rules ask of a new deal. Before
 * save, so before the validation rules run, it takes the first meeting the SDR booked as its next
 * step and date, and a name in the convention (`{Segment}-{Geo}-TBD-Converted-Q{n}`: the AE
 * renames it when the product is known, and the naming rule checks the rename) unless the rep
 * already typed one. A deal with no booked meeting gets nothing, and the rules tell the rep what
 * is missing.
 */
export const completeConvertedDeal = recordTriggeredFlow('Opportunity_Complete_Converted_Deal', {
  label: 'Opportunity: Complete Converted Deal',
  description:
    'A deal created with a first meeting date (from lead conversion) gets its next step, date and a convention name.',
  object: 'Opportunity',
  timing: 'BeforeSave',
  on: 'Create',
  entry: [filter('First_Meeting_Date__c', 'IsNull', false)],
  formulas: {
    NameFollowsConvention: {
      dataType: 'Boolean',
      expression: `AND(REGEX({!$Record.Name}, "${DEAL_NAME_PATTERN}"), OR(ISBLANK(TEXT({!$Record.Account.Segment__c})), BEGINS({!$Record.Name}, TEXT({!$Record.Account.Segment__c}) & "-")))`,
    },
    ConventionName: {
      dataType: 'String',
      expression:
        'TEXT({!$Record.Account.Segment__c}) & "-" & TEXT({!$Record.Account.Geo__c}) & "-TBD-Converted-Q" & TEXT(CEILING(MONTH({!$Record.CloseDate}) / 3))',
    },
  },
  steps: [
    decision('Next_Step_Missing', 'Next step missing?', [
      outcome('No_Next_Step', 'No next step', {
        all: [when('$Record.NextStep', 'IsNull', true)],
        then: [
          assign('Meeting_Is_Next_Step', 'The first meeting is the next step', {
            '$Record.NextStep': 'First meeting with the AE (booked at the SDR hand-off)',
          }),
        ],
      }),
    ]),
    decision('Next_Step_Date_Missing', 'Next step date missing?', [
      outcome('No_Next_Step_Date', 'No next step date', {
        all: [when('$Record.Next_Step_Date__c', 'IsNull', true)],
        then: [
          assign('Meeting_Date_Is_Next_Step_Date', 'The meeting date is the next step date', {
            '$Record.Next_Step_Date__c': ref('$Record.First_Meeting_Date__c'),
          }),
        ],
      }),
    ]),
    decision('Name_Outside_Convention', 'Name outside the convention?', [
      outcome('Rename', 'Name it by the convention', {
        all: [when('NameFollowsConvention', 'EqualTo', false)],
        then: [assign('Convention_Name', 'Name it by the convention', { '$Record.Name': ref('ConventionName') })],
      }),
    ]),
  ],
  tests: {
    // The AE who converts (the SDR's set creates deals the same way): no bypass, every rule applies.
    runAs: [AccountExecutive],
    cases: [
      flowTest('a converted deal with a booked first meeting saves with its next step, date and a convention name', {
        given: [setupRecord('acme', 'Account', { Name: 'Acme', Segment__c: 'ENT', Geo__c: 'NA' })],
        insert: {
          Name: 'Acme-',
          AccountId: idOf('acme'),
          StageName: 'Discovery',
          CloseDate: '2027-05-14',
          First_Meeting_Date__c: today(2),
        },
        expect: {
          NextStep: 'First meeting with the AE (booked at the SDR hand-off)',
          Next_Step_Date__c: today(2),
          Name: 'ENT-NA-TBD-Converted-Q2',
        },
      }),
      flowTest('a name the rep typed in the convention, and a next step, are kept', {
        given: [setupRecord('acme', 'Account', { Name: 'Acme', Segment__c: 'MM', Geo__c: 'EMEA' })],
        insert: {
          Name: 'MM-EMEA-Platform-Forecasting-Q3',
          AccountId: idOf('acme'),
          StageName: 'Discovery',
          CloseDate: '2027-08-20',
          NextStep: 'Discovery call with the VP Sales',
          First_Meeting_Date__c: today(1),
        },
        expect: {
          NextStep: 'Discovery call with the VP Sales',
          Next_Step_Date__c: today(1),
          Name: 'MM-EMEA-Platform-Forecasting-Q3',
        },
      }),
    ],
  },
  locked: true,
});
