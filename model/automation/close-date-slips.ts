import { assign, decision, filter, outcome, recordTriggeredFlow, ref, when } from '../../scripts/dsl/index.ts';

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
  locked: true,
});
