/**
 * Golden files: the generator's output for the every-kind fixture model
 * (tests/fixtures/every-kind/model.ts), one file per metadata kind and one per field type,
 * compared byte for byte with tests/golden/.
 *
 * When a change to the generator or the fixture changes the output on purpose, rewrite the
 * golden files and review the diff like code (element order, escaping, values):
 *
 *     UPDATE_GOLDEN=1 node --test tests/generator.golden.test.ts
 *     git diff tests/golden/
 *
 * tests/golden/.prettierrc.json keeps `prettier --check .` from asking to reformat the golden
 * files: they are the generator's bytes, and must stay so.
 *
 * What "right" looks like is what `sf project retrieve` writes: the XML declaration, the
 * metadata namespace on the root, 4-space indentation, a base type's elements before the
 * type's own (alphabetical) ones, and `&quot;` `&apos;` `&lt;` `&gt;` `&amp;` in text; and,
 * kind by kind, the elements and orders docs/retrieve-parity.md lists (pinned as rules by
 * tests/retrieve-parity.test.ts).
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fixture from './fixtures/every-kind/model.ts';
import { generateFiles, type GeneratedFile } from '../scripts/metadata/generate.ts';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const G = 'force-app/generated';

/** Golden file name → the generated file it pins. */
const GOLDEN: Readonly<Record<string, string>> = {
  // Objects
  'CustomObject.custom.xml': `${G}/objects/Deal_Exception__c/Deal_Exception__c.object-meta.xml`,
  'CustomObject.detail.xml': `${G}/objects/Exception_Approval__c/Exception_Approval__c.object-meta.xml`,
  'CustomObject.standardWithHistory.xml': `${G}/objects/Opportunity/Opportunity.object-meta.xml`,
  'CustomObject.standardNoHistory.xml': `${G}/objects/Contact/Contact.object-meta.xml`,
  'CustomObject.customMetadataType.xml': `${G}/objects/Routing_Setting__mdt/Routing_Setting__mdt.object-meta.xml`,
  // Fields: one per builder, plus standard-field settings and a custom metadata type's field
  'CustomField.Text.xml': `${G}/objects/Account/fields/Domain__c.field-meta.xml`,
  'CustomField.TextArea.xml': `${G}/objects/Opportunity/fields/Legacy_Notes__c.field-meta.xml`,
  'CustomField.LongTextArea.xml': `${G}/objects/Opportunity/fields/Problem__c.field-meta.xml`,
  'CustomField.Html.xml': `${G}/objects/Deal_Exception__c/fields/Reason__c.field-meta.xml`,
  'CustomField.Email.xml': `${G}/objects/Deal_Exception__c/fields/Approver_Email__c.field-meta.xml`,
  'CustomField.Phone.xml': `${G}/objects/Deal_Exception__c/fields/Approver_Phone__c.field-meta.xml`,
  'CustomField.Url.xml': `${G}/objects/Deal_Exception__c/fields/Evidence_Url__c.field-meta.xml`,
  'CustomField.Number.xml': `${G}/objects/Deal_Exception__c/fields/Seats__c.field-meta.xml`,
  'CustomField.Currency.xml': `${G}/objects/Opportunity/fields/ARR__c.field-meta.xml`,
  'CustomField.Percent.xml': `${G}/objects/Deal_Exception__c/fields/Discount__c.field-meta.xml`,
  'CustomField.Checkbox.xml': `${G}/objects/Opportunity/fields/Signed__c.field-meta.xml`,
  'CustomField.Date.xml': `${G}/objects/Opportunity/fields/Next_Step_Date__c.field-meta.xml`,
  'CustomField.DateTime.xml': `${G}/objects/Deal_Exception__c/fields/Expires_At__c.field-meta.xml`,
  'CustomField.Picklist.xml': `${G}/objects/Opportunity/fields/Paper_Process__c.field-meta.xml`,
  'CustomField.Picklist.unrestricted.xml': `${G}/objects/Lead/fields/Segment__c.field-meta.xml`,
  'CustomField.Picklist.globalValueSet.xml': `${G}/objects/Opportunity/fields/Loss_Reason__c.field-meta.xml`,
  'CustomField.MultiselectPicklist.xml': `${G}/objects/Deal_Exception__c/fields/Regions__c.field-meta.xml`,
  'CustomField.Lookup.xml': `${G}/objects/Deal_Exception__c/fields/Opportunity__c.field-meta.xml`,
  'CustomField.MasterDetail.xml': `${G}/objects/Exception_Approval__c/fields/Deal_Exception__c.field-meta.xml`,
  'CustomField.Formula.xml': `${G}/objects/Opportunity/fields/Deal_Size__c.field-meta.xml`,
  'CustomField.standard.xml': `${G}/objects/Opportunity/fields/NextStep.field-meta.xml`,
  'CustomField.standardTracked.xml': `${G}/objects/Opportunity/fields/StageName.field-meta.xml`,
  'CustomField.customMetadata.xml': `${G}/objects/Routing_Setting__mdt/fields/Daily_Cap__c.field-meta.xml`,
  // Object children
  'ValidationRule.xml': `${G}/objects/Deal_Exception__c/validationRules/Discount_Needs_Evidence.validationRule-meta.xml`,
  'ValidationRule.inactive.xml': `${G}/objects/Lead/validationRules/Fixture_Inactive_Rule.validationRule-meta.xml`,
  'ValidationRule.stageGate.xml': `${G}/objects/Opportunity/validationRules/Gate_Proposal_Signed.validationRule-meta.xml`,
  'BusinessProcess.xml': `${G}/objects/Opportunity/businessProcesses/Fixture_Sales.businessProcess-meta.xml`,
  'RecordType.xml': `${G}/objects/Opportunity/recordTypes/Fixture_Deal.recordType-meta.xml`,
  'Profile.recordTypeDefaults.xml': `${G}/profiles/Standard.profile-meta.xml`,
  // Picklist value sets and Path
  'StandardValueSet.OpportunityStage.xml': `${G}/standardValueSets/OpportunityStage.standardValueSet-meta.xml`,
  'StandardValueSet.LeadStatus.xml': `${G}/standardValueSets/LeadStatus.standardValueSet-meta.xml`,
  'GlobalValueSet.xml': `${G}/globalValueSets/Fixture_Loss_Reason.globalValueSet-meta.xml`,
  'PathAssistant.xml': `${G}/pathAssistants/Lead_Status_Path.pathAssistant-meta.xml`,
  'PathAssistant.stagePath.xml': `${G}/pathAssistants/Opportunity_Fixture_Path.pathAssistant-meta.xml`,
  // Security
  'CustomPermission.xml': `${G}/customPermissions/Fixture_Bypass.customPermission-meta.xml`,
  'PermissionSet.xml': `${G}/permissionsets/Fixture_Exception_Desk.permissionset-meta.xml`,
  'PermissionSet.minimal.xml': `${G}/permissionsets/Fixture_Exception_Viewer.permissionset-meta.xml`,
  'PermissionSetGroup.xml': `${G}/permissionsetgroups/Fixture_Desk.permissionsetgroup-meta.xml`,
  'SharingRules.xml': `${G}/sharingRules/Opportunity.sharingRules-meta.xml`,
  // Custom metadata records
  'CustomMetadata.xml': `${G}/customMetadata/Routing_Setting.Enterprise.md-meta.xml`,
  'CustomMetadata.nullValue.xml': `${G}/customMetadata/Routing_Setting.Overflow.md-meta.xml`,
  // Automation
  'Flow.recordTriggered.xml': `${G}/flows/Fixture_Route_Deals.flow-meta.xml`,
  'Flow.scheduled.xml': `${G}/flows/Fixture_Expire_Exceptions.flow-meta.xml`,
  'ApexClass.flowTest.cls': `${G}/classes/Fixture_Route_Deals_Test.cls`,
  'ApexClass.flowTest.cls-meta.xml': `${G}/classes/Fixture_Route_Deals_Test.cls-meta.xml`,
  // Analytics
  'Role.xml': `${G}/roles/Sales_Rep.role-meta.xml`,
  'Role.top.xml': `${G}/roles/Sales_Leadership.role-meta.xml`,
  'Group.xml': `${G}/groups/RevOps_Team.group-meta.xml`,
  'ReportFolder.xml': `${G}/reports/Fixture_Pipeline_Reports.reportFolder-meta.xml`,
  'ReportFolder.roleShare.xml': `${G}/reports/Fixture_Leadership_Reports.reportFolder-meta.xml`,
  'DashboardFolder.xml': `${G}/dashboards/Fixture_Dashboards.dashboardFolder-meta.xml`,
  'ReportType.xml': `${G}/reportTypes/Fixture_Pipeline.reportType-meta.xml`,
  'Report.summary.xml': `${G}/reports/Fixture_Pipeline_Reports/ARR_By_Stage.report-meta.xml`,
  'Report.tabular.xml': `${G}/reports/Fixture_Leadership_Reports/Customer_Paper_Deals.report-meta.xml`,
  'Dashboard.xml': `${G}/dashboards/Fixture_Dashboards/Fixture_Pipeline.dashboard-meta.xml`,
  // Data quality and settings
  'MatchingRules.xml': `${G}/matchingRules/Account.matchingRule-meta.xml`,
  'DuplicateRule.block.xml': `${G}/duplicateRules/Account.Fixture_Block_Domains.duplicateRule-meta.xml`,
  'DuplicateRule.alert.xml': `${G}/duplicateRules/Account.Fixture_Alert_Names.duplicateRule-meta.xml`,
  'LeadConvertSettings.xml': `${G}/LeadConvertSettings/LeadConvertSettings.LeadConvertSetting-meta.xml`,
  'CampaignInfluenceModel.xml': `${G}/campaignInfluenceModels/Fixture_Even_Split.campaignInfluenceModel-meta.xml`,
  'ScratchOrgDefinition.json': 'config/project-scratch-def.json',
};

