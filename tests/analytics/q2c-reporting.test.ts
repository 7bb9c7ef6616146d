/**
 * Quote-to-cash reporting (issue 17 "Reporting"): the formula fields the reports aggregate compute
 * what their descriptions promise (evaluated by the formula engine), and the reports aggregate
 * them the way ASP, discount rate, win rate by competitor and exceptions by region need.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { modelFormula } from '../data/support.ts';
import { fileURLToPath } from 'node:url';
import model from '../../model/index.ts';
import {
  aspAndDiscountRateByRegion,
  exceptionsByRegion,
  winRateByCompetitor,
} from '../../model/analytics/quote-to-cash-analytics.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('Opportunity reporting fields', () => {
  test('Won__c is 1 for a won deal and 0 for every other stage', () => {
    const won = modelFormula('Opportunity', 'Won__c');
    for (const s of model.opportunityStages!.stages)
      assert.equal(Number(won({ StageName: s.name })), s.name === 'Closed Won' ? 1 : 0, s.name);
  });

  test('List_ARR__c undoes the discount (percent as the API value), blank at a 100% discount', () => {
    const list = modelFormula('Opportunity', 'List_ARR__c');
    assert.equal(Number(list({ ARR__c: 85_000, Discount_Percent__c: 15 })), 100_000);
    assert.equal(Number(list({ ARR__c: 42_000, Discount_Percent__c: null })), 42_000);
    assert.equal(Number(list({ ARR__c: 60_000, Discount_Percent__c: 40 })), 100_000);
    assert.equal(list({ ARR__c: 0, Discount_Percent__c: 100 }), null);
  });

  test('the ARR-weighted discount rate of a set of deals: 1 - sum of ARR / sum of list ARR', () => {
    const list = modelFormula('Opportunity', 'List_ARR__c');
    const deals = [
      { ARR__c: 90_000, Discount_Percent__c: 10 },
      { ARR__c: 10_000, Discount_Percent__c: 50 },
    ];
    const listSum = deals.reduce((t, d) => t + Number(list(d)), 0);
    const arrSum = deals.reduce((t, d) => t + d.ARR__c, 0);
    // 100k + 20k list, 100k sold: 16.7%, not the 30% an average of the percentages gives.
    assert.equal(Math.round((1 - arrSum / listSum) * 1000) / 10, 16.7);
  });

  test("Region__c is the account's Geo", () => {
    const region = modelFormula('Opportunity', 'Region__c');
    assert.equal(region({ Account: { Geo__c: 'EMEA' } }), 'EMEA');
    assert.equal(region({ Account: null }), null);
  });

  test('no reporting field is history-tracked (Opportunity keeps within its 20 tracked fields)', () => {
    const opp = model.objects.find((o) => o.apiName === 'Opportunity')!;
    for (const f of ['Region__c', 'Won__c', 'List_ARR__c']) assert.notEqual(opp.fields[f]!.trackHistory, true, f);
    const tracked = Object.values(opp.fields).filter((f) => f.trackHistory).length;
    assert.ok(tracked <= 20, `${tracked} tracked fields`);
  });
});

describe('Deal_Exception__c Region__c', () => {
  const region = modelFormula('Deal_Exception__c', 'Region__c');
  test("the exception's account's region, else its deal's account's", () => {
    assert.equal(region({ Account__r: { Geo__c: 'APAC' }, Opportunity__r: { Account: { Geo__c: 'NA' } } }), 'APAC');
    assert.equal(region({ Account__r: null, Opportunity__r: { Account: { Geo__c: 'LATAM' } } }), 'LATAM');
    assert.equal(region({ Account__r: null, Opportunity__r: null }), null);
  });
});

describe('the commercial reports', () => {
  const fields = (r: { groupBy: readonly { field: string }[] }) => r.groupBy.map((f) => f.field);
  test('ASP and discount rate: won deals grouped by region, both measures from summed columns', () => {
    assert.deepEqual(fields(aspAndDiscountRateByRegion), ['Region__c']);
    const formulas = Object.fromEntries(aspAndDiscountRateByRegion.summaryFormulas.map((f) => [f.name, f.formula]));
    assert.equal(formulas.ASP, 'Opportunity.ARR__c:SUM / RowCount');
    assert.equal(formulas.Discount_Rate, '1 - Opportunity.ARR__c:SUM / Opportunity.List_ARR__c:SUM');
  });

  test('win rate by competitor: closed deals only (no decision counts as a loss), wins over deals', () => {
    assert.deepEqual(fields(winRateByCompetitor), ['Primary_Competitor__c']);
    assert.deepEqual(
      winRateByCompetitor.filters.map((f) => [f.field.field, f.operator, f.value]),
      [['StageName', 'equals', 'Closed Won,Closed Lost,Closed No Decision']],
    );
    assert.equal(winRateByCompetitor.summaryFormulas[0]!.formula, 'Opportunity.Won__c:SUM / RowCount');
  });

  test('exceptions by region: the exception report type, grouped by region then reason', () => {
    assert.equal(exceptionsByRegion.reportType, 'Deal_Exceptions');
    assert.deepEqual(fields(exceptionsByRegion), ['Region__c', 'Reason__c']);
  });

  test('generated: the report type lists the new fields; the reports are in the revenue folder', async () => {
    const rt = await readFile(
      `${ROOT}force-app/generated/reportTypes/Opportunities_Revenue_Analytics.reportType-meta.xml`,
      'utf8',
    );
    for (const f of ['Region__c', 'Won__c', 'List_ARR__c']) assert.match(rt, new RegExp(`<field>${f}</field>`));
    const xml = await readFile(
      `${ROOT}force-app/generated/reports/RevOps_Revenue_Analytics/Win_Rate_By_Competitor.report-meta.xml`,
      'utf8',
    );
    assert.match(xml, /<calculatedFormula>Opportunity\.Won__c:SUM \/ RowCount<\/calculatedFormula>/);
    assert.match(xml, /<field>Opportunity\$Primary_Competitor__c<\/field>/);
  });
});
