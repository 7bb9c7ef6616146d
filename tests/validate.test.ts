/**
 * Model validation (scripts/model/validate.ts): one test per check. Each test writes one broken
 * definition right below `const at = nextLine();` and expects exactly one issue, with the
 * component, a fragment of the message, and an `origin` pointing at that line of this file
 * (the DSL builders record their call site).
 *
 * Tests marked `todo` show a bug or gap in validate.ts; they fail until it is fixed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  access,
  publicGroup,
  role,
  shareWith,
  assign,
  businessProcess,
  checkbox,
  closedLost,
  closedWon,
  createRecord,
  currency,
  customMetadataRecord,
  customMetadataType,
  customObject,
  customPermission,
  dashboard,
  dashboardFolder,
  defineLeadStatuses,
  defineModel,
  defineStages,
  duplicateRule,
  editable,
  email,
  exact,
  filter,
  formula,
  fromValueSet,
  globalValueSet,
  leadConvertMapping,
  leadStatus,
  longText,
  lookup,
  maps,
  masterDetail,
  matchingRule,
  number,
  path,
  permissionSet,
  permissionSetGroup,
  picklist,
  readOnly,
  recordType,
  recordTriggeredFlow,
  ref,
  report,
  reportFolder,
  reportType,
  required,
  stage,
  stagePath,
  standardObject,
  text,
  url,
  validationRule,
  value,
  type FieldDef,
  type RevOpsModel,
  type StandardFieldSettings,
} from '../scripts/dsl/index.ts';
import { formatIssue, ModelError, validateModel, type ModelIssue } from '../scripts/model/validate.ts';
import realModel from '../model/index.ts';
import { generateFiles } from '../scripts/metadata/generate.ts';

const FILE = 'tests/validate.test.ts';

/** The number of the line below the caller's: write `const at = nextLine();` above a definition. */
function nextLine(): number {
  const caller = new Error().stack?.split('\n')[2] ?? '';
  const line = /:(\d+):\d+\)?$/.exec(caller.trim())?.[1];
  assert.ok(line, `cannot find the caller's line in "${caller}"`);
  return Number(line) + 1;
}

interface Expected {
  readonly component: string;
  readonly message: string;
  /** The line of this file where the broken definition is written. */
  readonly line?: number;
}

function expectIssue(model: RevOpsModel, expected: Expected): ModelIssue {
  const issues = validateModel(model);
  assert.equal(
    issues.length,
    1,
    `expected exactly one issue, got ${issues.length}:\n${issues.map(formatIssue).join('\n')}`,
  );
  const issue = issues[0]!;
  assert.equal(issue.component, expected.component);
  assert.ok(
    issue.message.includes(expected.message),
    `message "${issue.message}" should contain "${expected.message}"`,
  );
  if (expected.line !== undefined)
    assert.equal(issue.origin, `${FILE}:${expected.line}`, 'origin is the line of the broken definition');
  return issue;
}

const expectValid = (model: RevOpsModel) => assert.deepEqual(validateModel(model).map(formatIssue), []);

// ---------------------------------------------------------------------------------------------
// Valid building blocks the broken definitions are added to

const NAME = { label: 'Name', type: 'Text' } as const;
const Opp = standardObject('Opportunity', {
  fields: {
    Problem_Statement__c: longText({ label: 'Problem Statement' }),
    Must_Have__c: text({ label: 'Must Have', required: true }),
    Weighted__c: formula('Currency', 'Amount * 2', { label: 'Weighted' }),
  },
});
const Account = standardObject('Account', { fields: { Domain__c: text({ label: 'Domain' }) } });
const Widget = customObject('Widget__c', {
  label: 'Widget',
  pluralLabel: 'Widgets',
  nameField: NAME,
  fields: { Color__c: text({ label: 'Color' }) },
});
const Setting = customMetadataType('Setting__mdt', {
  label: 'Setting',
  pluralLabel: 'Settings',
  fields: { Value__c: text({ label: 'Value' }) },
});
const Bypass = customPermission('Bypass', { label: 'Bypass' });
const goodStages = () =>
  defineStages([stage('Open', { probability: 10, forecast: 'Pipeline' }), closedWon(), closedLost()]);
const goodLeadStatuses = () =>
  defineLeadStatuses([leadStatus('New', { default: true }), leadStatus('Converted', { converted: true })]);

const Readers = role('Readers', { label: 'Readers' });
const Analysts = publicGroup('Analysts', { label: 'Analysts' });
const shares = [shareWith(Readers), shareWith(Analysts, 'Manage')];
const base = (...parts: Parameters<typeof defineModel>) =>
  defineModel(
    {
      objects: [Opp, Account, Widget, Setting],
      customPermissions: [Bypass],
      roles: [Readers],
      publicGroups: [Analysts],
    },
    ...parts,
  );

const pipelineFolder = reportFolder('Pipeline', { label: 'Pipeline', shares });
const dealsType = reportType('Deals', {
  label: 'Deals',
  description: 'Deals.',
  baseObject: 'Opportunity',
  category: 'opportunities',
  sections: [{ label: 'Deal', fields: [Opp.field('Name'), Opp.field('StageName'), Opp.field('Amount')] }],
});
const dealsByStage = report('Deals_By_Stage', {
  label: 'Deals by Stage',
  folder: pipelineFolder,
  reportType: dealsType,
  groupBy: [Opp.field('StageName')],
  columns: [Opp.field('Name'), { field: Opp.field('Amount'), aggregate: 'Sum' }],
});
const dashboards = dashboardFolder('Dashboards', { label: 'Dashboards', shares });
const analytics = { folders: [pipelineFolder, dashboards], reportTypes: [dealsType], reports: [dealsByStage] };

// Drafts: an active record-triggered flow needs test cases, which these tests are not about.
const flowOptions = {
  label: 'Flow',
  object: 'Opportunity',
  timing: 'AfterSave',
  on: 'Update',
  steps: [],
  active: false,
} as const;

test('the building blocks are valid', () =>
  expectValid(base({ opportunityStages: goodStages(), leadStatuses: goodLeadStatuses() }, analytics)));

test('the real model (model/index.ts) validates with zero issues', () => {
  assert.deepEqual(validateModel(realModel).map(formatIssue), []);
});

// ---------------------------------------------------------------------------------------------

