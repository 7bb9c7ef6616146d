/**
 * What `npm run preview` renders: each component in the states its Jest tests cover, fed by the
 * same fixture files (`force-app/main/default/lwc/<component>/__tests__/data/*.json`), with the
 * text each state must show (checked by tests/preview on the rendered page).
 */

/** A wire or call answered from a Jest fixture file (by name) or with an error body. */
export type Answer = { readonly fixture: string } | { readonly error: unknown };

export interface PreviewState {
  readonly title: string;
  readonly props?: Readonly<Record<string, unknown>>;
  /** Public properties set from Jest fixture files (by name), on top of `props`. */
  readonly fixtureProps?: Readonly<Record<string, string>>;
  /** Wire adapters by name (getRecord, getObjectInfo, an Apex method `Class.method`...). */
  readonly wires?: Readonly<Record<string, Answer>>;
  /** Imperative calls (createRecord...). */
  readonly calls?: Readonly<Record<string, Answer>>;
  /** Text the rendered state must contain. */
  readonly expect: readonly string[];
}

export interface PreviewComponent {
  /** The bundle folder under force-app/main/default/lwc. */
  readonly name: string;
  readonly states: readonly PreviewState[];
}

const recordId = { recordId: '006Dn00000RiskAAA' };
const uiError = (message: string) => ({ error: { status: 400, body: [{ errorCode: 'INVALID', message }] } });
const apexError = (message: string) => ({ error: { status: 500, body: { message } } });

