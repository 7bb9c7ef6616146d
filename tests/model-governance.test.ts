/**
 * The real model keeps the governance promises of the blueprint (issue 4): least privilege,
 * stage gates, a single bypass, history on governed fields, loadable objects.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import model from '../model/index.ts';
import { dataObjects } from '../model/data-objects.ts';

const rule = (object: string, name: string) =>
  model.validationRules.find((r) => r.object === object && r.name === name);

describe('least privilege', () => {
  test('no View All or Modify All outside the RevOps admin set', () => {
    for (const set of model.permissionSets) {
      for (const [object, a] of Object.entries(set.objects)) {
        if (set.name === 'RevOps_Admin') continue;
        assert.equal(a.viewAll || a.modifyAll, false, `${set.name} has View/Modify All on ${object}`);
      }
    }
  });

  test('only the admin holds the governance bypass; only Finance/Legal the deal desk (separation of duties)', () => {
    const holders = (p: string) =>
      model.permissionSets.filter((s) => s.customPermissions.includes(p)).map((s) => s.name);
    assert.deepEqual(holders('RevOps_Governance_Bypass'), ['RevOps_Admin']);
    assert.deepEqual(holders('RevOps_Deal_Desk').sort(), ['RevOps_Finance_Legal']);
  });

  test('role scopes follow the blueprint: SDR edits leads, AE opportunities, Sales Ops accounts, Finance contracts', () => {
    const set = (name: string) => model.permissionSets.find((s) => s.name === name)!;
    assert.equal(set('RevOps_SDR').objects.Lead?.edit, true);
    // The SDR converts qualified leads, which creates the deal; editing it is the AE's.
    assert.equal(set('RevOps_SDR').objects.Opportunity?.edit, false);
    assert.equal(set('RevOps_SDR').objects.Opportunity?.create, true);
    assert.deepEqual(set('RevOps_SDR').userPermissions, ['ConvertLeads']);
    assert.equal(set('RevOps_Account_Executive').objects.Opportunity?.edit, true);
    assert.equal(set('RevOps_Account_Executive').objects.Account?.edit, false);
    assert.equal(set('RevOps_Sales_Ops').objects.Account?.edit, true);
    // Sales Ops reassigns deals: edit on the object, through sharing, with no deal field editable.
    assert.equal(set('RevOps_Sales_Ops').objects.Opportunity?.edit, true);
    assert.deepEqual(
      set('RevOps_Sales_Ops').fields.filter((f) => f.field.object === 'Opportunity' && f.edit),
      [],
    );
    assert.ok(set('RevOps_Sales_Ops').userPermissions.includes('TransferAnyEntity'));
    assert.equal(set('RevOps_Finance_Legal').objects.Contract?.edit, true);
    const financeOppEdits = set('RevOps_Finance_Legal').fields.filter(
      (f) => f.field.object === 'Opportunity' && f.edit,
    );
    // The deal desk decides approvals and names the approvers of the matrix (quote-to-cash).
    assert.deepEqual(financeOppEdits.map((f) => f.field.field).sort(), [
      'CRO_Approver__c',
      'Deal_Desk_Approver__c',
      'Discount_Approval_Status__c',
      'Finance_Approver__c',
    ]);
    const aeApproval = set('RevOps_Account_Executive').fields.find(
      (f) => f.field.field === 'Discount_Approval_Status__c',
    );
    // AEs request approval (Pending); approving or rejecting is the deal desk's, enforced by a rule.
    assert.equal(aeApproval?.edit, true, 'AEs can request approval');
    const decision = model.validationRules.find((r) => r.name === 'Discount_Approval_By_Deal_Desk');
    assert.match(decision?.formula ?? '', /NOT\(\$Permission\.RevOps_Deal_Desk\)/);
  });

  test('the admin set reaches every custom field of every object it manages', () => {
    const admin = model.permissionSets.find((s) => s.name === 'RevOps_Admin')!;
    const granted = new Set(admin.fields.map((f) => `${f.field.object}.${f.field.field}`));
    for (const object of model.objects.filter((o) => Object.hasOwn(admin.objects, o.apiName))) {
      for (const [name, field] of Object.entries(object.fields)) {
        if (field.required || field.type === 'MasterDetail') continue;
        assert.ok(granted.has(`${object.apiName}.${name}`), `admin lacks ${object.apiName}.${name}`);
      }
    }
  });
});

describe('stage governance', () => {
  test('every open stage has exit criteria, and closing won needs the commercial terms, procurement path and discount', () => {
    const stages = model.opportunityStages!.stages;
    for (const s of stages.filter((x) => !x.closed)) assert.ok(s.exit.length > 0, `${s.name} has no exit criteria`);
    const commercials = stages.find((s) => s.name === 'Commercials')!;
    assert.deepEqual(commercials.exit.map((c) => c.field.field).sort(), [
      'ARR__c',
      'Contract_Id__c',
      'Contract_Start_Date__c',
      'Discount_Percent__c',
      'Primary_SKU__c',
      'Procurement_Path__c',
      'Seats__c',
      'Signed_Contract__c',
      'Term_Months__c',
    ]);
  });

  test('every governance rule can be bypassed by the one bypass permission and shows its message on a field', () => {
    // An audit event is immutable for everyone: a bypass that could edit the audit log would defeat it.
    const exempt = new Set(['Account.Account_Not_Own_Parent', 'Audit_Event__c.Audit_Events_Are_Immutable']);
    for (const r of model.validationRules) {
      if (exempt.has(`${r.object}.${r.name}`)) continue;
      assert.match(r.formula, /NOT\(\$Permission\.RevOps_Governance_Bypass\)/, `${r.object}.${r.name}`);
      assert.ok(r.errorField, `${r.object}.${r.name} shows its message at the top of the page`);
    }
  });

  test('the rules the issue names exist', () => {
    for (const [object, name] of [
      ['Opportunity', 'Next_Step_Required'],
      ['Opportunity', 'Next_Step_Date_In_Future'],
      ['Opportunity', 'Closed_Lost_Needs_Reason'],
      ['Opportunity', 'Competitor_Loss_Needs_Competitor'],
      ['Opportunity', 'Close_Date_Slip_Needs_Reason'],
      ['Opportunity', 'Stage_Regression_Needs_Reason'],
      ['Opportunity', 'Deal_Naming_Convention'],
      ['Opportunity', 'Discount_Above_Ladder_Needs_Approval'],
      ['Lead', 'Disqualification_Needs_Reason'],
      ['Lead', 'Lead_Source_Original_Immutable'],
      ['Campaign', 'Campaign_Naming_Convention'],
      ['Deal_Exception__c', 'Exception_Expiry_Bounded'],
    ]) {
      assert.ok(rule(object!, name!), `${object}.${name}`);
    }
  });
});

describe('data', () => {
  test('every data object (not custom metadata) has an upsert key', () => {
    // The objects that hold loadable data; routing's own records (seats, decisions, clocks) and
    // User's routing fields are not loaded from a dataset.
    for (const object of dataObjects) {
      const key = object.fields.External_Id__c;
      assert.ok(key && key.type === 'Text' && key.externalId && key.unique, `${object.apiName} lacks External_Id__c`);
    }
  });

  test('governed fields track history', () => {
    const opp = model.objects.find((o) => o.apiName === 'Opportunity')!;
    assert.ok(opp.standard);
    for (const f of ['StageName', 'Amount', 'CloseDate', 'OwnerId', 'NextStep', 'ForecastCategoryName']) {
      assert.equal(opp.standardFields[f]?.trackHistory, true, f);
    }
    for (const f of ['Discount_Percent__c', 'Next_Step_Date__c', 'ARR__c'])
      assert.equal(opp.fields[f]?.trackHistory, true, f);
  });
});