describe('objects', () => {
  test('bad API name: a double underscore inside (Bad__Name__c)', () => {
    const at = nextLine();
    const bad = customObject('Bad__Name__c', { label: 'Bad', pluralLabel: 'Bads', nameField: NAME, fields: {} });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomObject Bad__Name__c',
      message: 'invalid API name "Bad__Name__c"',
      line: at,
    });
  });

  test('bad API name: starts with a digit', () => {
    const at = nextLine();
    const bad = customObject('1Widget__c', { label: 'Bad', pluralLabel: 'Bads', nameField: NAME, fields: {} });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomObject 1Widget__c',
      message: 'invalid API name "1Widget__c"',
      line: at,
    });
  });

  test('bad API name: trailing underscore before the suffix', () => {
    const at = nextLine();
    const bad = customObject('Widget___c', { label: 'Bad', pluralLabel: 'Bads', nameField: NAME, fields: {} });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomObject Widget___c',
      message: 'invalid API name "Widget___c"',
      line: at,
    });
  });

  test('bad API name: a space', () => {
    const at = nextLine();
    const bad = customObject('Deal Desk__c', { label: 'Bad', pluralLabel: 'Bads', nameField: NAME, fields: {} });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomObject Deal Desk__c',
      message: 'invalid API name',
      line: at,
    });
  });

  test('bad API name: more than 40 characters before the suffix (40 is fine)', () => {
    const forty = `${'A'.repeat(40)}__c` as const;
    const fortyOne = `${'A'.repeat(41)}__c` as const;
    expectValid(
      base({ objects: [customObject(forty, { label: 'Ok', pluralLabel: 'Oks', nameField: NAME, fields: {} })] }),
    );
    const at = nextLine();
    const bad = customObject(fortyOne, { label: 'Bad', pluralLabel: 'Bads', nameField: NAME, fields: {} });
    expectIssue(base({ objects: [bad] }), {
      component: `CustomObject ${fortyOne}`,
      message: 'is longer than 40 characters',
      line: at,
    });
  });

  test('a custom object name must end in __c, a custom metadata type in __mdt', () => {
    const at = nextLine();
    const noSuffix = customObject('Widget' as string as `${string}__c`, {
      label: 'W',
      pluralLabel: 'Ws',
      nameField: NAME,
      fields: {},
    });
    expectIssue(base({ objects: [noSuffix] }), {
      component: 'CustomObject Widget',
      message: 'API name "Widget" must end in __c',
      line: at,
    });
    const at2 = nextLine();
    const mdt = customMetadataType('Config__c' as string as `${string}__mdt`, {
      label: 'C',
      pluralLabel: 'Cs',
      fields: {},
    });
    expectIssue(base({ objects: [mdt] }), {
      component: 'CustomObject Config__c',
      message: 'must end in __mdt',
      line: at2,
    });
  });

  test('duplicate object (API names are case-insensitive)', () => {
    const at = nextLine();
    const again = customObject('WIDGET__c', { label: 'Again', pluralLabel: 'Agains', nameField: NAME, fields: {} });
    expectIssue(base({ objects: [again] }), {
      component: 'CustomObject WIDGET__c',
      message: 'duplicate object: "WIDGET__c" is defined twice',
      line: at,
    });
  });

  test('unknown standard object', () => {
    const at = nextLine();
    const bad = standardObject('Oportunity' as 'Opportunity', { fields: {} });
    expectIssue(defineModel({ objects: [bad] }), {
      component: 'CustomObject Oportunity',
      message: 'unknown standard object Oportunity',
      line: at,
    });
  });

  test('unknown standard field in standardFields', () => {
    const settings: Record<string, StandardFieldSettings> = { Stage: { trackHistory: true } };
    const at = nextLine();
    const bad = standardObject('Opportunity', { standardFields: settings });
    expectIssue(defineModel({ objects: [bad] }), {
      component: 'CustomField Opportunity.Stage',
      message: 'unknown standard field Opportunity.Stage',
      line: at,
    });
  });

  test('more than 20 tracked fields on an object (20 is fine)', () => {
    const tracked = (n: number) =>
      Object.fromEntries(
        Array.from({ length: n }, (_, i) => [
          `Tracked_${i + 1}__c`,
          text({ label: `Tracked ${i + 1}`, trackHistory: true }),
        ]),
      );
    expectValid(
      defineModel({
        objects: [customObject('Ok__c', { label: 'Ok', pluralLabel: 'Oks', nameField: NAME, fields: tracked(20) })],
      }),
    );
    const at = nextLine();
    const bad = customObject('Busy__c', { label: 'Busy', pluralLabel: 'Busy', nameField: NAME, fields: tracked(21) });
    expectIssue(defineModel({ objects: [bad] }), {
      component: 'CustomObject Busy__c',
      message: '21 fields track history; Salesforce allows at most 20 per object',
      line: at,
    });
  });

  test('tracked standard fields count towards the 20', () => {
    const fields: Record<string, FieldDef> = Object.fromEntries(
      Array.from({ length: 19 }, (_, i) => [
        `Tracked_${i + 1}__c`,
        checkbox({ label: `Tracked ${i + 1}`, trackHistory: true }),
      ]),
    );
    const at = nextLine();
    const bad = standardObject('Opportunity', {
      fields,
      standardFields: { StageName: { trackHistory: true }, Amount: { trackHistory: true } },
    });
    expectIssue(defineModel({ objects: [bad] }), {
      component: 'CustomObject Opportunity',
      message: '21 fields track history',
      line: at,
    });
  });
});

describe('fields', () => {
  // Each broken field sits in its own object definition, written on the line the origin names.
  const THING = { label: 'Thing', pluralLabel: 'Things', nameField: NAME } as const;

  test('a field name must end in __c', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', {
      label: 'T',
      pluralLabel: 'Ts',
      nameField: NAME,
      fields: { Color: text({ label: 'Color' }) },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Color',
      message: 'API name "Color" must end in __c',
      line: at,
    });
  });

  test('bad field API name (Bad__Color__c)', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', {
      label: 'T',
      pluralLabel: 'Ts',
      nameField: NAME,
      fields: { Bad__Color__c: text({ label: 'Color' }) },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Bad__Color__c',
      message: 'invalid API name "Bad__Color__c"',
      line: at,
    });
  });

  test('field label longer than 40 characters', () => {
    const at = nextLine();
    const bad = standardObject('Opportunity', { fields: { Long__c: text({ label: 'L'.repeat(41) }) } });
    expectIssue(defineModel({ objects: [bad] }), {
      component: 'CustomField Opportunity.Long__c',
      message: 'is longer than 40 characters',
      line: at,
    });
  });

  test('custom metadata fields cannot track history', () => {
    const at = nextLine();
    const bad = customMetadataType('Config__mdt', {
      label: 'C',
      pluralLabel: 'Cs',
      fields: { Value__c: text({ label: 'Value', trackHistory: true }) },
    });
    expectIssue(defineModel({ objects: [bad] }), {
      component: 'CustomField Config__mdt.Value__c',
      message: 'custom metadata fields cannot track history',
      line: at,
    });
  });

  test('picklist default that is not one of its values', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', {
      ...THING,
      fields: { Color__c: picklist({ label: 'Color', values: ['Red', 'Blue'], default: 'Green' }) },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Color__c',
      message: 'default "Green" is not one of the values (Red, Blue)',
      line: at,
    });
  });

  test('picklist from an unknown global value set', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', {
      ...THING,
      fields: { Reason__c: picklist({ label: 'Reason', values: fromValueSet('Loss_Reasons') }) },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Reason__c',
      message: 'uses unknown global value set "Loss_Reasons"',
      line: at,
    });
  });

  test('picklist without values', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', { ...THING, fields: { Color__c: picklist({ label: 'Color', values: [] }) } });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Color__c',
      message: 'picklist has no values',
      line: at,
    });
  });

  describe('picklist values Salesforce would not keep as written', () => {
    const withValues = (values: Parameters<typeof picklist>[0]['values']) =>
      base({
        objects: [customObject('Thing__c', { ...THING, fields: { Color__c: picklist({ label: 'Color', values }) } })],
      });
    const cases: [string, Parameters<typeof picklist>[0]['values'], string][] = [
      ['an empty value', ['Red', ''], 'empty value'],
      ['a blank value', ['   '], 'empty value'],
      ['a value with a ";"', ['Red;Blue'], 'holds ";", which separates multi-select values'],
      ['a value with a line break', ['Red\nBlue'], 'holds a line break or control character'],
      ['a value with a tab', ['Red\tBlue'], 'holds a line break or control character'],
      ['a value with leading spaces', [' Red'], 'starts or ends with spaces'],
      ['a value with trailing spaces', ['Red '], 'starts or ends with spaces'],
      ['a value over 255 characters', ['x'.repeat(256)], 'value is 256 characters; the limit is 255'],
      ['a label with a line break', [value('Red', 'Red\nlabel')], 'label "Red\\nlabel" holds a line break'],
    ];
    for (const [name, values, message] of cases)
      test(name, () => {
        expectIssue(withValues(values), { component: 'CustomField Thing__c.Color__c', message });
      });

    test('more values than a picklist holds', () => {
      expectIssue(withValues(Array.from({ length: 1001 }, (_, i) => `V${i}`)), {
        component: 'CustomField Thing__c.Color__c',
        message: '1001 values; the limit is 1000',
      });
    });

    test('XML and Markdown characters are valid values, written escaped', async () => {
      const model = withValues(['R&D <core>', 'Say "yes"', "O'Brien", '<10k', '1M+']);
      expectValid(model);
      const files = await generateFiles(model);
      const field = files.find((f) => f.path.endsWith('Thing__c/fields/Color__c.field-meta.xml'))!.content;
      assert.match(field, /<fullName>R&amp;D &lt;core&gt;<\/fullName>/);
      assert.match(field, /<fullName>Say &quot;yes&quot;<\/fullName>/);
      assert.match(field, /<fullName>O&apos;Brien<\/fullName>/);
    });

    test('stage names and lead statuses are held to the same rules', () => {
      const stages = defineStages([
        stage('Open; Won', { probability: 10, forecast: 'Pipeline' }),
        closedWon(),
        closedLost(),
      ]);
      expectIssue(base({ opportunityStages: stages }), {
        component: 'StandardValueSet OpportunityStage',
        message: 'holds ";"',
      });
      const statuses = defineLeadStatuses([
        leadStatus(' New', { default: true }),
        leadStatus('Converted', { converted: true }),
      ]);
      expectIssue(base({ leadStatuses: statuses }), {
        component: 'StandardValueSet LeadStatus',
        message: 'starts or ends with spaces',
      });
    });
  });

  test('duplicate picklist value (values compare case-insensitively)', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', {
      ...THING,
      fields: { Color__c: picklist({ label: 'Color', values: ['Red', 'Blue', 'RED'] }) },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Color__c',
      message: 'duplicate picklist value: "RED" is defined twice',
      line: at,
    });
  });

  test('a default on a global-value-set picklist gets a message about the value set', () => {
    const colors = globalValueSet('Colors', { label: 'Colors', values: ['Red', 'Blue'] });
    const bad = customObject('Thing__c', {
      ...THING,
      fields: { Color__c: picklist({ label: 'Color', values: fromValueSet('Colors'), default: 'Red' }) },
    });
    const issue = expectIssue(base({ objects: [bad], globalValueSets: [colors] }), {
      component: 'CustomField Thing__c.Color__c',
      message: 'Colors',
    });
    assert.doesNotMatch(issue.message, /\(\)/);
  });

  test('lookup to an unknown object', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', {
      ...THING,
      fields: { Widget__c: lookup('Widgit__c', { label: 'Widget', relationshipName: 'Things' }) },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Widget__c',
      message: 'lookup to unknown object Widgit__c',
      line: at,
    });
  });

  test('master-detail to an unknown object', () => {
    const at = nextLine();
    const bad = customObject('Child__c', {
      label: 'Child',
      pluralLabel: 'Children',
      nameField: NAME,
      sharingModel: 'ControlledByParent',
      fields: { Parent__c: masterDetail('Parnt__c', { label: 'Parent', relationshipName: 'Children' }) },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Child__c.Parent__c',
      message: 'masterdetail to unknown object Parnt__c',
      line: at,
    });
  });

  test('bad relationship name', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', {
      ...THING,
      fields: { Contact__c: lookup('Contact', { label: 'Contact', relationshipName: 'Bad__Things' }) },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Contact__c',
      message: 'invalid API name "Bad__Things"',
      line: at,
    });
  });

  test('master-detail on an object whose sharing is not ControlledByParent', () => {
    const at = nextLine();
    const bad = customObject('Child__c', {
      label: 'Child',
      pluralLabel: 'Children',
      nameField: NAME,
      fields: { Widget__c: masterDetail('Widget__c', { label: 'Widget', relationshipName: 'Children' }) },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Child__c.Widget__c',
      message: 'must use sharingModel ControlledByParent',
      line: at,
    });
  });

  test('two relationships with the same name to the same object', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', {
      label: 'Thing',
      pluralLabel: 'Things',
      nameField: NAME,
      fields: {
        Buyer__c: lookup('Contact', { label: 'Buyer', relationshipName: 'Things' }),
        Champion__c: lookup('Contact', { label: 'Champion', relationshipName: 'Things' }),
      },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomObject Thing__c',
      message: 'duplicate relationship name: "Contact.Things" is defined twice',
      line: at,
    });
  });

  test('text length outside 1..255', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', { ...THING, fields: { Code__c: text({ label: 'Code', length: 256 }) } });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Code__c',
      message: 'text length 256 is outside 1..255',
      line: at,
    });
  });

  test('long text length outside 256..131072', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', { ...THING, fields: { Notes__c: longText({ label: 'Notes', length: 100 }) } });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Notes__c',
      message: 'length 100 is outside 256..131072',
      line: at,
    });
  });

  test('number precision above 18', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', { ...THING, fields: { Big__c: number({ label: 'Big', precision: 19 }) } });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Big__c',
      message: 'precision 19 / scale 0 is invalid',
      line: at,
    });
  });

  test('currency scale above its precision', () => {
    const at = nextLine();
    const bad = customObject('Thing__c', {
      ...THING,
      fields: { Fee__c: currency({ label: 'Fee', precision: 2, scale: 3 }) },
    });
    expectIssue(base({ objects: [bad] }), {
      component: 'CustomField Thing__c.Fee__c',
      message: 'precision 2 / scale 3 is invalid',
      line: at,
    });
  });
});