export const PREVIEW: readonly PreviewComponent[] = [
  {
    name: 'errorPanel',
    states: [
      {
        title: 'Save rejected by validation rules',
        props: { friendlyMessage: 'The forecast was not submitted.' },
        fixtureProps: { errors: 'saveErrorWithFieldErrors' },
        expect: ['The forecast was not submitted.', 'Say why in Judgement Notes.'],
      },
      { title: 'No detail', expect: ['Something went wrong.'] },
    ],
  },
  {
    name: 'stageGateChecklist',
    states: [
      {
        title: 'Discovery, criteria missing',
        props: recordId,
        wires: {
          getRecord: { fixture: 'opportunityDiscoveryMissing' },
          getObjectInfo: { fixture: 'objectInfoOpportunity' },
          'StageGateController.getExitCriteria': { fixture: 'exitCriteriaDiscovery' },
        },
        expect: ['1 of 3 exit criteria met', 'Problem Statement: Met', 'Missing'],
      },
      {
        title: 'Closed deal (empty)',
        props: recordId,
        wires: {
          getRecord: { fixture: 'opportunityClosedWon' },
          getObjectInfo: { fixture: 'objectInfoOpportunity' },
          'StageGateController.getExitCriteria': { fixture: 'exitCriteriaNone' },
        },
        expect: ['This deal is closed, so no exit criteria apply.'],
      },
      {
        title: 'Error',
        props: recordId,
        wires: {
          getRecord: { fixture: 'opportunityDiscoveryMissing' },
          'StageGateController.getExitCriteria': apexError('Insufficient access to Stage_Gate_Criterion__mdt'),
        },
        expect: ['Exit criteria could not be loaded.', 'Insufficient access'],
      },
    ],
  },
  {
    name: 'dealRiskPanel',
    states: [
      {
        title: 'High risk',
        props: recordId,
        wires: { getRecord: { fixture: 'opportunityHighRisk' } },
        expect: ['71', 'High', 'No champion (+15)', 'MEDDICC 3 of 7 (+16)'],
      },
      {
        title: 'No signals',
        props: recordId,
        wires: { getRecord: { fixture: 'opportunityLowRisk' } },
        expect: ['No risk signals'],
      },
      {
        title: 'Closed deal (empty)',
        props: recordId,
        wires: { getRecord: { fixture: 'opportunityClosed' } },
        expect: ['carries no risk score'],
      },
      {
        title: 'Error',
        props: recordId,
        wires: { getRecord: uiError('Field Risk_Score__c is not accessible') },
        expect: ['The deal risk could not be loaded.', 'Risk_Score__c is not accessible'],
      },
    ],
  },
  {
    name: 'meddiccScorecard',
    states: [
      {
        title: 'Partly confirmed',
        props: recordId,
        wires: { getRecord: { fixture: 'opportunityMeddiccPartial' } },
        expect: ['4 of 7 MEDDICC items confirmed', 'Who sells for you inside?'],
      },
      {
        title: 'New deal (empty)',
        props: recordId,
        wires: { getRecord: { fixture: 'opportunityMeddiccEmpty' } },
        expect: ['0 of 7 MEDDICC items confirmed'],
      },
      {
        title: 'Error',
        props: recordId,
        wires: { getRecord: uiError('Insufficient access rights on cross-reference id') },
        expect: ['The MEDDICC scorecard could not be loaded.'],
      },
    ],
  },
  {
    name: 'forecastSubmission',
    states: [
      {
        title: 'Rep view, resubmission',
        wires: { 'ForecastSubmissionController.getForecastContext': { fixture: 'contextRepResubmission' } },
        expect: ['Forecast: FY2027-Q1', 'Rep call', 'Current call: version 2, week of Nov 23, 2026'],
      },
      {
        title: 'Manager view',
        wires: { 'ForecastSubmissionController.getForecastContext': { fixture: 'contextManager' } },
        expect: ['Manager call', 'Taylor Brooks', 'Not submitted', 'Team roll-up: commit $290,000'],
      },
      {
        title: 'Rep view, first call (empty)',
        wires: { 'ForecastSubmissionController.getForecastContext': { fixture: 'contextRepFirstCall' } },
        expect: ['No call submitted yet this period.'],
      },
      {
        title: 'No open period (error)',
        wires: {
          'ForecastSubmissionController.getForecastContext': apexError(
            'No forecast period is open today. Ask the forecast admin to open one.',
          ),
        },
        expect: ['The forecast could not be loaded.', 'No forecast period is open today'],
      },
    ],
  },
  {
    name: 'exceptionRequest',
    states: [
      {
        title: 'Deal with exceptions',
        props: recordId,
        wires: {
          getObjectInfo: { fixture: 'objectInfoDealException' },
          getPicklistValues: { fixture: 'picklistReasons' },
          getRelatedListRecords: { fixture: 'relatedExceptions' },
        },
        expect: ['EXC-00042', 'Approved', 'expires Dec 31, 2026', 'Request exception'],
      },
      {
        title: 'No exceptions (empty)',
        props: recordId,
        wires: {
          getObjectInfo: { fixture: 'objectInfoDealException' },
          getPicklistValues: { fixture: 'picklistReasons' },
          getRelatedListRecords: { fixture: 'relatedExceptionsEmpty' },
        },
        expect: ['No exceptions yet'],
      },
      {
        title: 'Error',
        props: recordId,
        wires: { getRelatedListRecords: uiError('Deal_Exceptions__r is not a valid related list') },
        expect: ['Exceptions for this deal could not be loaded.'],
      },
    ],
  },
  {
    name: 'handoffPacket',
    states: [
      {
        title: 'Complete draft',
        props: recordId,
        wires: { getRelatedListRecords: { fixture: 'relatedPacketDraftComplete' } },
        expect: ['HOP-00017 (AE to CS): 4 of 4 sections written', 'Submit to receiving team'],
      },
      {
        title: 'Sent back',
        props: recordId,
        wires: { getRelatedListRecords: { fixture: 'relatedPacketRejected' } },
        expect: ['Sent back: No risks named', 'Missing'],
      },
      {
        title: 'No packet (empty)',
        props: recordId,
        wires: { getRelatedListRecords: { fixture: 'relatedPacketsEmpty' } },
        expect: ['No hand-off packet yet'],
      },
      {
        title: 'Error',
        props: recordId,
        wires: { getRelatedListRecords: uiError('Insufficient privileges') },
        expect: ['The hand-off packet could not be loaded.'],
      },
    ],
  },
  {
    name: 'leadSlaTimer',
    states: [
      {
        title: 'Clock running',
        props: { recordId: '00QDn00000SlaAAA' },
        wires: { getRecord: { fixture: 'leadRunning' } },
        expect: ['9 minutes left to first touch'],
      },
      {
        title: 'Breached',
        props: { recordId: '00QDn00000SlaAAA' },
        wires: { getRecord: { fixture: 'leadBreached' } },
        expect: ['No touch for 66 minutes: SLA breached'],
      },
      {
        title: 'Not an MQL (empty)',
        props: { recordId: '00QDn00000SlaAAA' },
        wires: { getRecord: { fixture: 'leadNotMql' } },
        expect: ['not an MQL yet'],
      },
      {
        title: 'Error',
        props: { recordId: '00QDn00000SlaAAA' },
        wires: { getRecord: uiError('The requested resource does not exist') },
        expect: ['The SLA clock could not be loaded.'],
      },
    ],
  },
];
