/**
 * The registry of metadata families (scripts/families/registry.ts): its shape, and the recipe
 * for adding a family worked through end to end with the custom-labels fixture family
 * (tests/fixtures/custom-labels-family/), which reaches generate, the checks and the catalogue
 * through the family list alone.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DOCS_ROOT } from '../scripts/core/catalogue.ts';
import { GENERATED_ROOT } from '../scripts/core/family.ts';
import { renderCatalogue } from '../scripts/docs/catalogue.ts';
import { FAMILIES, defineModel, defineModelOf, type RevOpsModel } from '../scripts/families/registry.ts';
import { generateFiles } from '../scripts/metadata/generate.ts';
import { formatIssue, validateModel } from '../scripts/model/validate.ts';
import { customLabel, customLabelsFamily, type CustomLabelsModel } from './fixtures/custom-labels-family/index.ts';
import fixture from './fixtures/every-kind/model.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FAMILIES_DIR = join(ROOT, 'scripts', 'families');
const FILE = 'tests/families.test.ts';
const nextLine = () => Number(/families\.test\.ts:(\d+)/.exec(new Error().stack!.split('\n')[2]!)![1]) + 1;

const WITH_LABELS = [...FAMILIES, customLabelsFamily];
type LabelledModel = RevOpsModel & CustomLabelsModel;
const withLabels = (labels: CustomLabelsModel['customLabels']) =>
  defineModelOf<LabelledModel>(WITH_LABELS, fixture, { customLabels: labels });
const OPTIONS = { apiVersion: '66.0' };

describe('the registry', () => {
  test('each family is a folder of scripts/families with an index.ts', async () => {
    for (const family of FAMILIES) {
      const index = join(ROOT, 'scripts/families', family.name, 'index.ts');
      assert.ok((await stat(index)).isFile(), `${family.name}: ${index}`);
    }
    const folders = (await readdir(join(ROOT, 'scripts/families'), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    assert.deepEqual(folders, FAMILIES.map((f) => f.name).sort(), 'every folder is registered, and only once');
  });

  test('every model section belongs to exactly one family', () => {
    const owners = new Map<string, string[]>();
    for (const family of FAMILIES)
      for (const section of Object.keys(family.sections))
        owners.set(section, [...(owners.get(section) ?? []), family.name]);
    for (const [section, families] of owners) assert.equal(families.length, 1, `${section}: ${families.join(', ')}`);
    assert.ok(owners.has('objects') && owners.has('validationRules') && owners.has('flows'));
  });

  test('outside scripts/families, code reaches a family only through the registry', async () => {
    const entries = await readdir(join(ROOT, 'scripts'), { withFileTypes: true, recursive: true });
    const offenders: string[] = [];
    for (const e of entries) {
      const path = join(e.parentPath, e.name);
      if (!e.isFile() || !e.name.endsWith('.ts') || path.includes('/scripts/families/')) continue;
      const text = await readFile(path, 'utf8');
      // Imports that resolve into scripts/families/ (other folders may be called families too).
      const targets = [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => resolve(dirname(path), m[1]!));
      if (targets.some((t) => t.startsWith(FAMILIES_DIR) && t !== join(FAMILIES_DIR, 'registry.ts')))
        offenders.push(path.slice(ROOT.length));
    }
    assert.deepEqual(offenders, []);
  });

  test('defineModel rejects a section no family owns, and a single section given twice', () => {
    assert.throws(
      () => defineModel({ validationRules: [] }, { objectz: [] } as never),
      /no metadata family has a section "objectz"/,
    );
    assert.throws(
      () => defineModel({ leadConvert: fixture.leadConvert }, { leadConvert: fixture.leadConvert }),
      /"leadConvert" is defined twice/,
    );
  });
});

describe('adding a family through the registry alone (custom labels)', () => {
  const labels = [
    customLabel('Stage_Gate_Title', { value: 'What is missing to advance', description: 'Checklist card title' }),
    customLabel('Risk_Panel_Title', { value: 'Deal risk', description: 'Risk panel title', locked: true }),
  ];

  test("generate writes the family's metadata in the XML a retrieve writes", async () => {
    const files = await generateFiles(withLabels(labels), OPTIONS, WITH_LABELS);
    const file = files.find((f) => f.path === `${GENERATED_ROOT}/labels/CustomLabels.labels-meta.xml`);
    assert.equal(
      file?.content,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">',
        '    <labels>',
        '        <fullName>Risk_Panel_Title</fullName>',
        '        <language>en_US</language>',
        '        <protected>true</protected>',
        '        <shortDescription>Risk panel title</shortDescription>',
        '        <value>Deal risk</value>',
        '    </labels>',
        '    <labels>',
        '        <fullName>Stage_Gate_Title</fullName>',
        '        <language>en_US</language>',
        '        <protected>true</protected>',
        '        <shortDescription>Checklist card title</shortDescription>',
        '        <value>What is missing to advance</value>',
        '    </labels>',
        '</CustomLabels>',
        '',
      ].join('\n'),
    );
  });

  test("the catalogue gets the family's page, a link and a summary row on the front page", () => {
    const pages = renderCatalogue(withLabels(labels), WITH_LABELS);
    const page = pages.find((p) => p.path === `${DOCS_ROOT}/custom-labels.md`);
    assert.match(page?.content ?? '', /\| `Risk_Panel_Title` \| Deal risk \| Risk panel title \|/);
    const front = pages.find((p) => p.path === `${DOCS_ROOT}/README.md`)!.content;
    assert.match(front, /- \[Custom labels\]\(custom-labels\.md\): text that Apex and LWC read by name/);
    assert.match(front, /\| \[Custom labels\]\(custom-labels\.md\) \| 2 \| 🔒 1 \|/);
  });

  test("the family's checks run with every other family's, pointing at the model line", async () => {
    const at = nextLine();
    const tooLong = customLabel('Too_Long', { value: 'x'.repeat(1001), description: 'too long' });
    const issues = validateModel(withLabels([tooLong]), WITH_LABELS);
    assert.deepEqual(issues.map(formatIssue), [
      `  ${FILE}:${at}: CustomLabel Too_Long: value is 1001 characters; the limit is 1000`,
    ]);
    await assert.rejects(generateFiles(withLabels([tooLong]), OPTIONS, WITH_LABELS), /CustomLabel Too_Long/);
  });

  test('every other file is the same with or without the family', async () => {
    const without = await generateFiles(fixture, OPTIONS);
    const withFamily = new Map((await generateFiles(withLabels(labels), OPTIONS, WITH_LABELS)).map((f) => [f.path, f]));
    for (const file of without) {
      if (file.path === `${DOCS_ROOT}/README.md`) continue;
      assert.equal(withFamily.get(file.path)?.content, file.content, file.path);
    }
    assert.equal(withFamily.size, without.length + 2, 'the labels file and the labels page');
  });
});