describe('global value sets', () => {
  test('duplicate global value set', () => {
    const first = globalValueSet('Colors', { label: 'Colors', values: ['Red'] });
    const at = nextLine();
    const again = globalValueSet('Colors', { label: 'Colours', values: ['Blue'] });
    expectIssue(base({ globalValueSets: [first, again] }), {
      component: 'GlobalValueSet Colors',
      message: 'duplicate global value set: "Colors" is defined twice',
      line: at,
    });
  });

  test('bad global value set API name', () => {
    const at = nextLine();
    const bad = globalValueSet('Loss Reasons', { label: 'Loss Reasons', values: ['Price'] });
    expectIssue(base({ globalValueSets: [bad] }), {
      component: 'GlobalValueSet Loss Reasons',
      message: 'invalid API name "Loss Reasons"',
      line: at,
    });
  });

  test('duplicate value in a global value set', () => {
    const at = nextLine();
    const bad = globalValueSet('Colors', { label: 'Colors', values: ['Red', 'Red'] });
    expectIssue(base({ globalValueSets: [bad] }), {
      component: 'GlobalValueSet Colors',
      message: 'duplicate value: "Red" is defined twice',
      line: at,
    });
  });
});

describe('opportunity stages', () => {
  test('duplicate stage: origin is the second definition', () => {
    const at = nextLine() + 2; // the second stage('Discovery') below
    const stages = defineStages([
      stage('Discovery', { probability: 10, forecast: 'Pipeline' }),
      stage('Discovery', { probability: 20, forecast: 'Pipeline' }),
      closedWon(),
      closedLost(),
    ]);
    expectIssue(base({ opportunityStages: stages }), {
      component: 'StandardValueSet OpportunityStage',
      message: 'duplicate stage: "Discovery" is defined twice',
      line: at,
    });
  });

  test('probability outside 0..100', () => {
    const at = nextLine();
    const stages = defineStages([stage('Open', { probability: 120, forecast: 'Pipeline' }), closedWon(), closedLost()]);
    expectIssue(base({ opportunityStages: stages }), {
      component: 'StandardValueSet OpportunityStage',
      message: 'stage "Open" has probability 120, outside 0..100',
      line: at,
    });
  });

  test('a won stage must be closed', () => {
    const at = nextLine();
    const stages = defineStages([
      stage('Open', { probability: 10, forecast: 'Pipeline' }),
      { ...closedWon(), closed: false },
      closedLost(),
    ]);
    expectIssue(base({ opportunityStages: stages }), {
      component: 'StandardValueSet OpportunityStage',
      message: 'stage "Closed Won" is won but not closed',
      line: at,
    });
  });

  test('a closed stage must forecast as Closed or Omitted', () => {
    const at = nextLine();
    const stages = defineStages([
      stage('Open', { probability: 10, forecast: 'Pipeline' }),
      closedWon(),
      closedLost('Closed Lost', { forecast: 'Pipeline' }),
    ]);
    expectIssue(base({ opportunityStages: stages }), {
      component: 'StandardValueSet OpportunityStage',
      message: 'closed stage "Closed Lost" must forecast as Closed or Omitted',
      line: at,
    });
  });

  test('an exit criterion naming an unknown field, with a did-you-mean suggestion', () => {
    const at = nextLine();
    const stages = defineStages([
      stage('Open', {
        probability: 10,
        forecast: 'Pipeline',
        // @ts-expect-error -- a typo on purpose: the runtime check must catch it too
        exit: [required(Opp.field('Problem_Statment__c'), 'Write it down.')],
      }),
      closedWon(),
      closedLost(),
    ]);
    expectIssue(base({ opportunityStages: stages }), {
      component: 'StandardValueSet OpportunityStage',
      message:
        'exit criterion of "Open" names unknown field Opportunity.Problem_Statment__c (did you mean Problem_Statement__c?)',
      line: at,
    });
  });

  test('a closed stage cannot have exit criteria', () => {
    const at = nextLine();
    const stages = defineStages([
      stage('Open', { probability: 10, forecast: 'Pipeline' }),
      closedWon('Closed Won', { exit: [required(Opp.field('Problem_Statement__c'), 'Write it down.')] }),
      closedLost(),
    ]);
    expectIssue(base({ opportunityStages: stages }), {
      component: 'StandardValueSet OpportunityStage',
      message: 'closed stage "Closed Won" cannot have exit criteria',
      line: at,
    });
  });

  test('no Closed Won stage', () => {
    const at = nextLine();
    const stages = defineStages([stage('Open', { probability: 10, forecast: 'Pipeline' }), closedLost()]);
    expectIssue(base({ opportunityStages: stages }), {
      component: 'StandardValueSet OpportunityStage',
      message: 'no Closed Won stage',
      line: at,
    });
  });

  test('no Closed Lost stage', () => {
    const at = nextLine();
    const stages = defineStages([stage('Open', { probability: 10, forecast: 'Pipeline' }), closedWon()]);
    expectIssue(base({ opportunityStages: stages }), {
      component: 'StandardValueSet OpportunityStage',
      message: 'no Closed Lost stage',
      line: at,
    });
  });

  test('a bypass permission that is not a custom permission of the model', () => {
    const at = nextLine();
    const stages = defineStages([stage('Open', { probability: 10, forecast: 'Pipeline' }), closedWon(), closedLost()], {
      bypassPermission: 'Gate_Bypass',
    });
    expectIssue(base({ opportunityStages: stages }), {
      component: 'StandardValueSet OpportunityStage',
      message: 'bypass permission "Gate_Bypass" is not a custom permission of the model',
      line: at,
    });
  });
});

