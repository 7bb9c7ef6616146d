/**
 * Forecast accuracy and the alternative models: the snapshot formula fields (APE, error, coverage)
 * and the Opportunity model fields, evaluated by the formula engine, agree with the offline
 * arithmetic of scripts/forecast/accuracy.ts; MAPE, WAPE and bias on blueprint 003's own example.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FormulaField } from '../../scripts/dsl/index.ts';
import { compileFormula } from '../../scripts/formula/index.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import { ape, bias, forecastModels, mape, wape } from '../../scripts/forecast/accuracy.ts';
import model from '../../model/index.ts';

const schema = buildSchema(model);
const formulaOf = (object: string, name: string) => {
  const def = model.objects.find((o) => o.apiName === object)!.fields[name] as FormulaField;
  const compiled = compileFormula(def.formula, {
    schema,
    object,
    context: 'formulaField',
    returnType: def.returns,
    blankAsZero: def.blanks === 'zero',
    scale: def.scale,
  });
  return (record: Record<string, unknown>) => compiled({ record, now: '2026-12-01T12:00:00Z' });
};

// Blueprint 003's accuracy table: Jan 250k/230k, Feb 280k/310k, Mar 300k/275k.
const QUARTER = [
  { forecast: 250_000, actual: 230_000 },
  { forecast: 280_000, actual: 310_000 },
  { forecast: 300_000, actual: 275_000 },
];

describe('accuracy arithmetic', () => {
  test('MAPE is the mean of the monthly errors of blueprint 003 (8.7 %, 9.7 %, 9.1 %)', () => {
    assert.equal(Number(mape(QUARTER)!.toFixed(4)), 0.0915);
  });

  test('WAPE weighs errors by size; bias is signed (+ over-forecast)', () => {
    assert.equal(Number(wape(QUARTER)!.toFixed(4)), Number((75_000 / 815_000).toFixed(4)));
    assert.equal(Number(bias(QUARTER)!.toFixed(4)), Number((15_000 / 815_000).toFixed(4)));
  });

  test('a zero actual has no percentage error and drops out of MAPE, not out of WAPE', () => {
    assert.equal(ape({ forecast: 10, actual: 0 }), undefined);
    assert.equal(mape([{ forecast: 10, actual: 0 }]), undefined);
    assert.equal(
      wape([
        { forecast: 10, actual: 0 },
        { forecast: 90, actual: 100 },
      ]),
      0.2,
    );
  });
});

describe('snapshot formula fields agree with the offline arithmetic', () => {
  const apeField = formulaOf('Forecast_Snapshot__c', 'APE__c');
  const errorField = formulaOf('Forecast_Snapshot__c', 'Error__c');
  const absField = formulaOf('Forecast_Snapshot__c', 'Abs_Error__c');
  const coverage = formulaOf('Forecast_Snapshot__c', 'Coverage__c');

  for (const p of [...QUARTER, { forecast: 0, actual: 50_000 }, { forecast: 120_000, actual: 30_000 }]) {
    test(`call ${p.forecast} against actual ${p.actual}`, () => {
      const record = { Call__c: p.forecast, Actual__c: p.actual };
      // Percent fields hold percent (8.7 for 8.7 %); the org rounds to the field's scale.
      assert.equal(apeField(record), Number((ape(p)! * 100).toFixed(2)));
      assert.equal(errorField(record), p.forecast - p.actual);
      assert.equal(absField(record), Math.abs(p.forecast - p.actual));
    });
  }

  test('no actual yet: no error terms', () => {
    assert.equal(apeField({ Call__c: 1, Actual__c: null }), null);
    assert.equal(errorField({ Call__c: 1, Actual__c: null }), null);
  });

  test('coverage is open pipeline over the quota still to close', () => {
    assert.equal(coverage({ Open_Pipeline__c: 150_000, Quota__c: 100_000, Closed_Won_To_Date__c: 30_000 }), 2.14);
    assert.equal(coverage({ Open_Pipeline__c: 150_000, Quota__c: 100_000, Closed_Won_To_Date__c: 100_000 }), null);
  });
});

describe('the three models of blueprint 003 agree with the Opportunity formula fields on data/seed', () => {
  const seed = fileURLToPath(new URL('../../data/seed/Opportunity.ndjson', import.meta.url));
  const stages = new Map(model.opportunityStages!.stages.map((s) => [s.name, s]));
  const fields = ['Weighted_ARR__c', 'Win_Rate_ARR__c', 'Category_ARR__c'].map((f) => formulaOf('Opportunity', f));

  test('per deal and in total', async () => {
    const rows = (await readFile(seed, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const totals = [0, 0, 0];
    const deals = [];
    for (const row of rows) {
      const stage = stages.get(row.StageName)!;
      const record = { ...row, Probability: stage.probability, ForecastCategoryName: stage.forecast };
      fields.forEach((f, i) => (totals[i]! += Number(f!(record) ?? 0)));
      deals.push({
        arr: row.ARR__c ?? 0,
        stageName: row.StageName,
        probability: stage.probability,
        forecastCategory: stage.forecast,
      });
    }
    const offline = forecastModels(deals);
    assert.ok(offline.category > 0, 'the seed has deals to weigh');
    assert.equal(Math.round(totals[0]!), Math.round(offline.stageWeighted));
    assert.equal(Math.round(totals[1]!), Math.round(offline.winRate));
    assert.equal(Math.round(totals[2]!), Math.round(offline.category));
  });
});
