/**
 * `revops verify` end to end on a copy of the project with schema violations in generated and
 * hand-written files and API versions newer than the WSDL: each is reported with its file:line,
 * its component and what the schema expected, and verify fails.
 */
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { projectCopy, revops } from '../cli/project-copy.ts';

const G = 'force-app/generated/objects';
const EDITS: { file: string; from: string; to: string }[] = [
  // hand-written
  { file: 'force-app/main/default/lwc/ldsUtils/ldsUtils.js-meta.xml', from: 'isExposed', to: 'isExposd' },
  { file: 'force-app/main/default/classes/StageGateController.cls-meta.xml', from: '66.0', to: '67.0' },
  // generated
  { file: `${G}/Opportunity/fields/ARR__c.field-meta.xml`, from: '<type>Currency</type>', to: '<type>Curency</type>' },
  {
    file: `${G}/Lead/validationRules/First_Touch_Campaign_Immutable.validationRule-meta.xml`,
    from: '    <active>true</active>\n',
    to: '',
  },
  {
    file: `${G}/Lead/validationRules/Disqualification_Needs_Reason.validationRule-meta.xml`,
    from: '<active>true</active>',
    to: '<active>yes</active>',
  },
  { file: 'sfdx-project.json', from: '"sourceApiVersion": "66.0"', to: '"sourceApiVersion": "67.0"' },
];

describe('revops verify on a project with schema violations', () => {
  let dir: string;
  let run: ReturnType<typeof revops>;
  before(async () => {
    dir = await projectCopy();
    for (const edit of EDITS) {
      const path = join(dir, edit.file);
      const text = await readFile(path, 'utf8');
      const changed = text.replaceAll(edit.from, edit.to);
      assert.notEqual(changed, text, `the edit of ${edit.file} applies`);
      await writeFile(path, changed);
    }
    run = revops(dir, 'verify');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('fails', () => {
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /metadata-schema\W+\d{3,}\b/, 'the check ran over every metadata file (hundreds)');
  });

  for (const [what, line] of [
    [
      'a wrong element in a hand-written LWC',
      /^ {2}force-app\/main\/default\/lwc\/ldsUtils\/ldsUtils\.js-meta\.xml:5: LightningComponentBundle ldsUtils: <LightningComponentBundle> has no element <isExposd> \(did you mean <isExposed>\?\)/m,
    ],
    [
      'an Apex class newer than the WSDL',
      /^ {2}force-app\/main\/default\/classes\/StageGateController\.cls-meta\.xml:3: ApexClass StageGateController: apiVersion 67\.0 is newer than the Metadata API WSDL the project validates against \(66\.0, vendor\/salesforce-metadata-wsdl\)/m,
    ],
    [
      'the project newer than the WSDL',
      /^ {2}sfdx-project\.json:\d+: sourceApiVersion 67\.0 is newer than the Metadata API WSDL/m,
    ],
    [
      'a bad enum value in a generated field',
      /^ {2}force-app\/generated\/objects\/Opportunity\/fields\/ARR__c\.field-meta\.xml:\d+: CustomField Opportunity\.ARR__c: <type> is 'Curency', which is not a FieldType value \(did you mean 'Currency'\?\)/m,
    ],
    [
      'a missing required element in a generated validation rule',
      /^ {2}force-app\/generated\/objects\/Lead\/validationRules\/First_Touch_Campaign_Immutable\.validationRule-meta\.xml:\d+: ValidationRule Lead\.First_Touch_Campaign_Immutable: <ValidationRule> is missing required element <active> \(before <[a-zA-Z]+>\)/m,
    ],
    [
      'a value of the wrong type in a generated validation rule',
      /^ {2}force-app\/generated\/objects\/Lead\/validationRules\/Disqualification_Needs_Reason\.validationRule-meta\.xml:\d+: ValidationRule Lead\.Disqualification_Needs_Reason: <active> is 'yes', not a valid boolean/m,
    ],
  ] as const) {
    test(`reports ${what}`, () => {
      assert.match(run.stderr, line);
    });
  }
});