describe('lead statuses', () => {
  test('duplicate lead status', () => {
    const at = nextLine();
    const statuses = defineLeadStatuses([
      leadStatus('New', { default: true }),
      leadStatus('New'),
      leadStatus('Converted', { converted: true }),
    ]);
    expectIssue(base({ leadStatuses: statuses }), {
      component: 'StandardValueSet LeadStatus',
      message: 'duplicate lead status: "New" is defined twice',
      line: at + 2, // the duplicate status itself
    });
  });

  test('no default lead status', () => {
    const at = nextLine();
    const statuses = defineLeadStatuses([leadStatus('New'), leadStatus('Converted', { converted: true })]);
    expectIssue(base({ leadStatuses: statuses }), {
      component: 'StandardValueSet LeadStatus',
      message: 'exactly one lead status must be the default',
      line: at,
    });
  });

  test('two default lead statuses', () => {
    const at = nextLine();
    const statuses = defineLeadStatuses([
      leadStatus('New', { default: true }),
      leadStatus('Open', { default: true }),
      leadStatus('Converted', { converted: true }),
    ]);
    expectIssue(base({ leadStatuses: statuses }), {
      component: 'StandardValueSet LeadStatus',
      message: 'exactly one lead status must be the default',
      line: at,
    });
  });

  test('no converted lead status', () => {
    const at = nextLine();
    const statuses = defineLeadStatuses([leadStatus('New', { default: true })]);
    expectIssue(base({ leadStatuses: statuses }), {
      component: 'StandardValueSet LeadStatus',
      message: 'at least one lead status must be a converted status',
      line: at,
    });
  });
});

describe('business processes and paths', () => {
  const dealType = (process: ReturnType<typeof businessProcess>) =>
    recordType(Opp, 'Deal', { label: 'Deal', businessProcess: process });

  test('bad business process API name', () => {
    const at = nextLine();
    const bad = businessProcess('Opportunity', 'New Business', { values: ['Open', 'Closed Won', 'Closed Lost'] });
    expectIssue(base({ opportunityStages: goodStages(), businessProcesses: [bad], recordTypes: [dealType(bad)] }), {
      component: 'BusinessProcess Opportunity.New Business',
      message: 'invalid API name "New Business"',
      line: at,
    });
  });

  test('a sales process value that is not a stage', () => {
    const at = nextLine();
    const bad = businessProcess('Opportunity', 'New_Business', { values: ['Open', 'Negotiation', 'Closed Won'] });
    expectIssue(base({ opportunityStages: goodStages(), businessProcesses: [bad], recordTypes: [dealType(bad)] }), {
      component: 'BusinessProcess Opportunity.New_Business',
      message: '"Negotiation" is not a stage of the model',
      line: at,
    });
  });

  test('a lead process value that is not a lead status', () => {
    const at = nextLine();
    const bad = businessProcess('Lead', 'Inbound', { values: ['New', 'Working', 'Converted'] });
    const leadType = recordType({ apiName: 'Lead' }, 'Inbound_Lead', { label: 'Inbound', businessProcess: bad });
    expectIssue(base({ leadStatuses: goodLeadStatuses(), businessProcesses: [bad], recordTypes: [leadType] }), {
      component: 'BusinessProcess Lead.Inbound',
      message: '"Working" is not a lead status of the model',
      line: at,
    });
  });

  test('a Path step that is not a value of the field', () => {
    const at = nextLine();
    const bad = path('Stage_Path', {
      label: 'Stage Path',
      field: Opp.field('StageName'),
      steps: [{ value: 'Negotiation', fields: [] }],
    });
    expectIssue(base({ opportunityStages: goodStages(), paths: [bad] }), {
      component: 'PathAssistant Stage_Path',
      message: 'step "Negotiation" is not a value of Opportunity.StageName',
      line: at,
    });
  });

  test('a Path key field that does not exist', () => {
    const at = nextLine();
    const bad = path('Stage_Path', {
      label: 'Stage Path',
      field: Opp.field('StageName'),
      // @ts-expect-error -- a typo on purpose: the runtime check must catch it too
      steps: [{ value: 'Open', fields: [Opp.field('Next_Steps__c')] }],
    });
    expectIssue(base({ opportunityStages: goodStages(), paths: [bad] }), {
      component: 'PathAssistant Stage_Path',
      message: 'step "Open" names unknown field Opportunity.Next_Steps__c',
      line: at,
    });
  });

  test('a Path step with more key fields than Path shows', () => {
    const at = nextLine();
    const bad = path('Stage_Path', {
      label: 'Stage Path',
      field: Opp.field('StageName'),
      steps: [
        {
          value: 'Open',
          fields: ['Name', 'Amount', 'CloseDate', 'NextStep', 'Type', 'LeadSource'].map((f) => ({
            object: 'Opportunity',
            field: f,
          })),
        },
      ],
    });
    expectIssue(base({ opportunityStages: goodStages(), paths: [bad] }), {
      component: 'PathAssistant Stage_Path',
      message: 'step "Open" has 6 key fields; Path shows at most 5',
      line: at,
    });
  });

  test("a stage's Path shows its exit criteria, or the 5 key fields it chooses", () => {
    const criteria = ['Name', 'Amount', 'CloseDate', 'NextStep', 'Type', 'LeadSource'].map((f) =>
      required({ object: 'Opportunity', field: f }, `Fill ${f}.`),
    );
    const many = defineStages([
      stage('Open', { probability: 10, forecast: 'Pipeline', exit: criteria }),
      closedWon(),
      closedLost(),
    ]);
    assert.equal(stagePath(many, 'Stage_Path', 'Stages').steps[0]!.fields.length, 6, 'nothing is dropped silently');
    const chosen = defineStages([
      stage('Open', {
        probability: 10,
        forecast: 'Pipeline',
        exit: criteria,
        pathFields: criteria.slice(0, 5).map((c) => c.field),
      }),
      closedWon(),
      closedLost(),
    ]);
    expectValid(base({ opportunityStages: chosen, paths: [stagePath(chosen, 'Stage_Path', 'Stages')] }));
  });
});

describe('record types', () => {
  const process = businessProcess('Opportunity', 'New_Business', { values: ['Open', 'Closed Won', 'Closed Lost'] });
  const withProcess = (...parts: Parameters<typeof defineModel>) =>
    base({ opportunityStages: goodStages(), businessProcesses: [process] }, ...parts);
  const deal = recordType(Opp, 'Deal', { label: 'Deal', businessProcess: process, defaultForProfiles: ['Admin'] });

  test('a record type on its process, with a Path on it and a permission set granting it, is valid', () => {
    const stagesPath = stagePath(goodStages(), 'Stage_Path', 'Stages', { recordType: deal });
    const sales = permissionSet('Sales', {
      label: 'Sales',
      objects: { Opportunity: access('CRE') },
      recordTypes: [deal],
    });
    expectValid(withProcess({ recordTypes: [deal], paths: [stagesPath], permissionSets: [sales] }));
  });

  test('a sales process no record type uses is assigned to nothing', () => {
    const at = nextLine();
    const orphan = businessProcess('Opportunity', 'Orphan', { values: ['Open'] });
    expectIssue(withProcess({ recordTypes: [deal], businessProcesses: [orphan] }), {
      component: 'BusinessProcess Opportunity.Orphan',
      message: 'no record type uses this process',
      line: at,
    });
  });

  test('an Opportunity record type without a process, or naming one the model lacks', () => {
    const at = nextLine();
    const bare = recordType(Opp, 'Bare', { label: 'Bare' });
    expectIssue(withProcess({ recordTypes: [deal, bare] }), {
      component: 'RecordType Opportunity.Bare',
      message: 'an Opportunity record type needs a business process',
      line: at,
    });
    const elsewhere = businessProcess('Opportunity', 'Elsewhere', { values: ['Open'] });
    const stray = recordType(Opp, 'Stray', { label: 'Stray', businessProcess: elsewhere });
    expectIssue(withProcess({ recordTypes: [deal, stray] }), {
      component: 'RecordType Opportunity.Stray',
      message: 'business process Elsewhere is not a Opportunity process of the model',
    });
  });

  test('a Path on a record type the model lacks (a derived Path points at its stages)', () => {
    const stagesPath = stagePath(goodStages(), 'Stage_Path', 'Stages', { recordType: { name: 'Ghost' } });
    expectIssue(withProcess({ recordTypes: [deal], paths: [stagesPath] }), {
      component: 'PathAssistant Stage_Path',
      message: 'shows on record type Ghost, which is not a Opportunity record type of the model',
    });
  });

  test('two default record types for one profile on one object', () => {
    const at = nextLine();
    const other = recordType(Opp, 'Other', { label: 'Other', businessProcess: process, defaultForProfiles: ['Admin'] });
    expectIssue(withProcess({ recordTypes: [deal, other] }), {
      component: 'RecordType Opportunity.Other',
      message: 'profile Admin already defaults to Deal on Opportunity',
      line: at,
    });
  });

  test('a permission set granting an unknown record type, or one on an object it cannot read', () => {
    const at = nextLine();
    const blind = permissionSet('Blind', { label: 'Blind', recordTypes: [deal] });
    expectIssue(withProcess({ recordTypes: [deal], permissionSets: [blind] }), {
      component: 'PermissionSet Blind',
      message: 'grants record type Opportunity.Deal without read access to Opportunity',
      line: at,
    });
    const ghost = permissionSet('Ghost', {
      label: 'Ghost',
      objects: { Opportunity: access('R') },
      recordTypes: [{ object: 'Opportunity', name: 'Ghost' }],
    });
    expectIssue(withProcess({ recordTypes: [deal], permissionSets: [ghost] }), {
      component: 'PermissionSet Ghost',
      message: 'grants unknown record type Opportunity.Ghost',
    });
  });
});

