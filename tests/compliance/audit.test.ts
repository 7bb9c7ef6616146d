/** Audit trails: a trail's history fields must track history, within Salesforce's 20 per object. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { historyTrail, number, standardObject, type RevOpsModel } from '../../scripts/dsl/index.ts';
import { validateModel } from '../../scripts/model/validate.ts';
import model from '../../model/index.ts';

const messages = (m: RevOpsModel) => validateModel(m).map((i) => `${i.component}: ${i.message}`);

describe('audit trails', () => {
  test('a field of a history trail that does not track history fails', () => {
    const m: RevOpsModel = {
      ...model,
      auditTrails: [
        ...model.auditTrails,
        historyTrail('Term Deviation', 'x', [{ object: 'Opportunity', field: 'Term_Months__c' }]),
      ],
    };
    assert.deepEqual(messages(m), [
      'AuditTrail Term Deviation: Opportunity.Term_Months__c does not track history: set trackHistory on it (at most 20 per object)',
    ]);
  });

  test('more than 20 tracked fields on an object fail', () => {
    const campaign = model.objects.find((o) => o.apiName === 'Campaign')!;
    const extra = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `Tracked_${i}__c`,
        number({ label: `T${i}`, precision: 3, scale: 0, trackHistory: true }),
      ]),
    );
    const Campaign = standardObject('Campaign', { fields: { ...campaign.fields, ...extra } });
    const m: RevOpsModel = { ...model, objects: [...model.objects.filter((o) => o !== campaign), Campaign] };
    assert.deepEqual(messages(m), [
      'CustomObject Campaign: 21 fields track history; Salesforce allows at most 20 per object',
    ]);
  });

  test('the model’s trails pass', () => assert.deepEqual(messages(model), []));
});
