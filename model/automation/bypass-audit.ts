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
  type SetupRecord,
  type TestValue,
} from '../../scripts/dsl/index.ts';
import { GovernanceBypass } from '../governance/permissions.ts';
import { RevOpsAdmin } from '../security/permission-sets.ts';

/** The objects whose saves the governance rules check, and so whose bypassed saves are stamped. */
export const BYPASS_AUDITED = [
  'Account',
  'Contact',
  'Lead',
  'Opportunity',
  'Contract',
  'Campaign',
  'Deal_Exception__c',
  'Concession__c',
  'Commitment__c',
  'Handoff_Packet__c',
  'Touch__c',
] as const;

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

const dealRecord = setupRecord('deal', 'Opportunity', deal);
/** A record of each audited object the admin inserts in the flow's test (the admin bypasses the rules). */
const SAMPLES: Record<(typeof BYPASS_AUDITED)[number], { given: SetupRecord[]; insert: Record<string, TestValue> }> = {
  Account: { given: [], insert: { Name: 'Acme', Website_Domain__c: 'acme.com' } },
  Contact: { given: [account], insert: { LastName: 'Rivera', AccountId: idOf('acme') } },
  Lead: { given: [], insert: { LastName: 'Okafor', Company: 'Globex', Status: 'MQL' } },
  Opportunity: { given: [account], insert: deal },
  Contract: {
    given: [account],
    insert: { AccountId: idOf('acme'), Status: 'Draft', StartDate: today(), ContractTerm: 12 },
  },
  Campaign: { given: [], insert: { Name: 'Webinar-Forecasting-Q3-RevOpsLeaders' } },
  Deal_Exception__c: {
    given: [account, dealRecord],
    insert: {
      Opportunity__c: idOf('deal'),
      Reason__c: 'Payment Terms',
      Status__c: 'Requested',
      Expires_On__c: today(30),
    },
  },
  Concession__c: {
    given: [account, dealRecord],
    insert: { Opportunity__c: idOf('deal'), Type__c: 'Free Months', Value__c: 1000, Expires_On__c: today(90) },
  },
  Commitment__c: {
    given: [account, dealRecord],
    insert: {
      Opportunity__c: idOf('deal'),
      Type__c: 'Security',
      Description__c: 'SOC 2 report before signature.',
      Due_Date__c: today(30),
      Status__c: 'Open',
    },
  },
  Handoff_Packet__c: {
    given: [account, dealRecord],
    insert: { Handoff_Type__c: 'AE to CS', Opportunity__c: idOf('deal'), Status__c: 'Draft' },
  },
  Touch__c: {
    given: [account, dealRecord],
    insert: {
      Opportunity__c: idOf('deal'),
      Touched_At__c: '2026-03-10T08:55:00Z',
      Channel__c: 'Webinar',
      Touch_Type__c: 'Webinar Attended',
    },
  },
};

/**
 * Blueprint 000 §9 (audit logs): a save by a holder of the governance bypass is stamped, before
 * save, with the time and the bypass; the field's history (tracked) records who saved it, and the
 * governed fields' own history what changed. Nobody but automation writes the stamp (permission
 * sets give it read only).
 */
function bypassAudit(object: (typeof BYPASS_AUDITED)[number]) {
  const name = object.replace(/__c$/, '').replace(/_/g, '');
  return recordTriggeredFlow(`${name}_Audit_Bypass`, {
    label: `${object.replace(/__c$/, '').replace(/_/g, ' ')}: Audit Governance Bypass`,
    description: `Stamps Last Governance Bypass on every ${object} save made with ${GovernanceBypass.name}.`,
    object,
    timing: 'BeforeSave',
    on: 'CreateAndUpdate',
    formulas: {
      Bypassed: { dataType: 'Boolean', expression: `{!$Permission.${GovernanceBypass.name}}` },
    },
    steps: [
      decision('Saved_With_Bypass', 'Saved with the governance bypass?', [
        outcome('Bypass_Used', 'Bypass used', {
          all: [when('Bypassed', 'EqualTo', true)],
          then: [
            assign('Stamp_Bypass', 'Stamp the bypass', {
              '$Record.Last_Governance_Bypass__c': ref('$Flow.CurrentDateTime'),
            }),
          ],
        }),
      ]),
    ],
    tests: {
      runAs: [RevOpsAdmin],
      cases: [
        flowTest(`a ${object} saved with the bypass is stamped`, {
          given: SAMPLES[object].given,
          insert: SAMPLES[object].insert,
          expect: { Last_Governance_Bypass__c: savedAt() },
        }),
      ],
    },
  });
}

export const bypassAuditFlows = BYPASS_AUDITED.map(bypassAudit);