describe('validation rules and custom permissions', () => {
  const rule = { formula: 'ISBLANK(Color__c)', message: 'Choose a color.' };

  test('duplicate validation rule on the same object', () => {
    const first = validationRule(Widget, 'Color_Required', rule);
    const at = nextLine();
    const again = validationRule(Widget, 'Color_Required', rule);
    expectIssue(base({ validationRules: [first, again] }), {
      component: 'ValidationRule Widget__c.Color_Required',
      message: 'duplicate validation rule: "Widget__c.Color_Required" is defined twice',
      line: at,
    });
  });

  test('the same rule name on two objects is fine', () => {
    expectValid(
      base({
        validationRules: [
          validationRule(Widget, 'Check', rule),
          validationRule(Opp, 'Check', { formula: 'ISBLANK(Name)', message: 'Name it.' }),
        ],
      }),
    );
  });

  test('bad validation rule API name', () => {
    const at = nextLine();
    const bad = validationRule(Widget, 'Color_Required_', rule);
    expectIssue(base({ validationRules: [bad] }), {
      component: 'ValidationRule Widget__c.Color_Required_',
      message: 'invalid API name "Color_Required_"',
      line: at,
    });
  });

  test('validation rule on an unknown object', () => {
    const at = nextLine();
    const bad = validationRule({ apiName: 'Widgit__c' }, 'Color_Required', rule);
    expectIssue(base({ validationRules: [bad] }), {
      component: 'ValidationRule Widgit__c.Color_Required',
      message: 'unknown object Widgit__c',
      line: at,
    });
  });

  test('error location on an unknown field', () => {
    const at = nextLine() + 1; // the definition is below the @ts-expect-error line
    // @ts-expect-error -- a typo on purpose: the runtime check must catch it too
    const bad = validationRule(Widget, 'Color_Required', { ...rule, errorField: Widget.field('Colour__c') });
    expectIssue(base({ validationRules: [bad] }), {
      component: 'ValidationRule Widget__c.Color_Required',
      message: 'error location names unknown field Widget__c.Colour__c (did you mean Color__c?)',
      line: at,
    });
  });

  test('error message longer than 255 characters', () => {
    const at = nextLine();
    const bad = validationRule(Widget, 'Color_Required', { ...rule, message: 'm'.repeat(256) });
    expectIssue(base({ validationRules: [bad] }), {
      component: 'ValidationRule Widget__c.Color_Required',
      message: 'error message is 256 characters; the limit is 255',
      line: at,
    });
  });

  test('formula longer than 3900 characters', () => {
    const at = nextLine();
    const bad = validationRule(Widget, 'Color_Required', { ...rule, formula: `ISBLANK(Color__c)${' '.repeat(3900)}` });
    expectIssue(base({ validationRules: [bad] }), {
      component: 'ValidationRule Widget__c.Color_Required',
      message: 'Formula is too long (3,917 characters). Maximum length is 3,900 characters.',
      line: at,
    });
  });

  test('duplicate custom permission', () => {
    const at = nextLine();
    const again = customPermission('bypass', { label: 'Bypass again' });
    expectIssue(base({ customPermissions: [again] }), {
      component: 'CustomPermission bypass',
      message: 'duplicate custom permission: "bypass" is defined twice',
      line: at,
    });
  });

  test('bad custom permission API name', () => {
    const at = nextLine();
    const bad = customPermission('Gate-Bypass', { label: 'Gate bypass' });
    expectIssue(base({ customPermissions: [bad] }), {
      component: 'CustomPermission Gate-Bypass',
      message: 'invalid API name "Gate-Bypass"',
      line: at,
    });
  });
});

describe('permission sets and groups', () => {
  test('unknown field in a permission set, with a did-you-mean suggestion', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', {
      label: 'Sales',
      objects: { Opportunity: access('R') },
      // @ts-expect-error -- a typo on purpose: the runtime check must catch it too
      fields: [readOnly(Opp.field('Problem_Statment__c'))],
    });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales',
      message:
        'field permission names unknown field Opportunity.Problem_Statment__c (did you mean Problem_Statement__c?)',
      line: at,
    });
  });

  test('field permission on an unknown object', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', {
      label: 'Sales',
      fields: [readOnly({ object: 'Widgit__c', field: 'Color__c' })],
    });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales',
      message: 'field permission names unknown object Widgit__c',
      line: at,
    });
  });

  test('duplicate permission set', () => {
    const first = permissionSet('Sales', { label: 'Sales' });
    const at = nextLine();
    const again = permissionSet('Sales', { label: 'Sales again' });
    expectIssue(base({ permissionSets: [first, again] }), {
      component: 'PermissionSet Sales',
      message: 'duplicate permission set: "Sales" is defined twice',
      line: at,
    });
  });

  test('bad permission set API name', () => {
    const at = nextLine();
    const bad = permissionSet('Sales Team', { label: 'Sales' });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales Team',
      message: 'invalid API name "Sales Team"',
      line: at,
    });
  });

  test('object permission on an unknown object', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', { label: 'Sales', objects: { Widgit__c: access('R') } });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales',
      message: 'object permission names unknown object Widgit__c',
      line: at,
    });
  });

  test('unknown custom permission', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', { label: 'Sales', customPermissions: ['Gate_Bypass'] });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales',
      message: 'grants unknown custom permission Gate_Bypass',
      line: at,
    });
  });

  test('unknown custom metadata type, or an object that is not one', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', { label: 'Sales', customMetadataTypes: [{ apiName: 'Config__mdt' }] });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales',
      message: 'grants unknown custom metadata type Config__mdt',
      line: at,
    });
    const at2 = nextLine();
    const notMdt = permissionSet('Sales', { label: 'Sales', customMetadataTypes: [Widget] });
    expectIssue(base({ permissionSets: [notMdt] }), {
      component: 'PermissionSet Sales',
      message: 'grants unknown custom metadata type Widget__c',
      line: at2,
    });
  });

  test('field permission on an always-required standard field', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', {
      label: 'Sales',
      objects: { Opportunity: access('R') },
      fields: [readOnly(Opp.field('StageName'))],
    });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales',
      message: 'Opportunity.StageName is always required; Salesforce rejects field permissions on it',
      line: at,
    });
  });

  test('field permission on a required custom field', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', {
      label: 'Sales',
      objects: { Opportunity: access('R') },
      fields: [readOnly(Opp.field('Must_Have__c'))],
    });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales',
      message: 'Opportunity.Must_Have__c is a required field',
      line: at,
    });
  });

  test('an editable formula field', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', {
      label: 'Sales',
      objects: { Opportunity: access('R') },
      fields: [editable(Opp.field('Weighted__c'))],
    });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales',
      message: 'Opportunity.Weighted__c is a formula field and cannot be editable',
      line: at,
    });
  });

  test('a field granted without read access to its object', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', {
      label: 'Sales',
      objects: { Account: access('R') },
      fields: [readOnly(Opp.field('Amount'))],
    });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales',
      message: 'grants Opportunity.Amount without read access to Opportunity',
      line: at,
    });
  });

  test('an object permission on an object whose access comes from its parent (opportunity products)', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', {
      label: 'Sales',
      objects: { Opportunity: access('RE'), OpportunityLineItem: access('CRED') },
    });
    expectIssue(base({ permissionSets: [bad] }), {
      component: 'PermissionSet Sales',
      message:
        'OpportunityLineItem has no object permission in Salesforce (its access comes from Opportunity); grant Opportunity instead',
      line: at,
    });
  });

  test('bad permission set group API name', () => {
    const sales = permissionSet('Sales', { label: 'Sales' });
    const at = nextLine();
    const bad = permissionSetGroup('Sales Group', { label: 'Sales', permissionSets: [sales] });
    expectIssue(base({ permissionSets: [sales], permissionSetGroups: [bad] }), {
      component: 'PermissionSetGroup Sales Group',
      message: 'invalid API name "Sales Group"',
      line: at,
    });
  });

  test('a permission set group including a permission set that is not in the model', () => {
    const stray = permissionSet('Stray', { label: 'Stray' });
    const at = nextLine();
    const bad = permissionSetGroup('Sales_Group', { label: 'Sales', permissionSets: [stray] });
    expectIssue(base({ permissionSetGroups: [bad] }), {
      component: 'PermissionSetGroup Sales_Group',
      message: 'includes unknown permission set Stray',
      line: at,
    });
  });
});