// The model catalogue (docs/model/*.md) has its own tests: tests/docs.test.ts.
const files: GeneratedFile[] = (await generateFiles(fixture)).filter((f) => !f.path.startsWith('docs/model/'));
const byPath = new Map(files.map((f) => [f.path, f.content]));

for (const [golden, path] of Object.entries(GOLDEN)) {
  test(`golden ${golden} = ${path}`, async () => {
    const actual = byPath.get(path);
    assert.ok(actual !== undefined, `the fixture no longer generates ${path}`);
    const file = join(GOLDEN_DIR, golden);
    if (UPDATE) {
      await mkdir(GOLDEN_DIR, { recursive: true });
      await writeFile(file, actual, 'utf8');
      return;
    }
    const expected = await readFile(file, 'utf8').catch(() => {
      throw new Error(
        `tests/golden/${golden} is missing: run UPDATE_GOLDEN=1 node --test tests/generator.golden.test.ts`,
      );
    });
    assert.equal(
      actual,
      expected,
      `generated ${path} differs from tests/golden/${golden} (UPDATE_GOLDEN=1 to accept, then review the diff)`,
    );
  });
}

test('every file in tests/golden/ is pinned to a generated file', async () => {
  // Dotfiles are configuration: .prettierrc.json keeps Prettier from reformatting the golden bytes.
  const onDisk = (await readdir(GOLDEN_DIR)).filter((name) => !name.startsWith('.')).sort();
  assert.deepEqual(onDisk, Object.keys(GOLDEN).sort());
});

