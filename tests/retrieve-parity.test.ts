/**
 * Retrieve parity (docs/retrieve-parity.md): what `sf project retrieve` writes for each kind we
 * generate, read off org retrieves committed to public repositories, pinned as rules.
 *
 * The golden files (tests/generator.golden.test.ts) pin one file per kind byte for byte; these
 * tests pin the rules behind them over every file the real model and the fixture generate, and
 * the cases neither model has (Contract's always-on history, a lead process, values that need
 * encoding, a formula treating blanks as zero, a custom metadata record that leaves a field out).
 * Each rule names the retrieve default it stands for, so a failure says which parity broke.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import fixture from './fixtures/every-kind/model.ts';
import realModel from '../model/index.ts';
import { byCodeUnit, javaDouble, metadataValueName } from '../scripts/core/retrieve-format.ts';
import {
  businessProcess,
  checkbox,
  customMetadataRecord,
  customMetadataType,
  customObject,
  formula,
  number,
  picklist,
  recordType,
  standardObject,
  text,
  type RevOpsModel,
} from '../scripts/dsl/index.ts';
import { emitCustomMetadata } from '../scripts/families/custom-metadata/emit.ts';
import { emitObjects } from '../scripts/families/objects/emit.ts';
import { emitRecordTypes } from '../scripts/families/record-types/emit.ts';
import { emitStages } from '../scripts/families/stages/emit.ts';
import { generateFiles, type GeneratedFile } from '../scripts/metadata/generate.ts';

const G = 'force-app/generated';
type Xml = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
/** The root element's children, every element as an array (`x.field[0]`), attributes as `@_name`. */
const parse = (content: string): Xml => {
  const doc = parser.parse(content) as Record<string, Xml[]>;
  const root = Object.keys(doc).find((k) => k !== '?xml')!;
  return doc[root]![0]!;
};
const list = (x: Xml, key: string): Xml[] => (x[key] as Xml[] | undefined) ?? [];
const textOf = (x: Xml, key: string): string | undefined => {
  const v = (x[key] as unknown[] | undefined)?.[0];
  return typeof v === 'string' ? v : undefined;
};
const isSorted = (keys: string[]) => keys.every((k, i) => i === 0 || byCodeUnit(keys[i - 1]!, k) <= 0);

const models: [string, RevOpsModel][] = [
  ['the model', realModel],
  ['the fixture', fixture],
];
const generated = new Map<string, GeneratedFile[]>();
for (const [name, model] of models)
  generated.set(
    name,
    (await generateFiles(model)).filter((f) => f.path.startsWith(G)),
  );