describe('custom metadata records', () => {
  test('duplicate record', () => {
    const first = customMetadataRecord(Setting, 'Default', { label: 'Default', values: { Value__c: 'a' } });
    const at = nextLine();
    const again = customMetadataRecord(Setting, 'Default', { label: 'Default again', values: { Value__c: 'b' } });
    expectIssue(base({ customMetadataRecords: [first, again] }), {
      component: 'CustomMetadata Setting__mdt.Default',
      message: 'duplicate custom metadata record: "Setting__mdt.Default" is defined twice',
      line: at,
    });
  });

  test('bad record API name', () => {
    const at = nextLine();
    const bad = customMetadataRecord(Setting, 'Default__Value', { label: 'Default', values: {} });
    expectIssue(base({ customMetadataRecords: [bad] }), {
      component: 'CustomMetadata Setting__mdt.Default__Value',
      message: 'invalid API name "Default__Value"',
      line: at,
    });
  });

  test('a record of an object that is not a custom metadata type', () => {
    const at = nextLine();
    const bad = customMetadataRecord(Widget, 'Default', { label: 'Default', values: {} });
    expectIssue(base({ customMetadataRecords: [bad] }), {
      component: 'CustomMetadata Widget__c.Default',
      message: 'unknown custom metadata type Widget__c',
      line: at,
    });
  });

  test('a value for an unknown field', () => {
    const at = nextLine();
    const bad = customMetadataRecord(Setting, 'Default', { label: 'Default', values: { Valu__c: 'a' } });
    expectIssue(base({ customMetadataRecords: [bad] }), {
      component: 'CustomMetadata Setting__mdt.Default',
      message: 'unknown field Setting__mdt.Valu__c',
      line: at,
    });
  });

  test('label longer than 40 characters', () => {
    const at = nextLine();
    const bad = customMetadataRecord(Setting, 'Default', { label: 'L'.repeat(41), values: {} });
    expectIssue(base({ customMetadataRecords: [bad] }), {
      component: 'CustomMetadata Setting__mdt.Default',
      message: 'is longer than 40 characters',
      line: at,
    });
  });
});

describe('flows', () => {
  test('duplicate flow', () => {
    const first = recordTriggeredFlow('Stamp', flowOptions);
    const at = nextLine();
    const again = recordTriggeredFlow('Stamp', flowOptions);
    expectIssue(base({ flows: [first, again] }), {
      component: 'Flow Stamp',
      message: 'duplicate flow: "Stamp" is defined twice',
      line: at,
    });
  });

  test('bad flow API name', () => {
    const at = nextLine();
    const bad = recordTriggeredFlow('Stamp Deals', flowOptions);
    expectIssue(base({ flows: [bad] }), {
      component: 'Flow Stamp Deals',
      message: 'invalid API name "Stamp Deals"',
      line: at,
    });
  });

  test('flow API name longer than 80 characters (80 is fine)', () => {
    expectValid(base({ flows: [recordTriggeredFlow('F'.repeat(80), flowOptions)] }));
    const at = nextLine();
    const bad = recordTriggeredFlow('F'.repeat(81), flowOptions);
    expectIssue(base({ flows: [bad] }), {
      component: `Flow ${'F'.repeat(81)}`,
      message: 'is longer than 80 characters',
      line: at,
    });
  });

  test('a flow on an unknown object', () => {
    const at = nextLine();
    const bad = recordTriggeredFlow('Stamp', { ...flowOptions, object: 'Widgit__c' });
    expectIssue(base({ flows: [bad] }), {
      component: 'Flow Stamp',
      message: 'starts on unknown object Widgit__c',
      line: at,
    });
  });

  test('an entry condition on an unknown field', () => {
    const at = nextLine();
    const bad = recordTriggeredFlow('Stamp', { ...flowOptions, entry: [filter('Stage', 'IsChanged', true)] });
    const issue = expectIssue(base({ flows: [bad] }), {
      component: 'Flow Stamp',
      message: 'entry condition names unknown field Opportunity.Stage',
      line: at,
    });
    assert.match(issue.message, /did you mean [^)]*StageName/);
  });

  test('a $Record reference to an unknown field', () => {
    const at = nextLine();
    const bad = recordTriggeredFlow('Stamp', {
      ...flowOptions,
      steps: [assign('Set_Amount', 'Set amount', { '$Record.Amont': 1 })],
    });
    expectIssue(base({ flows: [bad] }), {
      component: 'Flow Stamp',
      message: 'a $Record reference names unknown field Opportunity.Amont (did you mean Amount?)',
      line: at,
    });
  });

  test('a cross-object $Record reference ($Record.Account.Name) is valid', () => {
    const flow = recordTriggeredFlow('Stamp', {
      ...flowOptions,
      steps: [assign('Copy', 'Copy', { '$Record.NextStep': ref('$Record.Account.Name') })],
    });
    expectValid(base({ flows: [flow] }));
  });

  test('fields set by a createRecord step must exist on its object', () => {
    const at = nextLine();
    const bad = recordTriggeredFlow('Make_Widget', {
      ...flowOptions,
      steps: [createRecord('Make', 'Make', { object: 'Widget__c', set: { Colour__c: 'Red' } })],
    });
    expectIssue(base({ flows: [bad] }), {
      component: 'Flow Make_Widget',
      message: 'unknown field Widget__c.Colour__c',
      line: at,
    });
  });
});

