/**
 * The territories family: the ETM files as a retrieve writes them (SDR's folders and suffixes,
 * WSDL element order: Territory2 access levels, name, parentTerritory, ruleAssociations with
 * inherited before ruleName, territory2Type; rule items field/operation/value), and the model
 * checks (fiscal-year boundary, overlay cap, rule items, hierarchy).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRequire } from 'node:module';
import model from '../../model/index.ts';
import { territory, territoryChange, type RevOpsModel, type TerritoryDesignDef } from '../../scripts/dsl/index.ts';
import { emitTerritories } from '../../scripts/families/territories/emit.ts';
import { formatIssue, validateModel } from '../../scripts/model/validate.ts';

const design = model.territoryDesign!;
const withDesign = (d: Partial<TerritoryDesignDef>): RevOpsModel => ({
  ...model,
  territoryDesign: { ...design, ...d },
});
const issues = (m: RevOpsModel) => validateModel(m).map(formatIssue);

test('the bundled model is valid and defines Geo + Segment + Vertical and named-account territories', () => {
  assert.deepEqual(issues(model), []);
  assert.deepEqual(
    design.types.map((t) => t.name),
    ['Geo', 'Segment', 'Vertical', 'Named_Account'],
  );
  const regulated = design.territories.find((t) => t.name === 'NA_ENT_Regulated')!;
  assert.deepEqual(
    regulated.rule!.map((i) => i.field),
    ['Geo__c', 'Segment__c', 'Vertical__c'],
  );
  assert.ok(design.territories.some((t) => t.named));
});

test('files go where source-deploy-retrieve expects them', async () => {
  const registry = createRequire(import.meta.url)(
    '@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json',
  );
  const files = (await emitTerritories(model)).map((f) => f.path);
  const root = 'force-app/generated';
  assert.equal(registry.types.territory2model.directoryName, 'territory2Models');
  assert.equal(registry.types.territory2.directoryName, 'territories');
  assert.equal(registry.types.territory2rule.directoryName, 'rules');
  assert.equal(registry.types.territory2type.directoryName, 'territory2Types');
  assert.ok(files.includes(`${root}/territory2Models/RevOps_FY2026/RevOps_FY2026.territory2Model-meta.xml`));
  assert.ok(files.includes(`${root}/territory2Models/RevOps_FY2026/territories/NA_ENT.territory2-meta.xml`));
  assert.ok(files.includes(`${root}/territory2Models/RevOps_FY2026/rules/NA_MM_Rule.territory2Rule-meta.xml`));
  assert.ok(files.includes(`${root}/territory2Types/Named_Account.territory2Type-meta.xml`));
  // One rule per territory that has one; roll-ups and named books have none.
  assert.equal(
    files.filter((f) => f.endsWith('.territory2Rule-meta.xml')).length,
    design.territories.filter((t) => t.rule).length,
  );
});

test('Territory2 and Territory2Rule: element order and defaults pinned', async () => {
  const files = await emitTerritories(model);
  const get = (suffix: string) => files.find((f) => f.path.endsWith(suffix))!.content;
  assert.equal(
    get('/territories/APAC_MM.territory2-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<Territory2 xmlns="http://soap.sforce.com/2006/04/metadata">
    <accountAccessLevel>Edit</accountAccessLevel>
    <caseAccessLevel>None</caseAccessLevel>
    <contactAccessLevel>Read</contactAccessLevel>
    <name>APAC Mid-market</name>
    <opportunityAccessLevel>Edit</opportunityAccessLevel>
    <parentTerritory>APAC</parentTerritory>
    <ruleAssociations>
        <inherited>false</inherited>
        <ruleName>APAC_MM_Rule</ruleName>
    </ruleAssociations>
    <territory2Type>Segment</territory2Type>
</Territory2>
`,
  );
  assert.equal(
    get('/rules/APAC_MM_Rule.territory2Rule-meta.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<Territory2Rule xmlns="http://soap.sforce.com/2006/04/metadata">
    <active>true</active>
    <name>APAC Mid-market accounts</name>
    <objectType>Account</objectType>
    <ruleItems>
        <field>Account.Geo__c</field>
        <operation>equals</operation>
        <value>APAC</value>
    </ruleItems>
    <ruleItems>
        <field>Account.Segment__c</field>
        <operation>equals</operation>
        <value>MM</value>
    </ruleItems>
</Territory2Rule>
`,
  );
  assert.match(
    get('/Geo.territory2Type-meta.xml'),
    /<description>.*<\/description>\n {4}<name>Geo<\/name>\n {4}<priority>10<\/priority>/s,
  );
});

test('fiscal-year rule: a mid-year change without an exception fails, naming the component', () => {
  const midYear = territoryChange('NA_MM', { effective: '2026-06-15', summary: 'Move NA mid-market to a new AE' });
  const found = issues(withDesign({ changes: [midYear] }));
  assert.equal(found.length, 1, found.join('\n'));
  assert.match(found[0]!, /Territory change NA_MM 2026-06-15: effective 2026-06-15 is mid fiscal year/);
  assert.match(found[0]!, /tests\/territory\/family\.test\.ts/);
});

test('fiscal-year rule: boundary changes and recorded exceptions pass; unlisted reasons and empty records fail', () => {
  const ok = [
    territoryChange('NA_MM', { effective: '2027-01-01', summary: 'FY2027 realignment' }),
    territoryChange('NA_MM', {
      effective: '2026-06-15',
      summary: 'AE promoted',
      exception: { reason: 'Promotion', record: 'RFC-0042' },
    }),
  ];
  assert.deepEqual(issues(withDesign({ changes: ok })), []);
  const reorg = territoryChange('NA_MM', {
    effective: '2026-06-15',
    summary: 'reorg',
    exception: { reason: 'Reorg' as 'Promotion', record: 'RFC-1' },
  });
  assert.match(
    issues(withDesign({ changes: [reorg] })).join('\n'),
    /exception reason Reorg is not one the model allows/,
  );
  const noRecord = territoryChange('NA_MM', {
    effective: '2026-06-15',
    summary: 'x',
    exception: { reason: 'Termination', record: ' ' },
  });
  assert.match(issues(withDesign({ changes: [noRecord] })).join('\n'), /names no record/);
  const unknown = territoryChange('NA_XX', { effective: '2027-01-01', summary: 'x' });
  assert.match(issues(withDesign({ changes: [unknown] })).join('\n'), /territory NA_XX is not in the model/);
  // A fiscal year starting in February moves the boundary.
  assert.match(issues(withDesign({ fiscalYearStartMonth: 2, changes: [ok[0]!] })).join('\n'), /starts 1 February/);
});

test('overlay roles are capped at 4 AEs; rule items must name Account picklist values; leaves must cover accounts', () => {
  const five = issues(withDesign({ overlayRoles: [{ name: 'Solutions_Engineer', label: 'SE', maxAEs: 5 }] }));
  assert.match(five.join('\n'), /Overlay role Solutions_Engineer: covers up to 5 AEs; the blueprint allows 1 to 4/);
  const type = design.types[1]!;
  const badValue = territory('NA_XL', {
    label: 'XL',
    type,
    rule: [{ field: 'Segment__c', operation: 'equals', values: ['XL'] }],
  });
  assert.match(
    issues(withDesign({ territories: [...design.territories, badValue] })).join('\n'),
    /"XL" is not a value of the picklist/,
  );
  const badField = territory('NA_YY', {
    label: 'YY',
    type,
    rule: [{ field: 'Nope__c', operation: 'equals', values: ['x'] }],
  });
  assert.match(
    issues(withDesign({ territories: [...design.territories, badField] })).join('\n'),
    /Territory2Rule RevOps_FY2026\.NA_YY_Rule/,
  );
  const empty = territory('Empty_Leaf', { label: 'Empty', type });
  assert.match(
    issues(withDesign({ territories: [...design.territories, empty] })).join('\n'),
    /would cover no account/,
  );
  const weights = issues(
    withDesign({ balancing: { addressableAccounts: 30, revenuePotential: 30, pipeline: 30, density: 20 } }),
  );
  assert.match(weights.join('\n'), /must be non-negative and sum to 100/);
});

test('a locked territory design locks its ETM components: changing them needs a governance RFC', async () => {
  const { lockedComponentsOf } = await import('../../scripts/change/locked.ts');
  const { FAMILIES } = await import('../../scripts/families/registry.ts');
  const locked = lockedComponentsOf(model as never, FAMILIES);
  for (const key of [
    'Territory2Model:RevOps_FY2026',
    'Territory2Type:Vertical',
    'Territory2:RevOps_FY2026.Worldwide',
    'Territory2Rule:RevOps_FY2026.NA_MM_Rule',
  ])
    assert.ok(locked.has(key), key);
  assert.ok(!locked.has('Territory2Rule:RevOps_FY2026.Worldwide_Rule'), 'roll-ups have no rule');
  const unlocked = lockedComponentsOf({ ...model, territoryDesign: { ...design, locked: false } } as never, FAMILIES);
  assert.ok(![...unlocked].some((k) => k.startsWith('Territory2')));
});
