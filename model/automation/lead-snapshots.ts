import {
  assign,
  decision,
  flowTest,
  outcome,
  recordTriggeredFlow,
  ref,
  savedAt,
  when,
} from '../../scripts/dsl/index.ts';
import { channelOfUtmMediumFormula, UTM_MEDIUM_CHANNEL } from '../marketing/source-hierarchy.ts';
import { RevOpsAdmin } from '../security/permission-sets.ts';

const lead = { LastName: 'Rivera', Company: 'Acme', Segment_Fit_Score__c: 72 };

const medium = '{!$Record.UTM_Medium__c}';

/**
 * Takes the attribution snapshots before save (blueprint 001): the channel the UTM medium names
 * becomes the most recent source, and the first source (that channel, else the lead source) the
 * original; at MQL the time and the segment fit score. The validation rules keep them from
 * changing after.
 */
export const leadSnapshots = recordTriggeredFlow('Lead_Take_Attribution_Snapshots', {
  label: 'Lead: Take Attribution Snapshots',
  description:
    'Sets Most Recent Source from UTM Medium, Original Lead Source once, and MQL Date and ICP Fit Score at MQL when the lead becomes an MQL.',
  object: 'Lead',
  timing: 'BeforeSave',
  on: 'CreateAndUpdate',
  formulas: {
    ChannelFromUtm: { dataType: 'String', expression: channelOfUtmMediumFormula(medium) },
    UtmNamesChannel: {
      dataType: 'Boolean',
      expression: `CASE(${medium}, ${[...UTM_MEDIUM_CHANNEL.keys()].map((m) => `"${m}", 1`).join(', ')}, 0) = 1`,
    },
  },
  steps: [
    decision('Recent_Source_From_Utm', 'UTM medium names a channel?', [
      outcome('Utm_Channel', 'Names a channel', {
        all: [when('UtmNamesChannel', 'EqualTo', true)],
        then: [
          assign('Set_Most_Recent_Source', 'Most recent source is that channel', {
            '$Record.Most_Recent_Source__c': ref('ChannelFromUtm'),
          }),
        ],
      }),
    ]),
    decision('Source_Snapshot_Due', 'First lead source known?', [
      outcome('Channel_Not_Snapshotted', 'Not yet snapshotted, UTM channel known', {
        all: [when('$Record.Lead_Source_Original__c', 'IsNull', true), when('UtmNamesChannel', 'EqualTo', true)],
        then: [
          assign('Snapshot_Channel', 'Snapshot the UTM channel', {
            '$Record.Lead_Source_Original__c': ref('ChannelFromUtm'),
          }),
        ],
      }),
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
  tests: {
    runAs: [RevOpsAdmin],
    cases: [
      flowTest('a new MQL gets its source, MQL time and fit score snapshots', {
        insert: { ...lead, Status: 'MQL', LeadSource: 'Web' },
        expect: {
          Lead_Source_Original__c: 'Web',
          MQL_Date__c: savedAt(),
          Segment_Fit_Score_At_MQL__c: 72,
        },
      }),
      flowTest('a lead in nurture gets the source snapshot only', {
        insert: { ...lead, Status: 'Nurture', LeadSource: 'Partner Referral' },
        expect: { Lead_Source_Original__c: 'Partner Referral', MQL_Date__c: null, Segment_Fit_Score_At_MQL__c: null },
      }),
      flowTest('a lead that becomes an MQL later gets the MQL snapshots then', {
        insert: { ...lead, Status: 'Nurture' },
        update: { Status: 'MQL', Segment_Fit_Score__c: 80 },
        expect: { MQL_Date__c: savedAt(), Segment_Fit_Score_At_MQL__c: 80 },
      }),
      flowTest('a later lead source does not replace the first', {
        insert: { ...lead, Status: 'MQL', LeadSource: 'Web' },
        update: { LeadSource: 'Purchased List' },
        expect: { Lead_Source_Original__c: 'Web' },
      }),
      flowTest('a lead without a source gets the snapshot once it has one', {
        insert: { ...lead, Status: 'Nurture', LeadSource: null },
        update: { LeadSource: 'Phone Inquiry' },
        expect: { Lead_Source_Original__c: 'Phone Inquiry' },
      }),
      flowTest('a UTM medium sets the most recent source and the original source to its channel', {
        insert: { ...lead, Status: 'Nurture', LeadSource: 'Web', UTM_Medium__c: 'webinar' },
        expect: { Most_Recent_Source__c: 'Webinar', Lead_Source_Original__c: 'Webinar' },
      }),
      flowTest('a later UTM medium moves the most recent source, never the original', {
        insert: { ...lead, Status: 'Nurture', LeadSource: 'Web', UTM_Medium__c: 'cpc' },
        update: { UTM_Medium__c: 'email' },
        expect: { Most_Recent_Source__c: 'Email Nurture', Lead_Source_Original__c: 'Paid Search' },
      }),
      flowTest('the fit score at MQL stays when the score changes afterwards', {
        insert: { ...lead, Status: 'MQL' },
        update: { Status: 'SAL', Segment_Fit_Score__c: 95 },
        expect: { Segment_Fit_Score_At_MQL__c: 72 },
      }),
    ],
  },
  locked: true,
});