/** What kind of metadata a generated file is: its suffix, plus the field type for custom fields. */
function kindOf(file: GeneratedFile): string {
  const suffix = /\.([A-Za-z]+)-meta\.xml$/.exec(file.path)?.[1] ?? file.path;
  if (suffix !== 'field') return suffix;
  const type = /<type>([A-Za-z]+)<\/type>/.exec(file.content)?.[1];
  return `field:${type ?? 'standard'}`;
}

test('the golden files cover every kind of file the fixture generates', () => {
  const pinned = new Set(Object.values(GOLDEN).map((path) => kindOf({ path, content: byPath.get(path) ?? '' })));
  const uncovered = [...new Set(files.map(kindOf))].filter((k) => !pinned.has(k));
  assert.deepEqual(uncovered, [], 'add a golden file for each of these kinds');
});

test('the fixture uses every field type the DSL builders produce', () => {
  const types = new Set<string>(
    fixture.objects.flatMap((o) =>
      Object.values(o.fields).map((f) => (f.type === 'Picklist' && f.valueSet ? 'Picklist+valueSet' : f.type)),
    ),
  );
  const builders = [
    'Text',
    'TextArea',
    'LongTextArea',
    'Html',
    'Email',
    'Phone',
    'Url',
    'Number',
    'Currency',
    'Percent',
    'Checkbox',
    'Date',
    'DateTime',
    'Picklist',
    'Picklist+valueSet',
    'MultiselectPicklist',
    'Lookup',
    'MasterDetail',
    'Formula',
  ];
  assert.deepEqual(
    builders.filter((t) => !types.has(t)),
    [],
  );
});

