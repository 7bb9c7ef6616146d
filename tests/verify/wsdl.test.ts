/**
 * Metadata files against the official Metadata API WSDL (scripts/verify/wsdl): each kind of
 * violation in plain words, the API version, the LWC override, and the real project (with the
 * every-kind fixture's generated files) validated with no violation.
 *
 * Compiling the schema is what costs (a second or more), so every file this test looks at —
 * fixtures, the real project, the every-kind output — goes to libxml2 in one call, in before().
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateFiles } from '../../scripts/metadata/generate.ts';
import { openProject, type Project } from '../../scripts/project.ts';
import { resolveComponents } from '../../scripts/verify/sdr.ts';
import {
  API_VERSION_CHECK,
  checkMetadataFiles,
  checkProjectMetadata,
  metadataFiles,
  SCHEMA_CHECK,
  type MetadataFile,
  type SchemaReport,
} from '../../scripts/verify/wsdl/index.ts';
import { MetadataWsdl, WSDL_FILE } from '../../scripts/verify/wsdl/xsd.ts';
import { ROOT } from '../cli/project-copy.ts';
import everyKind from '../fixtures/every-kind/model.ts';

/** A metadata file: the declaration on line 1, the root on line 2, `body` from line 3. */
const metadata = (root: string, ...body: string[]) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${root} xmlns="http://soap.sforce.com/2006/04/metadata">`,
    ...body.map((line) => `    ${line}`),
    `</${root}>`,
    '',
  ].join('\n');

const FIXTURES: Record<string, string> = {
  'Wrong_Element__c.field-meta.xml': metadata('CustomField', '<fullName>A__c</fullName>', '<lable>A</lable>'),
  'Missing_Last.validationRule-meta.xml': metadata(
    'ValidationRule',
    '<fullName>R</fullName>',
    '<active>true</active>',
    '<errorConditionFormula>true</errorConditionFormula>',
  ),
  'Missing_Middle.validationRule-meta.xml': metadata(
    'ValidationRule',
    '<fullName>R</fullName>',
    '<errorConditionFormula>true</errorConditionFormula>',
    '<errorMessage>Message</errorMessage>',
  ),
  'Bad_Enum__c.field-meta.xml': metadata(
    'CustomField',
    '<fullName>A__c</fullName>',
    '<label>A</label>',
    '<type>Txt</type>',
  ),
  'Out_Of_Order__c.field-meta.xml': metadata(
    'CustomField',
    '<fullName>A__c</fullName>',
    '<type>Text</type>',
    '<label>A</label>',
  ),
  'Repeated__c.field-meta.xml': metadata('CustomField', '<label>A</label>', '<label>B</label>'),
  'Not_Boolean.validationRule-meta.xml': metadata(
    'ValidationRule',
    '<active>yes</active>',
    '<errorConditionFormula>true</errorConditionFormula>',
    '<errorMessage>Message</errorMessage>',
  ),
  'Elements_In_Text__c.field-meta.xml': metadata('CustomField', '<label><b>A</b></label>'),
  'Nested.duplicateRule-meta.xml': metadata(
    'DuplicateRule',
    '<actionOnInsert>Allow</actionOnInsert>',
    '<actionOnUpdate>Allow</actionOnUpdate>',
    '<alertText>Duplicate</alertText>',
    '<description>A rule</description>',
    '<duplicateRuleFilter xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>',
    '<duplicateRuleMatchRules>',
    '    <matchRuleSObjectType>Account</matchRuleSObjectType>',
    '    <matchingRule>Account_Match</matchingRule>',
    '</duplicateRuleMatchRules>',
    '<isActive>false</isActive>',
    '<masterLabel>Rule</masterLabel>',
    '<securityOption>EnforceSharingRules</securityOption>',
    '<sortOrder>1</sortOrder>',
  ),
  'Too_New.flow-meta.xml': metadata('Flow', '<apiVersion>67.0</apiVersion>', '<label>Too new</label>'),
  'Unknown_Type.thing-meta.xml': metadata('CustomFeld', '<label>A</label>'),
  'No_Namespace__c.field-meta.xml':
    '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField>\n    <label>A</label>\n</CustomField>\n',
  'Not_Well_Formed__c.field-meta.xml': metadata('CustomField', '<label>A</labl>'),
  // As Salesforce writes js-meta.xml: masterLabel before description, targets before targetConfigs.
  'usualOrder.js-meta.xml': metadata(
    'LightningComponentBundle',
    '<apiVersion>66.0</apiVersion>',
    '<isExposed>true</isExposed>',
    '<masterLabel>Usual order</masterLabel>',
    '<description>Valid</description>',
    '<targets>',
    '    <target>lightning__RecordPage</target>',
    '</targets>',
    '<targetConfigs>',
    '    <targetConfig targets="lightning__RecordPage">',
    '        <property name="title" type="String" label="Title"/>',
    '        <supportedFormFactors><supportedFormFactor type="Large"/></supportedFormFactors>',
    '    </targetConfig>',
    '</targetConfigs>',
  ),
  'typoInTargetConfigs.js-meta.xml': metadata(
    'LightningComponentBundle',
    '<isExposed>true</isExposed>',
    '<targetConfigs>',
    '    <targetConfg targets="lightning__RecordPage"/>',
    '</targetConfigs>',
  ),
  'exposedTwice.js-meta.xml': metadata(
    'LightningComponentBundle',
    '<isExposed>true</isExposed>',
    '<isExposed>false</isExposed>',
  ),
};

describe('metadata files against the Metadata API WSDL', () => {
  let dir: string;
  let report: SchemaReport;
  let project: Project;
  let real: MetadataFile[];
  let generated: MetadataFile[];
  const socketsOpened: unknown[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'revops-wsdl-'));
    const fixtures = await writeFiles(dir, 'fixtures', Object.entries(FIXTURES));
    project = await openProject(ROOT);
    real = metadataFiles(project, resolveComponents(project).getSourceComponents().toArray());
    const everyKindFiles = (await generateFiles(everyKind)).filter((f) => f.path.endsWith('-meta.xml'));
    generated = await writeFiles(
      dir,
      'every-kind',
      everyKindFiles.map((f) => [f.path, f.content]),
    );
    // libxml2 runs in a worker thread: no socket may open while it does.
    const connect = net.Socket.prototype.connect;
    net.Socket.prototype.connect = function (...args: unknown[]) {
      socketsOpened.push(args[0]);
      throw new Error('network access during schema validation');
    } as typeof connect;
    try {
      report = await checkMetadataFiles([...fixtures, ...real, ...generated]);
    } finally {
      net.Socket.prototype.connect = connect;
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** The findings on one fixture file, as `line: message`. */
  const on = (file: string, check = SCHEMA_CHECK) =>
    report.findings
      .filter((f) => f.location.startsWith(`fixtures/${file}:`) && f.check === check)
      .map((f) => `${f.location.slice(f.location.lastIndexOf(':') + 1)}: ${f.message}`);

  test('a wrong element name: the element found, the likely one, what the schema expected there', () => {
    const [finding, ...more] = on('Wrong_Element__c.field-meta.xml');
    assert.deepEqual(more, []);
    assert.match(
      finding!,
      /^4: <CustomField> has no element <lable> \(did you mean <label>\?\); expected here: <module>, /,
    );
  });

  test('a missing required element: at the end, before a later element, and in a nested type', () => {
    assert.deepEqual(on('Missing_Last.validationRule-meta.xml'), [
      '2: <ValidationRule> is missing required element <errorMessage>',
    ]);
    assert.deepEqual(on('Missing_Middle.validationRule-meta.xml'), [
      '4: <ValidationRule> is missing required element <active> (before <errorConditionFormula>)',
    ]);
    // A nillable required element: the message says how retrieved files write it with no value.
    assert.deepEqual(on('Nested.duplicateRule-meta.xml'), [
      '8: <duplicateRuleMatchRules> (DuplicateRuleMatchRule) is missing required element <objectMapping>; ' +
        'with no value it is written empty: <objectMapping xsi:nil="true"/>',
    ]);
  });

  test('a value outside an enumeration: the value, the type, the closest and the allowed values', () => {
    const [finding, ...more] = on('Bad_Enum__c.field-meta.xml');
    assert.deepEqual(more, [], 'one finding, not a second one for the atomic type');
    assert.match(
      finding!,
      /^5: <type> is 'Txt', which is not a FieldType value \(did you mean 'Text'\?\); allowed: AutoNumber, Lookup, .*, … \(\d+ in all\)$/,
    );
  });

  test('an element out of order, and one repeated', () => {
    assert.deepEqual(on('Out_Of_Order__c.field-meta.xml'), [
      '5: <label> is out of order in <CustomField>: it must come before <type>',
    ]);
    assert.deepEqual(on('Repeated__c.field-meta.xml'), [
      '4: <label> appears more than once in <CustomField>, which allows one',
    ]);
  });

  test('values and content of the wrong kind, and XML that is not well-formed', () => {
    assert.deepEqual(on('Not_Boolean.validationRule-meta.xml'), [
      "3: <active> is 'yes', not a valid boolean (true or false)",
    ]);
    assert.deepEqual(on('Elements_In_Text__c.field-meta.xml'), [
      '3: <label> holds elements, but the schema types it as xsd:string: text only',
    ]);
    assert.deepEqual(on('Not_Well_Formed__c.field-meta.xml'), [
      '3: not well-formed XML: Opening and ending tag mismatch: label line 3 and labl',
    ]);
  });

  test('a file whose root the WSDL has no metadata type for is reported, not skipped', () => {
    assert.deepEqual(on('Unknown_Type.thing-meta.xml'), [
      '2: the Metadata API 66.0 WSDL has no metadata type <CustomFeld> (did you mean <CustomField>?): ' +
        'the file cannot be validated, and an org of that version would not know it',
    ]);
    assert.deepEqual(on('No_Namespace__c.field-meta.xml'), [
      '2: <CustomField> is not in the Metadata API namespace: write <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">',
    ]);
  });

  test("a file's apiVersion newer than the WSDL's", () => {
    assert.deepEqual(on('Too_New.flow-meta.xml', API_VERSION_CHECK), [
      '3: apiVersion 67.0 is newer than the Metadata API WSDL the project validates against ' +
        '(66.0, vendor/salesforce-metadata-wsdl): use 66.0, or vendor a newer WSDL',
    ]);
    assert.deepEqual(on('Too_New.flow-meta.xml'), [], 'otherwise a valid flow');
  });

  test('js-meta.xml: any element order and XML targetConfigs pass; typos and repeats inside still fail', () => {
    assert.deepEqual(on('usualOrder.js-meta.xml'), []);
    assert.deepEqual(on('typoInTargetConfigs.js-meta.xml'), [
      '5: <targetConfg> is not expected; expected here: <targetConfig>',
    ]);
    assert.deepEqual(on('exposedTwice.js-meta.xml'), [
      '4: <isExposed> appears more than once in <LightningComponentBundle>, which allows one',
    ]);
  });

  test('every finding names its check, file:line and component', () => {
    for (const f of report.findings) {
      assert.ok([SCHEMA_CHECK, API_VERSION_CHECK].includes(f.check), f.check);
      assert.match(f.location, /:\d+$/);
    }
    // The project's files name their component as other verify findings do: `CustomField Opportunity.ARR__c`.
    // Type names may hold digits (Territory2Model).
    for (const file of real) assert.match(file.component ?? '', /^[A-Za-z][A-Za-z0-9]* [\w./-]+$/, file.display);
  });

  test('the real project and the every-kind output: every file validated, no violation', () => {
    assert.deepEqual(
      report.findings.filter((f) => !f.location.startsWith('fixtures/')),
      [],
    );
    assert.ok(real.length > 200, `${real.length} files in the project`);
    assert.ok(generated.length > 30, `${generated.length} files from the every-kind fixture`);
    const kinds = new Set(report.kinds.map((k) => k.kind));
    for (const kind of [
      'ApexClass',
      'LightningComponentBundle',
      'CustomField',
      'CustomObject',
      'Flow',
      'PermissionSet',
    ])
      assert.ok(kinds.has(kind), kind);
    const counted = report.kinds.reduce((n, k) => n + k.files, 0);
    assert.equal(counted, Object.keys(FIXTURES).length + real.length + generated.length, 'every file has a kind');
  });

  test('no socket opened while validating', () => {
    assert.deepEqual(socketsOpened, []);
  });
});

describe("the project's sourceApiVersion", () => {
  for (const [version, message] of [
    ['67.0', /^sourceApiVersion 67\.0 is newer than the Metadata API WSDL the project validates against \(66\.0,/],
    ['sixty-six', /^sourceApiVersion sixty-six is not an API version \(such as 66\.0\)$/],
  ] as const) {
    test(`${version} is reported at its line of sfdx-project.json`, async () => {
      const root = await mkdtemp(join(tmpdir(), 'revops-wsdl-project-'));
      try {
        const sfdxProject = await readFile(join(ROOT, 'sfdx-project.json'), 'utf8');
        await writeFile(join(root, 'sfdx-project.json'), sfdxProject.replace('"66.0"', `"${version}"`));
        const line = sfdxProject.split('\n').findIndex((l) => l.includes('sourceApiVersion')) + 1;
        // No files: the project's own version is checked without running the validator.
        const { findings } = await checkProjectMetadata({ root, apiVersion: version, packageDirectories: [] }, []);
        assert.equal(findings.length, 1);
        assert.equal(findings[0]!.check, API_VERSION_CHECK);
        assert.equal(findings[0]!.location, `sfdx-project.json:${line}`);
        assert.match(findings[0]!.message, message);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });
  }
});

describe('the XSD derived from the WSDL', () => {
  let wsdl: MetadataWsdl;
  let text: string;
  before(async () => {
    text = await readFile(WSDL_FILE, 'utf8');
    wsdl = MetadataWsdl.parse(text);
  });

  test('its version comes from the WSDL header', () => {
    assert.equal(wsdl.apiVersion, '66.0');
  });

  test('holds a global element per root type and only the types they reach (and those named by xsi:type)', () => {
    const xsd = wsdl.xsdFor(['ApexClass'], ['PackageVersion', 'NotAType']);
    assert.match(xsd, /<xsd:element name="ApexClass" type="tns:ApexClass"\/>/);
    for (const reached of ['ApexClass', 'MetadataWithContent', 'Metadata', 'ApexCodeUnitStatus', 'PackageVersion'])
      assert.match(xsd, new RegExp(`<xsd:(complex|simple)Type name="${reached}"`), reached);
    assert.doesNotMatch(xsd, /name="CustomField"/);
    assert.match(xsd, /^<\?xml[^>]*\?>\n<xsd:schema xmlns:xsd="http:\/\/www\.w3\.org\/2001\/XMLSchema" xmlns:tns=/);
  });

  test('an override whose WSDL declaration changed stops the check instead of going stale', () => {
    const changed = text.replace(
      '<xsd:element name="targetConfigs" minOccurs="0" type="xsd:base64Binary"/>',
      '<xsd:element name="targetConfigs" minOccurs="0" type="tns:TargetConfigs"/>',
    );
    assert.notEqual(changed, text, 'the WSDL declares targetConfigs as the override expects');
    assert.throws(() => MetadataWsdl.parse(changed), /WSDL override no longer applies: LightningComponentBundle/);
  });
});

/** Writes `[path, content]` pairs under `dir/prefix`; their display path is `prefix/path`. */
async function writeFiles(dir: string, prefix: string, files: [string, string][]): Promise<MetadataFile[]> {
  const written: MetadataFile[] = [];
  for (const [path, content] of files) {
    const file = join(dir, prefix, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
    written.push({ path: file, display: `${prefix}/${path}` });
  }
  return written;
}
