import { assign, decision, outcome, recordTriggeredFlow, ref, when } from '../../scripts/dsl/index.ts';

/**
 * Takes the attribution snapshots before save (blueprint 001): the first lead source, and at
 * MQL the time and the segment fit score. The validation rules keep them from changing after.
 */
export const leadSnapshots = recordTriggeredFlow('Lead_Take_Attribution_Snapshots', {
  label: 'Lead: Take Attribution Snapshots',
  description: 'Sets Original Lead Source once, and MQL Date and ICP Fit Score at MQL when the lead becomes an MQL.',
  object: 'Lead',
  timing: 'BeforeSave',
  on: 'CreateAndUpdate',
  steps: [
    decision('Source_Snapshot_Due', 'First lead source known?', [
      outcome('Source_Not_Snapshotted', 'Not yet snapshotted', {
        all: [when('$Record.Lead_Source_Original__c', 'IsNull', true), when('$Record.LeadSource', 'IsNull', false)],
        then: [
          assign('Snapshot_Source', 'Snapshot the lead source', {
            '$Record.Lead_Source_Original__c': ref('$Record.LeadSource'),
          }),
        ],
      }),
    ]),
    decision('MQL_Snapshot_Due', 'Became an MQL?', [
      outcome('New_MQL', 'New MQL', {
        all: [when('$Record.Status', 'EqualTo', 'MQL'), when('$Record.MQL_Date__c', 'IsNull', true)],
        then: [
          assign('Snapshot_MQL', 'Snapshot MQL time and fit', {
            '$Record.MQL_Date__c': ref('$Flow.CurrentDateTime'),
            '$Record.Segment_Fit_Score_At_MQL__c': ref('$Record.Segment_Fit_Score__c'),
          }),
        ],
      }),
    ]),
  ],
  locked: true,
});