describe('analytics', () => {
  test('a folder shared with nobody', () => {
    const at = nextLine();
    const hidden = reportFolder('Hidden', { label: 'Hidden' });
    expectIssue(base({ folders: [hidden] }), {
      component: 'ReportFolder Hidden',
      message: 'shared with nobody',
      line: at,
    });
  });

  test('a folder shared to a role the model does not define', () => {
    const at = nextLine();
    const f = reportFolder('Board', {
      label: 'Board',
      shares: [{ to: 'Board_Members', type: 'Role', access: 'View' }],
    });
    expectIssue(base({ folders: [f] }), {
      component: 'ReportFolder Board',
      message: 'shared to Role Board_Members, which is not a role of the model',
      line: at,
    });
  });

  test('a filter value that is not a value of the picklist', () => {
    const at = nextLine();
    const r = report('Won', {
      label: 'Won',
      folder: pipelineFolder,
      reportType: dealsType,
      columns: [Opp.field('Name')],
      filters: [{ field: Opp.field('StageName'), operator: 'equals', value: 'Closed Wonn' }],
    });
    expectIssue(base({ opportunityStages: goodStages() }, analytics, { reports: [r] }), {
      component: 'Report Pipeline/Won',
      message: 'filter on Opportunity.StageName: "Closed Wonn" is not a value of the picklist',
      line: at,
    });
  });

  test('a range filter on a text field, and a non-number on a number field', () => {
    const r = report('Odd', {
      label: 'Odd',
      folder: pipelineFolder,
      reportType: dealsType,
      columns: [Opp.field('Name')],
      filters: [
        { field: Opp.field('Name'), operator: 'greaterThan', value: 'M' },
        { field: Opp.field('Amount'), operator: 'equals', value: 'lots' },
      ],
    });
    const issues = validateModel(base(analytics, { reports: [r] })).map((i) => i.message);
    assert.deepEqual(issues, [
      'filter on Opportunity.Name: greaterThan compares numbers and dates, not string',
      'filter on Opportunity.Amount: "lots" is not a number',
    ]);
  });

  test('a summary formula reading a field the report does not sum', () => {
    const at = nextLine();
    const r = report('Avg', {
      label: 'Avg',
      folder: pipelineFolder,
      reportType: dealsType,
      groupBy: [Opp.field('StageName')],
      columns: [Opp.field('Amount')],
      summaryFormulas: [
        {
          name: 'Per_Deal',
          label: 'Per Deal',
          formula: 'Opportunity.Amount:SUM / RowCount',
          type: 'currency',
          scale: 0,
        },
      ],
    });
    expectIssue(base(analytics, { reports: [r] }), {
      component: 'Report Pipeline/Avg',
      message: 'summary formula Per_Deal reads Opportunity.Amount: add it as a summed column',
      line: at,
    });
  });

  test('a dashboard gauge without bands, and a chart summing what the report does not sum', () => {
    const d = dashboard('Gauges', {
      title: 'Gauges',
      folder: dashboards,
      components: [
        { chart: 'Gauge', title: 'Deals', report: dealsByStage },
        { chart: 'Bar', title: 'Names', report: dealsByStage, groupBy: Opp.field('StageName'), sum: Opp.field('Name') },
      ],
    });
    const issues = validateModel(base(analytics, { dashboards: [d] })).map((i) => i.message);
    assert.deepEqual(issues, [
      'component "Deals" is a gauge: give it bands',
      'component "Names" sums Opportunity.Name, which the report does not sum',
    ]);
  });

  test('duplicate report folder', () => {
    const at = nextLine();
    const again = reportFolder('Pipeline', { label: 'Pipeline again', shares });
    expectIssue(base(analytics, { folders: [again] }), {
      component: 'ReportFolder Pipeline',
      message: 'duplicate folder: "Report:Pipeline" is defined twice',
      line: at,
    });
  });

  test('a report folder and a dashboard folder may share a name', () => {
    expectValid(base(analytics, { folders: [dashboardFolder('Pipeline', { label: 'Pipeline', shares })] }));
  });

  test('bad folder API name', () => {
    const at = nextLine();
    const bad = reportFolder('Pipeline Reports', { label: 'Pipeline Reports', shares });
    expectIssue(base({ folders: [bad] }), {
      component: 'ReportFolder Pipeline Reports',
      message: 'invalid API name',
      line: at,
    });
  });

  test('bad report type API name', () => {
    const at = nextLine();
    const bad = reportType('Deals Type', {
      label: 'D',
      description: 'D',
      baseObject: 'Opportunity',
      category: 'opportunities',
      sections: [],
    });
    expectIssue(base({ reportTypes: [bad] }), {
      component: 'ReportType Deals Type',
      message: 'invalid API name "Deals Type"',
      line: at,
    });
  });

  test('report type on an unknown base object', () => {
    const at = nextLine();
    const bad = reportType('Widgets', {
      label: 'W',
      description: 'W',
      baseObject: 'Widgit__c',
      category: 'other',
      sections: [],
    });
    expectIssue(base({ reportTypes: [bad] }), {
      component: 'ReportType Widgets',
      message: 'unknown base object Widgit__c',
      line: at,
    });
  });

  test('report type section naming an unknown field', () => {
    const at = nextLine();
    const bad = reportType('Widgets', {
      label: 'W',
      description: 'W',
      baseObject: 'Widget__c',
      category: 'other',
      // @ts-expect-error -- a typo on purpose: the runtime check must catch it too
      sections: [{ label: 'Main', fields: [Widget.field('Colour__c')] }],
    });
    expectIssue(base({ reportTypes: [bad] }), {
      component: 'ReportType Widgets',
      message: 'section "Main" names unknown field Widget__c.Colour__c',
      line: at,
    });
  });

  test('duplicate report in a folder', () => {
    const at = nextLine();
    const again = report('Deals_By_Stage', {
      label: 'Again',
      folder: pipelineFolder,
      reportType: dealsType,
      columns: [Opp.field('Name')],
    });
    expectIssue(base(analytics, { reports: [again] }), {
      component: 'Report Pipeline/Deals_By_Stage',
      message: 'duplicate report: "Pipeline/Deals_By_Stage" is defined twice',
      line: at,
    });
  });

  test('bad report API name', () => {
    const at = nextLine();
    const bad = report('Deals-List', {
      label: 'Deals',
      folder: pipelineFolder,
      reportType: dealsType,
      columns: [Opp.field('Name')],
    });
    expectIssue(base(analytics, { reports: [bad] }), {
      component: 'Report Pipeline/Deals-List',
      message: 'invalid API name "Deals-List"',
      line: at,
    });
  });

  test('a report in a folder that is not a report folder of the model', () => {
    const at = nextLine();
    const bad = report('Deals', {
      label: 'Deals',
      folder: dashboards,
      reportType: dealsType,
      columns: [Opp.field('Name')],
    });
    expectIssue(base(analytics, { reports: [bad] }), {
      component: 'Report Dashboards/Deals',
      message: 'folder "Dashboards" is not a report folder of the model',
      line: at,
    });
  });

  test('a report column that is not in its report type', () => {
    const at = nextLine();
    const bad = report('Deals', {
      label: 'Deals',
      folder: pipelineFolder,
      reportType: dealsType,
      columns: [Opp.field('Name'), Opp.field('CloseDate')],
    });
    expectIssue(base(analytics, { reports: [bad] }), {
      component: 'Report Pipeline/Deals',
      message: 'column Opportunity.CloseDate is not in report type Deals',
      line: at,
    });
  });

  test('a report filter or date filter on a field not in the report type', () => {
    const at = nextLine();
    const bad = report('Deals', {
      label: 'Deals',
      folder: pipelineFolder,
      reportType: dealsType,
      columns: [Opp.field('Name')],
      dateFilter: { field: Opp.field('CloseDate'), range: 'INTERVAL_CURFY' },
    });
    expectIssue(base(analytics, { reports: [bad] }), {
      component: 'Report Pipeline/Deals',
      message: 'column Opportunity.CloseDate is not in report type Deals',
      line: at,
    });
  });

  test('bad dashboard API name', () => {
    const at = nextLine();
    const bad = dashboard('Pipeline Board', { title: 'Pipeline', folder: dashboards, components: [] });
    expectIssue(base(analytics, { dashboards: [bad] }), {
      component: 'Dashboard Dashboards/Pipeline Board',
      message: 'invalid API name "Pipeline Board"',
      line: at,
    });
  });

  test('a dashboard in a folder that is not a dashboard folder of the model', () => {
    const at = nextLine();
    const bad = dashboard('Pipeline', { title: 'Pipeline', folder: pipelineFolder, components: [] });
    expectIssue(base(analytics, { dashboards: [bad] }), {
      component: 'Dashboard Pipeline/Pipeline',
      message: 'folder "Pipeline" is not a dashboard folder of the model',
      line: at,
    });
  });

  test('a dashboard component on a report that is not in the model', () => {
    const stray = report('Stray', {
      label: 'Stray',
      folder: pipelineFolder,
      reportType: dealsType,
      columns: [Opp.field('Name')],
    });
    const at = nextLine();
    const bad = dashboard('Pipeline', {
      title: 'Pipeline',
      folder: dashboards,
      components: [{ chart: 'Metric', title: 'Deals', report: stray }],
    });
    expectIssue(base(analytics, { dashboards: [bad] }), {
      component: 'Dashboard Dashboards/Pipeline',
      message: 'component "Deals" uses a report that is not in the model',
      line: at,
    });
  });

  test('a dashboard component grouping by a field the report does not group by', () => {
    const at = nextLine();
    const bad = dashboard('Pipeline', {
      title: 'Pipeline',
      folder: dashboards,
      components: [{ chart: 'Bar', title: 'By name', report: dealsByStage, groupBy: Opp.field('Name') }],
    });
    expectIssue(base(analytics, { dashboards: [bad] }), {
      component: 'Dashboard Dashboards/Pipeline',
      message: 'component "By name" groups by Opportunity.Name, which the report does not group by',
      line: at,
    });
  });
});

