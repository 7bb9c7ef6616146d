/**
 * Data classification: the model classifies every field, a field without a class and PII without
 * a purpose or a retention rule fail validateModel (which generate, verify and plan run) naming
 * the model file, the field and the problem, and the field XML carries the three elements.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  classificationTable,
  classify,
  coverage,
  modelFields,
  personalData,
  standardObject,
  text,
  type RevOpsModel,
} from '../../scripts/dsl/index.ts';
import { generateFiles } from '../../scripts/metadata/generate.ts';
import { formatIssue, validateModel } from '../../scripts/model/validate.ts';
import model from '../../model/index.ts';

const FILE = 'tests/compliance/classification.test.ts';

/** The model with more classification entries (or another table). */
const withTable = (fields: Record<string, ReturnType<typeof classify>>, defaults = {}): RevOpsModel => ({
  ...model,
  dataClassification: classificationTable({
    defaults: { ...model.dataClassification.defaults, ...defaults },
    fields: { ...model.dataClassification.fields, ...fields },
  }),
});

const issuesOf = (m: RevOpsModel) => validateModel(m).map(formatIssue);

describe('data classification', () => {
  test('the RevOps model classifies every field and passes', () => {
    assert.deepEqual(issuesOf(model), []);
    const c = coverage(modelFields(model.objects, model.dataClassification));
    assert.equal(c.classified, c.fields);
    assert.equal(
      c.bySensitivity.reduce((sum, [, n]) => sum + n, 0),
      c.fields,
      'every field has exactly one sensitivity',
    );
    assert.ok(c.pii >= 8, `Lead and Contact names, emails and phones are PII (got ${c.pii})`);
  });

  test('a field without a classification fails, naming the object file, the field and the fix', () => {
    const campaign = model.objects.find((o) => o.apiName === 'Campaign')!;
    const Widget = standardObject('Campaign', {
      fields: { ...campaign.fields, Widget__c: text({ label: 'Widget', length: 20 }) },
    });
    const noDefault = { ...model.dataClassification.defaults };
    delete (noDefault as Record<string, unknown>).Campaign;
    const classified = Object.fromEntries(
      Object.keys(campaign.fields).map((f) => [`Campaign.${f}`, classify('Internal')]),
    );
    const m: RevOpsModel = {
      ...model,
      objects: [...model.objects.filter((o) => o.apiName !== 'Campaign'), Widget],
      dataClassification: {
        ...model.dataClassification,
        defaults: noDefault,
        fields: { ...model.dataClassification.fields, ...classified },
      },
    };
    const issues = validateModel(m);
    assert.equal(issues.length, 1, issues.map(formatIssue).join('\n'));
    assert.equal(issues[0]!.component, 'CustomField Campaign.Widget__c');
    assert.match(issues[0]!.message, /has no data classification: add "Campaign.Widget__c"/);
    assert.match(issues[0]!.origin ?? '', /^tests\/compliance\/classification\.test\.ts:\d+$/);
  });

  test('PII without a retention rule fails, at the entry’s line', () => {
    const line = nextLine();
    const m = withTable({ 'Account.Phone': personalData('Calling the customer.') });
    const issues = validateModel(m);
    assert.equal(issues.length, 1, issues.map(formatIssue).join('\n'));
    assert.equal(issues[0]!.component, 'CustomField Account.Phone');
    assert.match(issues[0]!.message, /is PII without a retention rule/);
    assert.equal(issues[0]!.origin, `${FILE}:${line}`);
  });

  test('PII without a purpose, or below Confidential, fails', () => {
    const m = withTable({
      'Lead.Title': classify('Confidential', { compliance: ['PII'] }),
      'Contact.Title': personalData('Knowing the role.', { sensitivity: 'Public' }),
    });
    const messages = validateModel(m).map((i) => `${i.component}: ${i.message}`);
    assert.deepEqual(messages.sort(), [
      'CustomField Contact.Title: is PII classified Public: PII is Confidential or above',
      'CustomField Lead.Title: is PII without a purpose: say why the business holds it (minimisation)',
    ]);
  });

  test('PII as an object default, and entries naming no field of the model, fail', () => {
    const m = withTable(
      { 'Lead.Nope__c': classify('Internal'), 'Forecast_Period__c.Start_Date__c.x': classify('Internal') },
      { Campaign: personalData('x') },
    );
    const messages = validateModel(m).map((i) => `${i.component}: ${i.message}`);
    assert.ok(messages.some((s) => s.startsWith('Classification default Campaign: PII is classified field by field')));
    assert.ok(messages.some((s) => s.includes('Lead.Nope__c, which is not a field of the model')));
    assert.ok(messages.some((s) => s.includes('is not Object.Field')));
  });

  test('the field XML carries securityClassification, complianceGroup and businessStatus in WSDL order', async () => {
    const files = await generateFiles(model);
    const email = files.find((f) => f.path.endsWith('objects/Lead/fields/Email.field-meta.xml'))!.content;
    assert.match(
      email,
      /<fullName>Email<\/fullName>\s*<businessStatus>Active<\/businessStatus>\s*<complianceGroup>PII;GDPR;CCPA<\/complianceGroup>\s*<securityClassification>Confidential<\/securityClassification>/,
    );
    const arr = files.find((f) => f.path.endsWith('objects/Opportunity/fields/ARR__c.field-meta.xml'))!.content;
    assert.match(arr, /<securityClassification>Confidential<\/securityClassification>/);
    assert.doesNotMatch(arr, /complianceGroup/, 'no compliance group: no element');
    const page = files.find((f) => f.path === 'docs/model/classification.md')!.content;
    assert.match(page, /\| `Lead.Email` \| Confidential \| PII, GDPR, CCPA \|/);
  });
});

/** The number of the line below the caller's. */
function nextLine(): number {
  const caller = new Error().stack?.split('\n')[2] ?? '';
  return Number(/:(\d+):\d+\)?$/.exec(caller.trim())?.[1]) + 1;
}
