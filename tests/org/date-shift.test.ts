/**
 * A dataset is generated as of its anchor date; the loader moves its dates to the load day, so
 * renewal windows and next-step dates are as fresh in the org as they were in the dataset.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { daysSinceAnchor, shiftDates } from '../../scripts/org/dataset.ts';
import { loadDataset } from '../../scripts/org/loader.ts';
import { SalesforceApiDouble } from './salesforce-api-double.ts';
import { FIXTURE_RELATIONSHIPS, resolveFixtureRelationship, writeFixtureDataset } from './dataset-fixture.ts';

const manifest = (anchorDate?: string) => ({ format: 'revops-dataset/1' as const, objects: [], anchorDate });

describe('date shift', () => {
  test('counts whole UTC days from the anchor to today', () => {
    assert.equal(daysSinceAnchor(manifest('2026-12-01'), new Date('2026-12-11T23:59:00Z')), 10);
    assert.equal(daysSinceAnchor(manifest('2026-12-01'), new Date('2026-11-30T00:00:00Z')), -1);
    assert.equal(daysSinceAnchor(manifest(), new Date()), 0, 'no anchor: no shift');
    assert.throws(() => daysSinceAnchor(manifest('1st of December'), new Date()), /anchorDate "1st of December"/);
  });

  test('moves dates and datetimes of the named fields only, across month and year ends', () => {
    const record = {
      CloseDate: '2026-12-25',
      MQL_Date__c: '2026-12-31T23:30:00.000Z',
      Name: '2026-12-25',
      Other: null,
    };
    const shifted = shiftDates(record, new Set(['CloseDate', 'MQL_Date__c', 'Other']), 10);
    assert.deepEqual(shifted, {
      CloseDate: '2027-01-04',
      MQL_Date__c: '2027-01-10T23:30:00.000Z',
      Name: '2026-12-25',
      Other: null,
    });
    assert.equal(record.CloseDate, '2026-12-25', 'the input record is not changed');
    assert.equal(shiftDates(record, new Set(['CloseDate']), 0), record);
  });

  test('the loader sends shifted dates to the API', async () => {
    const double = await SalesforceApiDouble.start({ relationships: FIXTURE_RELATIONSHIPS });
    const dataset = await writeFixtureDataset({ accounts: 4, contacts: 4, opportunities: 6 });
    const out = await mkdtemp(join(tmpdir(), 'revops-shift-'));
    try {
      const result = await loadDataset(double.connection(), {
        dataset,
        targetOrg: 'admin@test-double.example',
        resolveRelationship: resolveFixtureRelationship,
        outDir: out,
        dateShift: { days: 30, fields: (sobject) => new Set(sobject === 'Opportunity' ? ['CloseDate'] : []) },
      });
      assert.ok(result.ok);
      const closeDates = [...double.table('Opportunity').values()].map((r) => r.fields.CloseDate);
      assert.ok(closeDates.length > 0);
      for (const d of closeDates) assert.equal(d, '2026-04-30', 'fixture close date 2026-03-31 moved by 30 days');
    } finally {
      await double.close();
      await rm(out, { recursive: true, force: true });
      await rm(dataset, { recursive: true, force: true });
    }
  });
});