// Canonical formatting, checked on every generated XML file (not only the golden ones).
const xmlFiles = files.filter((f) => f.path.endsWith('.xml'));

test('every generated XML file starts with the XML declaration and the metadata namespace', () => {
  for (const f of xmlFiles) {
    const [declaration, root] = f.content.split('\n');
    assert.equal(declaration, '<?xml version="1.0" encoding="UTF-8"?>', f.path);
    assert.match(root ?? '', /^<[A-Za-z]+ xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata"/, f.path);
  }
});

test('every generated XML file is indented with 4 spaces, has no trailing blanks and ends with one newline', () => {
  for (const f of xmlFiles) {
    assert.ok(f.content.endsWith('>\n'), `${f.path}: must end with a single newline`);
    let depth = 0;
    const lines = f.content.split('\n').slice(1, -1);
    for (const [i, line] of lines.entries()) {
      const where = `${f.path}:${i + 2}`;
      assert.doesNotMatch(line, /\t|\s$/, `${where}: tab or trailing blank`);
      const indent = /^ */.exec(line)![0].length;
      // Continuation lines of a multi-line text value (formulas) are content, not indentation.
      const trimmed = line.trimStart();
      if (!trimmed.startsWith('<')) continue;
      const closing = trimmed.startsWith('</');
      if (closing) depth -= 1;
      assert.equal(indent, depth * 4, `${where}: expected ${depth * 4} spaces of indentation`);
      // `<tag>` alone on its line opens a block; `<tag>text` starts a multi-line text value.
      if (!closing && /^<[^>]+>$/.test(trimmed) && !trimmed.endsWith('/>')) depth += 1;
    }
  }
});

test('text in generated XML is entity-escaped (no raw & or quotes between tags)', () => {
  for (const f of xmlFiles) {
    const body = f.content.split('\n').slice(1).join('\n');
    assert.doesNotMatch(body, /&(?!(?:amp|lt|gt|quot|apos);)/, `${f.path}: unescaped &`);
    const text = body.replace(/<[^>]*>/g, '');
    assert.doesNotMatch(text, /["'<>]/, `${f.path}: unescaped quote or angle bracket in text`);
  }
});

test('a null custom metadata value is written as xsi:nil, as a retrieve writes it and so that the deploy clears the field', () => {
  const content = byPath.get(`${G}/customMetadata/Routing_Setting.Overflow.md-meta.xml`) ?? '';
  // A retrieve writes <value xsi:nil="true"/>; the explicit end tag is the same XML.
  assert.match(
    content,
    /<values>\n {8}<field>Queue__c<\/field>\n {8}<value xsi:nil="true"(?:\/>|><\/value>)\n {4}<\/values>/,
  );
});