const each = (suffix: string, run: (file: GeneratedFile, xml: Xml, model: RevOpsModel) => void) => {
  for (const [name, model] of models) {
    // Platform events (`__e`, routing's decision event) have a shape of their own: no sharing, history or trending.
    const files = generated.get(name)!.filter((f) => f.path.endsWith(suffix) && !/\/objects\/\w+__e\//.test(f.path));
    assert.ok(files.length > 0, `${name} generates no ${suffix}`);
    for (const file of files) run(file, parse(file.content), model);
  }
};

describe('custom objects and fields, as a retrieve writes them', () => {
  test('every custom object says visibility Public; a standard object file stays the org’s', () => {
    each('.object-meta.xml', (file, xml, model) => {
      const object = model.objects.find((o) => file.path.includes(`/objects/${o.apiName}/`))!;
      if (object.standard) assert.equal(xml.visibility, undefined, file.path);
      else assert.equal(textOf(xml, 'visibility'), 'Public', file.path);
    });
  });

  test('trackHistory on every field of an object whose history is on, on none of the others', () => {
    each('.field-meta.xml', (file, xml, model) => {
      const object = model.objects.find((o) => file.path.includes(`/objects/${o.apiName}/`))!;
      const objectFile = generated
        .get(models.find(([, m]) => m === model)![0])!
        .find((f) => f.path === `${G}/objects/${object.apiName}/${object.apiName}.object-meta.xml`)!;
      const historyOn = textOf(parse(objectFile.content), 'enableHistory') === 'true' || object.apiName === 'Contract';
      assert.equal(xml.trackHistory !== undefined, historyOn, file.path);
    });
  });

  test('trackTrending on every field of a custom object, on none of a standard object or custom metadata type', () => {
    each('.field-meta.xml', (file, xml, model) => {
      const object = model.objects.find((o) => file.path.includes(`/objects/${o.apiName}/`))!;
      const trends = !object.standard && !object.customMetadata;
      assert.equal(textOf(xml, 'trackTrending'), trends ? 'false' : undefined, file.path);
    });
  });

  test('formula fields carry their return type’s defaults; BlankAsBlank is left out, as a retrieve leaves it', () => {
    each('.field-meta.xml', (file, xml) => {
      if (xml.formula === undefined) return;
      const type = textOf(xml, 'type')!;
      assert.notEqual(textOf(xml, 'formulaTreatBlanksAs'), 'BlankAsBlank', file.path);
      assert.equal(textOf(xml, 'required'), type === 'Checkbox' ? undefined : 'false', file.path);
      const identity = type === 'Text' || type === 'Number' ? 'false' : undefined;
      assert.equal(textOf(xml, 'externalId'), identity, file.path);
      assert.equal(textOf(xml, 'unique'), identity, file.path);
    });
  });

  test('an unrestricted picklist has no restricted element (a retrieve writes it only when true)', () => {
    each('.field-meta.xml', (file, xml) => {
      for (const valueSet of list(xml, 'valueSet')) assert.notEqual(textOf(valueSet, 'restricted'), 'false', file.path);
    });
  });

  test('a standard field carries the type a retrieve gives picklists and relationships, no other', async () => {
    const files = generated.get('the model')!;
    const typeOf = (path: string) =>
      textOf(parse(files.find((f) => f.path === `${G}/objects/${path}.field-meta.xml`)!.content), 'type');
    assert.equal(typeOf('Opportunity/fields/StageName'), 'Picklist');
    assert.equal(typeOf('Opportunity/fields/ForecastCategoryName'), 'Picklist');
    assert.equal(typeOf('Account/fields/OwnerId'), 'Lookup');
    assert.equal(typeOf('Account/fields/ParentId'), 'Hierarchy');
    assert.equal(typeOf('Account/fields/Name'), undefined);
    assert.equal(typeOf('Opportunity/fields/Amount'), undefined);
  });

  test('Contract’s history is always on: no enableHistory on the object, trackHistory on every field', async () => {
    const Contract = standardObject('Contract', {
      fields: { Plain__c: text({ label: 'Plain', length: 10 }) },
      standardFields: { Status: { help: 'Where the contract is.' } },
    });
    const Campaign = standardObject('Campaign', { fields: { Plain__c: text({ label: 'Plain', length: 10 }) } });
    const files = await emitObjects({ objects: [Contract, Campaign] });
    const get = (path: string) => parse(files.find((f) => f.path === `${G}/objects/${path}-meta.xml`)!.content);
    assert.equal(get('Contract/Contract.object').enableHistory, undefined);
    assert.equal(textOf(get('Contract/fields/Plain__c.field'), 'trackHistory'), 'false');
    assert.equal(textOf(get('Contract/fields/Status.field'), 'trackHistory'), 'false');
    // Campaign's history is the org's setting (the model turns it on nowhere): its fields stay unmarked.
    assert.equal(get('Campaign/fields/Plain__c.field').trackHistory, undefined);
  });

  test('a formula treating blanks as zero says BlankAsZero; a custom object’s formula trends and tracks with its object', async () => {
    const Thing = customObject('Thing__c', {
      label: 'Thing',
      pluralLabel: 'Things',
      nameField: { label: 'Thing Name', type: 'Text' },
      fields: {
        Seats__c: number({ label: 'Seats', precision: 5, scale: 0, trackHistory: true }),
        Double__c: formula('Number', 'Seats__c * 2', { label: 'Double', blanks: 'zero' }),
        Big__c: formula('Checkbox', 'Seats__c > 100', { label: 'Big', blanks: 'blank' }),
      },
    });
    const files = await emitObjects({ objects: [Thing] });
    const get = (name: string) => parse(files.find((f) => f.path.endsWith(`/${name}.field-meta.xml`))!.content);
    const double = get('Double__c');
    assert.equal(textOf(double, 'formulaTreatBlanksAs'), 'BlankAsZero');
    assert.deepEqual(
      ['externalId', 'required', 'trackHistory', 'trackTrending', 'unique'].map((k) => textOf(double, k)),
      ['false', 'false', 'false', 'false', 'false'],
    );
    const big = get('Big__c');
    assert.equal(big.formulaTreatBlanksAs, undefined);
    assert.equal(big.required, undefined);
    assert.equal(textOf(big, 'trackTrending'), 'false');
  });
});

describe('the orders a retrieve writes (code unit, not locale)', () => {
  test('permission set lists, and every object permission with viewAllFields false', () => {
    each('.permissionset-meta.xml', (file, xml) => {
      const keys: [string, string][] = [
        ['classAccesses', 'apexClass'],
        ['customMetadataTypeAccesses', 'name'],
        ['customPermissions', 'name'],
        ['fieldPermissions', 'field'],
        ['objectPermissions', 'object'],
        ['recordTypeVisibilities', 'recordType'],
        ['userPermissions', 'name'],
      ];
      for (const [element, key] of keys)
        assert.ok(isSorted(list(xml, element).map((e) => textOf(e, key)!)), `${file.path}: ${element}`);
      for (const permission of list(xml, 'objectPermissions'))
        assert.equal(textOf(permission, 'viewAllFields'), 'false', file.path);
    });
  });

  test('a permission set group says hasActivationRequired false and lists its sets in order', () => {
    each('.permissionsetgroup-meta.xml', (file, xml) => {
      assert.equal(textOf(xml, 'hasActivationRequired'), 'false', file.path);
      assert.ok(isSorted(list(xml, 'permissionSets') as unknown as string[]), file.path);
    });
  });

  test('custom metadata values by field; numbers written as the API writes a double', () => {
    each('.md-meta.xml', (file, xml) => {
      const values = list(xml, 'values');
      assert.ok(isSorted(values.map((v) => textOf(v, 'field')!)), file.path);
      for (const v of values) {
        const value = (v.value as Xml[])[0]!;
        if (value['@_xsi:type'] === 'xsd:double')
          assert.match(String(value['#text']), /^-?\d+\.\d+(E-?\d+)?$/, file.path);
      }
    });
  });

  test('record type picklist values and Path steps in order', () => {
    each('.recordType-meta.xml', (file, xml) => {
      assert.ok(isSorted(list(xml, 'picklistValues').map((p) => textOf(p, 'picklist')!)), file.path);
      for (const p of list(xml, 'picklistValues'))
        assert.ok(
          isSorted(list(p, 'values').map((v) => textOf(v, 'fullName')!)),
          `${file.path}: ${textOf(p, 'picklist')}`,
        );
    });
    each('.pathAssistant-meta.xml', (file, xml) => {
      assert.ok(isSorted(list(xml, 'pathAssistantSteps').map((s) => textOf(s, 'picklistValueName')!)), file.path);
    });
  });

  test('a sales process lists its stages in order with no default; a lead process defaults to its first status', async () => {
    const sales = businessProcess('Opportunity', 'Sales', { values: ['Qualify', 'Negotiate & Close', 'Closed Won'] });
    const leads = businessProcess('Lead', 'Leads', { values: ['Open', 'Working', 'Converted'] });
    const files = await emitStages({ businessProcesses: [sales, leads], paths: [] } as never);
    const valuesOf = (object: string) =>
      list(parse(files.find((f) => f.path.includes(`/objects/${object}/`))!.content), 'values').map(
        (v) => `${textOf(v, 'fullName')}=${textOf(v, 'default')}`,
      );
    assert.deepEqual(valuesOf('Opportunity'), ['Closed Won=false', 'Negotiate %26 Close=false', 'Qualify=false']);
    assert.deepEqual(valuesOf('Lead'), ['Converted=false', 'Open=true', 'Working=false']);
  });
});

describe('names and values as a retrieve spells them', () => {
  test('picklist values inside record types and processes: percent-encoded but letters, digits, space, _ and -', () => {
    // Spellings seen in retrieved files (API 66 and older).
    assert.equal(metadataValueName('Harmoni Towers 3.0'), 'Harmoni Towers 3%2E0');
    assert.equal(metadataValueName('N/A'), 'N%2FA');
    assert.equal(metadataValueName('AssetCo, LLC'), 'AssetCo%2C LLC');
    assert.equal(metadataValueName('Easement (Day 1)'), 'Easement %28Day 1%29');
    assert.equal(metadataValueName("didn't"), 'didn%27t');
    assert.equal(metadataValueName('1M+'), '1M%2B');
    assert.equal(metadataValueName('A（差戻）'), 'A%EF%BC%88差戻%EF%BC%89');
    assert.equal(metadataValueName('Closed - Successful'), 'Closed - Successful');
    assert.equal(metadataValueName('Mid_Market çü'), 'Mid_Market çü');
  });

  test('a record type writes its values encoded and sorted; profiles list default record types in order', async () => {
    const Deal = standardObject('Opportunity', {
      fields: {
        Band__c: picklist({ label: 'Band', values: ['Under 1M', '1M+', '(none)'], default: '1M+' }),
      },
    });
    const model = {
      objects: [Deal],
      globalValueSets: [],
      recordTypes: [
        recordType(Deal, 'Zeta', { label: 'Zeta', defaultForProfiles: ['Standard'] }),
        recordType({ apiName: 'Account' }, 'Alpha', { label: 'Alpha', defaultForProfiles: ['Standard'] }),
      ],
    };
    const files = await emitRecordTypes(model as never);
    const zeta = parse(files.find((f) => f.path.endsWith('/Zeta.recordType-meta.xml'))!.content);
    assert.deepEqual(
      list(list(zeta, 'picklistValues')[0]!, 'values').map((v) => `${textOf(v, 'fullName')}=${textOf(v, 'default')}`),
      ['%28none%29=false', '1M%2B=true', 'Under 1M=false'],
    );
    const profile = parse(files.find((f) => f.path.endsWith('/Standard.profile-meta.xml'))!.content);
    assert.deepEqual(
      list(profile, 'recordTypeVisibilities').map((v) => textOf(v, 'recordType')),
      ['Account.Alpha', 'Opportunity.Zeta'],
    );
  });

  test('a custom metadata record writes every field of its type, nil where it holds no value', async () => {
    const Cap = customMetadataType('Cap__mdt', {
      label: 'Cap',
      pluralLabel: 'Caps',
      fields: {
        Limit__c: number({ label: 'Limit', precision: 10, scale: 2 }),
        Active__c: checkbox({ label: 'Active' }),
        Queue__c: text({ label: 'Queue', length: 40 }),
      },
    });
    const record = customMetadataRecord(Cap, 'Big', { label: 'Big', values: { Limit__c: 20000000, Active__c: true } });
    const [file] = await emitCustomMetadata({ objects: [Cap], customMetadataRecords: [record] } as never);
    assert.match(file!.content, /<field>Active__c<\/field>\n {8}<value xsi:type="xsd:boolean">true<\/value>/);
    assert.match(file!.content, /<field>Limit__c<\/field>\n {8}<value xsi:type="xsd:double">2\.0E7<\/value>/);
    assert.match(file!.content, /<field>Queue__c<\/field>\n {8}<value xsi:nil="true"\/>/);
  });

  test('doubles as Java writes them', () => {
    assert.deepEqual([25, 0, -3, 0.5, 0.001, 9999999, 10000000, 12345678.5, 0.00015].map(javaDouble), [
      '25.0',
      '0.0',
      '-3.0',
      '0.5',
      '0.001',
      '9999999.0',
      '1.0E7',
      '1.23456785E7',
      '1.5E-4',
    ]);
  });

  test('LeadConvertSettings is written under the name a retrieve gives it', () => {
    for (const [name] of models)
      assert.ok(
        generated
          .get(name)!
          .some((f) => f.path === `${G}/LeadConvertSettings/LeadConvertSettings.LeadConvertSetting-meta.xml`),
        name,
      );
  });

  test('a duplicate rule without description writes it nil, as a retrieve does', () => {
    each('.duplicateRule-meta.xml', (file, xml) => {
      const description = (xml.description as unknown[])[0];
      assert.ok(typeof description === 'string' || (description as Xml)['@_xsi:nil'] === 'true', file.path);
    });
  });
});
