/**
 * The role model against its documented intent (docs/roles.md): every role × object × CRUD cell,
 * the governed fields and the permissions; and separation of duties.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import model from '../model/index.ts';
import { DealDesk, ForecastOverride, GovernanceBypass } from '../model/governance/permissions.ts';
import type { RevOpsModel } from '../scripts/dsl/index.ts';
import { rolesOf, tableAfter, type Role } from './role-matrix.ts';

const doc = readFileSync(new URL('../docs/roles.md', import.meta.url), 'utf8');
const roles = rolesOf(model);
const groupOf = (column: string) => `RevOps_${column}_Role`;
const role = (column: string): Role => {
  const r = roles.find((x) => x.group === groupOf(column));
  assert.ok(r, `docs/roles.md has a column ${column}, but the model has no group ${groupOf(column)}`);
  return r;
};
const list = (cell: string) => (cell ? cell.split(',').map((x) => x.trim()) : []).sort();

describe('the role model matches docs/roles.md', () => {
  const objects = tableAfter(doc, '## Object access');
  const [, ...columns] = objects[0]!;

  test('every role of the model is a column, and every column a role', () => {
    assert.deepEqual(columns.map(groupOf).sort(), roles.map((r) => r.group).sort());
  });

  test('role × object × create/read/edit/delete/view all/modify all', () => {
    const documented = new Set<string>();
    for (const [object, ...cells] of objects.slice(1)) {
      documented.add(object!);
      cells.forEach((cell, i) =>
        assert.equal(role(columns[i]!).objects.get(object!) ?? '', cell, `${columns[i]} on ${object}`),
      );
    }
    const granted = new Set(roles.flatMap((r) => [...r.objects.keys()]));
    assert.deepEqual(
      [...granted].filter((o) => !documented.has(o)),
      [],
      'objects granted but not documented',
    );
  });

  test('the governed fields: edit, read or none per role', () => {
    const fields = tableAfter(doc, '## Governed fields');
    const [, ...cols] = fields[0]!;
    assert.deepEqual(cols, columns);
    for (const [field, ...cells] of fields.slice(1))
      cells.forEach((cell, i) => assert.equal(role(cols[i]!).fields.get(field!) ?? '', cell, `${cols[i]} on ${field}`));
  });

  test('custom and system permissions per role', () => {
    for (const [column, custom, system] of tableAfter(doc, '## Custom and system permissions').slice(1)) {
      assert.deepEqual([...role(column!).customPermissions].sort(), list(custom!), `${column} custom permissions`);
      assert.deepEqual([...role(column!).userPermissions].sort(), list(system!), `${column} system permissions`);
    }
  });
});

/** The conflicts a role (or a user holding several roles' sets) must never combine. */
function dutyConflicts(r: Role): string[] {
  const has = (p: string) => r.customPermissions.has(p);
  const modifyAll = [...r.objects.entries()].filter(([, a]) => a.includes('M')).map(([o]) => o);
  return [
    has(GovernanceBypass.name) && has(DealDesk.name) ? 'bypass with deal-desk approval' : '',
    has(DealDesk.name) && modifyAll.length ? `deal-desk approval with Modify All on ${modifyAll.join(', ')}` : '',
    has(DealDesk.name) && has(ForecastOverride.name) ? 'deal-desk approval with forecast overrides' : '',
    has(DealDesk.name) && r.objects.get('Opportunity')?.includes('C') ? 'deal-desk approval while creating deals' : '',
  ].filter(Boolean);
}

describe('separation of duties', () => {
  test('no role combines bypass, deal-desk approval, Modify All, forecast overrides or selling', () => {
    for (const r of roles) assert.deepEqual(dutyConflicts(r), [], r.group);
  });

  test('the check catches a role that combines them (so the test above can fail)', () => {
    const admin = roles.find((r) => r.group === 'RevOps_Admin_Role')!;
    const tainted: Role = { ...admin, customPermissions: new Set([...admin.customPermissions, DealDesk.name]) };
    assert.deepEqual(dutyConflicts(tainted), [
      'bypass with deal-desk approval',
      `deal-desk approval with Modify All on ${[...admin.objects]
        .filter(([, a]) => a.includes('M'))
        .map(([o]) => o)
        .join(', ')}`,
      'deal-desk approval while creating deals',
    ]);
  });

  test('the bypass is audited: every object whose rules it lifts is stamped by a before-save flow', () => {
    const bypassed = new Set(
      model.validationRules
        .filter((v) => v.formula.includes(`$Permission.${GovernanceBypass.name}`))
        .map((v) => v.object),
    );
    // Forecasting's registries (merged from issue 14) are not stamped yet: listed so a new object is not missed.
    const notYetAudited = [
      'Forecast_Period__c',
      'Forecast_Quota__c',
      'Forecast_Submission__c',
      'Forecast_Snapshot__c',
      'POC__c',
      // Salesforce keeps no field history on opportunity products, so the stamp could not keep its history.
      'OpportunityLineItem',
      // Quote lines, likewise: field history on them is not established offline (as for Quote below).
      'QuoteLineItem',
      // Quote field history (which the stamp needs) is not established offline: stamped once an org shows Quote tracks history.
      'Quote',
    ];
    for (const object of [...bypassed].filter((o) => !notYetAudited.includes(o))) {
      const def = model.objects.find((o) => o.apiName === object)!;
      assert.ok(def.fields.Last_Governance_Bypass__c, `${object} has no Last_Governance_Bypass__c`);
      assert.equal(def.fields.Last_Governance_Bypass__c!.trackHistory, true, `${object}: the stamp keeps its history`);
      const flow = (model as RevOpsModel).flows.find(
        (f) =>
          f.active &&
          f.start.type === 'recordTriggered' &&
          f.start.object === object &&
          f.start.timing === 'BeforeSave' &&
          f.start.on === 'CreateAndUpdate' &&
          JSON.stringify(f.steps).includes('Last_Governance_Bypass__c'),
      );
      assert.ok(flow, `no flow stamps ${object}.Last_Governance_Bypass__c`);
    }
  });

  test('only holders of the bypass may write the bypass stamp', () => {
    for (const r of roles)
      for (const [field, access] of r.fields)
        if (field.endsWith('.Last_Governance_Bypass__c') && access === 'edit')
          assert.ok(r.customPermissions.has(GovernanceBypass.name), `${r.group} may edit ${field}`);
  });
});