describe('matching rules, duplicate rules, lead conversion', () => {
  const domainMatch = matchingRule(Account, 'Domain_Match', {
    label: 'Domain',
    items: [exact(Account.field('Domain__c'))],
  });
  const dupeRule = { label: 'Dupes', onCreate: 'Block', onEdit: 'Alert', alertText: 'Duplicate.' } as const;

  test('bad matching rule API name', () => {
    const at = nextLine();
    const bad = matchingRule(Account, 'Domain Match', { label: 'Domain', items: [exact(Account.field('Domain__c'))] });
    expectIssue(base({ matchingRules: [bad] }), {
      component: 'MatchingRule Account.Domain Match',
      message: 'invalid API name "Domain Match"',
      line: at,
    });
  });

  test('a matching item on an unknown field', () => {
    const at = nextLine() + 1; // the definition is below the @ts-expect-error line
    // @ts-expect-error -- a typo on purpose: the runtime check must catch it too
    const bad = matchingRule(Account, 'Domain_Match', { label: 'Domain', items: [exact(Account.field('Domian__c'))] });
    expectIssue(base({ matchingRules: [bad] }), {
      component: 'MatchingRule Account.Domain_Match',
      message: 'matching item names unknown field Account.Domian__c (did you mean Domain__c?)',
      line: at,
    });
  });

  test('duplicate matching rule on the same object', () => {
    const at = nextLine();
    const again = matchingRule(Account, 'Domain_Match', {
      label: 'Domain again',
      items: [exact(Account.field('Domain__c'))],
    });
    expectIssue(base({ matchingRules: [domainMatch, again] }), {
      component: 'MatchingRule Account.Domain_Match',
      message: 'duplicate',
      line: at,
    });
  });

  test('bad duplicate rule API name', () => {
    const at = nextLine();
    const bad = duplicateRule(Account, 'Domain Dupes', { ...dupeRule, matchingRules: [domainMatch] });
    expectIssue(base({ matchingRules: [domainMatch], duplicateRules: [bad] }), {
      component: 'DuplicateRule Account.Domain Dupes',
      message: 'invalid API name "Domain Dupes"',
      line: at,
    });
  });

  test('a duplicate rule using a matching rule that is not in the model', () => {
    const at = nextLine();
    const bad = duplicateRule(Account, 'Domain_Dupes', { ...dupeRule, matchingRules: [domainMatch] });
    expectIssue(base({ duplicateRules: [bad] }), {
      component: 'DuplicateRule Account.Domain_Dupes',
      message: 'uses unknown matching rule Account.Domain_Match',
      line: at,
    });
  });

  test("duplicate rules on an object are numbered 1..n (the org's own rules come first)", () => {
    const first = duplicateRule(Account, 'Domain_Dupes', { ...dupeRule, matchingRules: [domainMatch] });
    const at = nextLine();
    const second = duplicateRule(Account, 'More_Dupes', { ...dupeRule, matchingRules: [domainMatch] });
    expectIssue(base({ matchingRules: [domainMatch], duplicateRules: [first, second] }), {
      component: 'DuplicateRule Account.More_Dupes',
      message:
        "order 1: the model's duplicate rules on Account must be numbered 1..2 without gaps or repeats (they have 1, 1)",
      line: at,
    });
    const third = duplicateRule(Account, 'Gap_Dupes', { ...dupeRule, matchingRules: [domainMatch], order: 3 });
    expectIssue(base({ matchingRules: [domainMatch], duplicateRules: [first, third] }), {
      component: 'DuplicateRule Account.Gap_Dupes',
      message: 'order 3',
    });
    const ordered = duplicateRule(Account, 'More_Dupes', { ...dupeRule, matchingRules: [domainMatch], order: 2 });
    expectValid(base({ matchingRules: [domainMatch], duplicateRules: [first, ordered] }));
  });

  test('duplicate names of other kinds are model issues, not a late "same file" error', () => {
    const sales = permissionSet('Sales', { label: 'Sales' });
    const group = () => permissionSetGroup('Sales_Group', { label: 'Sales', permissionSets: [sales] });
    const issues = validateModel(base({ permissionSets: [sales], permissionSetGroups: [group(), group()] }));
    assert.deepEqual(
      issues.map((i) => i.component),
      ['PermissionSetGroup Sales_Group'],
    );
    const process = () => businessProcess('Opportunity', 'New_Business', { values: ['Open'] });
    assert.equal(
      validateModel(
        base({
          opportunityStages: goodStages(),
          businessProcesses: [process(), process()],
          recordTypes: [recordType(Opp, 'Deal', { label: 'Deal', businessProcess: process() })],
        }),
      ).length,
      1,
    );
    const dupes = () => duplicateRule(Account, 'Domain_Dupes', { ...dupeRule, matchingRules: [domainMatch] });
    assert.equal(validateModel(base({ matchingRules: [domainMatch], duplicateRules: [dupes(), dupes()] })).length, 1);
    const stagePath = () => path('Stage_Path', { label: 'Stages', field: Opp.field('StageName'), steps: [] });
    assert.equal(validateModel(base({ opportunityStages: goodStages(), paths: [stagePath(), stagePath()] })).length, 1);
  });

  test('lead convert: mapping source on an unknown field', () => {
    const at = nextLine();
    const bad = leadConvertMapping({
      mappings: [maps({ object: 'Lead', field: 'Segmnt__c' }, Account.field('Domain__c'))],
      allowOwnerChange: true,
      opportunityCreation: 'VisibleOptional',
    });
    expectIssue(base({ leadConvert: bad }), {
      component: 'LeadConvertSettings',
      message: 'mapping source names unknown field Lead.Segmnt__c',
      line: at,
    });
  });

  test('lead convert: mapping target on an unknown field', () => {
    const at = nextLine();
    const bad = leadConvertMapping({
      // @ts-expect-error -- a typo on purpose: the runtime check must catch it too
      mappings: [maps({ object: 'Lead', field: 'Company' }, Account.field('Domian__c'))],
      allowOwnerChange: true,
      opportunityCreation: 'VisibleOptional',
    });
    expectIssue(base({ leadConvert: bad }), {
      component: 'LeadConvertSettings',
      message: 'mapping target names unknown field Account.Domian__c',
      line: at,
    });
  });

  test('lead convert: mapping source that is not a Lead field', () => {
    const at = nextLine();
    const bad = leadConvertMapping({
      mappings: [maps(Widget.field('Color__c'), Account.field('Domain__c'))],
      allowOwnerChange: true,
      opportunityCreation: 'VisibleOptional',
    });
    expectIssue(base({ leadConvert: bad }), {
      component: 'LeadConvertSettings',
      message: 'mapping source Widget__c.Color__c is not a Lead field',
      line: at,
    });
  });

  // Salesforce's rules (Help: "Guidelines for Mapping Custom Lead Fields for Lead Conversion")
  const ConvertLead = standardObject('Lead', {
    fields: {
      Segment__c: picklist({ label: 'Segment', values: ['ENT', 'SMB'] }),
      Work_Email__c: text({ label: 'Work Email', length: 80 }),
      Notes__c: text({ label: 'Notes', length: 200 }),
      Contact_Email__c: email({ label: 'Contact Email' }),
    },
  });
  const ConvertAccount = standardObject('Account', {
    fields: {
      Domain__c: text({ label: 'Domain' }),
      Segment__c: picklist({ label: 'Segment', values: ['ENT', 'SMB'] }),
      Open_Segment__c: picklist({ label: 'Open Segment', values: ['ENT', 'SMB'], restricted: false }),
      Short_Notes__c: text({ label: 'Short Notes', length: 100 }),
      Site__c: url({ label: 'Site' }),
    },
  });
  const convertModel = (...mappings: ReturnType<typeof maps>[]) =>
    defineModel(
      { objects: [Opp, ConvertLead, ConvertAccount, Widget, Setting], customPermissions: [Bypass] },
      { leadConvert: leadConvertMapping({ mappings, allowOwnerChange: true, opportunityCreation: 'VisibleOptional' }) },
    );

  test('lead convert: compatible custom fields map', () =>
    expectValid(
      convertModel(
        maps(ConvertLead.field('Segment__c'), ConvertAccount.field('Open_Segment__c')),
        maps(ConvertLead.field('Work_Email__c'), ConvertAccount.field('Domain__c')),
      ),
    ));

  test('lead convert: a restricted picklist target', () => {
    expectIssue(convertModel(maps(ConvertLead.field('Segment__c'), ConvertAccount.field('Segment__c'))), {
      component: 'LeadConvertSettings',
      message: 'Account.Segment__c is a restricted picklist: Salesforce maps onto unrestricted picklists only',
    });
  });

  test('lead convert: a same-type-only field onto another type', () => {
    expectIssue(convertModel(maps(ConvertLead.field('Contact_Email__c'), ConvertAccount.field('Site__c'))), {
      component: 'LeadConvertSettings',
      message: 'Lead.Contact_Email__c (Email) maps only onto a Email field; Account.Site__c is Url',
    });
  });

  test('lead convert: a target shorter than its source', () => {
    expectIssue(convertModel(maps(ConvertLead.field('Notes__c'), ConvertAccount.field('Short_Notes__c'))), {
      component: 'LeadConvertSettings',
      message: 'Account.Short_Notes__c holds 100 characters, shorter than Lead.Notes__c (200)',
    });
  });

  test('lead convert: two sources onto one target', () => {
    expectIssue(
      convertModel(
        maps(ConvertLead.field('Work_Email__c'), ConvertAccount.field('Domain__c')),
        maps(ConvertLead.field('Segment__c'), ConvertAccount.field('Domain__c')),
      ),
      { component: 'LeadConvertSettings', message: 'Account.Domain__c has more than one source field' },
    );
  });

  test('lead convert: standard fields are not mapped', () => {
    expectIssue(convertModel(maps(ConvertLead.field('Company'), ConvertAccount.field('Domain__c'))), {
      component: 'LeadConvertSettings',
      message: 'Lead.Company → Account.Domain__c: only custom fields can be mapped',
    });
  });
});

describe('reporting', () => {
  test('every problem is reported, not only the first', () => {
    const badObject = customObject('Bad__Name__c', { label: 'Bad', pluralLabel: 'Bads', nameField: NAME, fields: {} });
    const badSet = permissionSet('Sales', { label: 'Sales', customPermissions: ['Nope'] });
    const stages = defineStages([
      stage('Open', { probability: 10, forecast: 'Pipeline' }),
      stage('Open', { probability: 10, forecast: 'Pipeline' }),
      closedWon(),
      closedLost(),
    ]);
    const issues = validateModel(base({ objects: [badObject], permissionSets: [badSet], opportunityStages: stages }));
    assert.deepEqual(issues.map((i) => i.component).sort(), [
      'CustomObject Bad__Name__c',
      'PermissionSet Sales',
      'StandardValueSet OpportunityStage',
    ]);
  });

  test('ModelError lists each issue as origin: component: message', () => {
    const at = nextLine();
    const bad = permissionSet('Sales', { label: 'Sales', customPermissions: ['Nope'] });
    const error = new ModelError(validateModel(base({ permissionSets: [bad] })));
    assert.equal(
      error.message,
      `The model has 1 problem:\n  ${FILE}:${at}: PermissionSet Sales: grants unknown custom permission Nope`,
    );
    assert.equal(error.issues.length, 1);
    assert.equal(formatIssue({ component: 'X', message: 'y' }), '  model: X: y');
    assert.match(
      new ModelError([
        { component: 'A', message: 'a' },
        { component: 'B', message: 'b' },
      ]).message,
      /^The model has 2 problems:\n/,
    );
  });
});
