/**
 * The report's numbers (DuckDB over the SQL files) against the reference computation (plain
 * loops over the records, tests/analytics/reference.ts), on the bundled seed and on a fixture
 * with owners, CreatedDate, OpportunityHistory and two years of contracts.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import model from '../../model/index.ts';
import { buildReport } from '../../scripts/analytics/report.ts';
import type { Metrics } from '../../scripts/analytics/metrics-types.ts';
import { FIXTURE_AS_OF, writeRichFixture } from './fixture.ts';
import * as ref from './reference.ts';

const SEED = fileURLToPath(new URL('../../data/seed', import.meta.url));

/** Equal to 9 significant digits (metrics.json keeps 12), or both null. */
function near(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    assert.equal(actual ?? null, null, `${what}: expected null, got ${actual}`);
    return;
  }
  assert.ok(actual !== null && actual !== undefined, `${what}: expected ${expected}, got ${actual}`);
  const tolerance = Math.max(1e-9, Math.abs(expected) * 1e-9);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: expected ${expected}, got ${actual}`);
}

function checkWinRates(m: Metrics, d: ref.RefData): void {
  const overall = ref.winRates(d, () => 'all').get('all')!;
  near(m.winRate.overall, overall.winRate, 'winRate.overall');
  near(m.winRate.overallByValue, overall.byValue, 'winRate.overallByValue');
  assert.equal(m.winRate.closed, overall.closed);
  const checks: [
    readonly { member: string; winRate: number | null; winRateByValue: number | null; closed: number }[],
    (o: ref.RefOpp) => string,
  ][] = [
    [m.winRate.segments, (o) => o.segment],
    [m.winRate.sources, (o) => o.source],
    [m.winRate.competitors, (o) => o.competitor],
    [m.winRate.motions, (o) => o.motion],
  ];
  for (const [rows, key] of checks) {
    const expected = ref.winRates(d, key);
    assert.deepEqual(rows.map((r) => r.member).sort(), [...expected.keys()].sort());
    for (const r of rows) {
      near(r.winRate, expected.get(r.member)!.winRate, `win rate ${r.member}`);
      near(r.winRateByValue, expected.get(r.member)!.byValue, `win rate by value ${r.member}`);
      assert.equal(r.closed, expected.get(r.member)!.closed, `closed ${r.member}`);
    }
  }
  for (const [segment, rate] of Object.entries(m.winRate.bySegment)) {
    assert.ok(rate === null || (rate >= 0 && rate <= 1), 'a fraction 0-1');
    near(rate, ref.winRates(d, (o) => o.segment).get(segment)!.winRate, `bySegment ${segment}`);
  }
}

function checkFunnel(m: Metrics, d: ref.RefData): void {
  const overall = ref.funnel(d, () => 'all').get('all')!;
  assert.equal(m.funnel.volumes.mql, overall.mql);
  assert.equal(m.funnel.volumes.sao, overall.sao);
  assert.equal(m.funnel.volumes.won, overall.won);
  for (const step of ['mqlToSal', 'salToSql', 'sqlToSao', 'saoToWon', 'mqlToSao', 'mqlToWon'] as const)
    near(m.funnel.conversion[step], overall[step], `funnel.conversion.${step}`);
  const bySegment = ref.funnel(d, (l) => l.segment);
  for (const [segment, g] of Object.entries(m.funnel.bySegment))
    for (const step of ['mqlToSal', 'salToSql', 'sqlToSao', 'saoToWon'] as const)
      near(g.conversion[step], bySegment.get(segment)![step], `${segment} ${step}`);
  const cells = ref.funnel(d, (l) => `${l.segment}|${l.source}`);
  assert.equal(m.funnel.bySegmentSource.length, cells.size);
  for (const c of m.funnel.bySegmentSource)
    near(c.conversion.mqlToSao, cells.get(`${c.segment}|${c.source}`)!.mqlToSao, `cell ${c.segment}|${c.source}`);
}

function checkPipeline(m: Metrics, d: ref.RefData): void {
  const cov = ref.coverage(d);
  for (const row of [m.coverage.overall, ...Object.values(m.coverage.bySegment)]) {
    const e = cov.get(row.segment)!;
    near(row.pipeline, e.pipeline, `pipeline ${row.segment}`);
    near(row.weightedPipeline, e.weighted, `weighted ${row.segment}`);
    near(row.target, e.target, `target ${row.segment}`);
    near(row.coverage, e.coverage, `coverage ${row.segment}`);
    near(row.weightedCoverage, e.weightedCoverage, `weighted coverage ${row.segment}`);
  }
  const totals = ref.pipelineTotals(d);
  near(m.pipeline.total, totals.total, 'pipeline.total');
  near(m.pipeline.weighted, totals.weighted, 'pipeline.weighted');
}

function checkVelocity(m: Metrics, d: ref.RefData): void {
  const overall = ref.velocity(d, () => '(all)').get('(all)')!;
  near(m.velocity.perDay, overall.perDay, 'velocity.perDay');
  near(m.velocity.overall.cycleDays, overall.cycle, 'cycle days');
  near(m.velocity.overall.averageDealSize, overall.asp, 'average deal size');
  assert.equal(m.velocity.overall.openDeals, overall.open);
  const bySegment = ref.velocity(d, (o) => o.segment);
  for (const [segment, v] of Object.entries(m.velocity.bySegment)) {
    near(v.cycleDays, bySegment.get(segment)!.cycle, `cycle ${segment}`);
    near(v.perDay, bySegment.get(segment)!.perDay, `velocity ${segment}`);
  }
  const trend = ref.velocityTrend(d);
  assert.equal(m.velocity.trend.length, trend.length);
  m.velocity.trend.forEach((q, i) => {
    assert.equal(q.closed, trend[i]!.closed, `closed in ${q.quarter}`);
    near(q.cycleDays, trend[i]!.cycle, `cycle in ${q.quarter}`);
    near(q.perDay, trend[i]!.perDay, `velocity in ${q.quarter}`);
  });
  const slips = ref.slip(d, (o) => o.segment);
  for (const [segment, s] of Object.entries(m.velocity.slip.bySegment)) {
    const e = slips.get(segment)!;
    assert.deepEqual([s.deals, s.slipped, s.openDeals, s.pastDue], [e.deals, e.slipped, e.open, e.pastDue], segment);
  }
}

function checkRetentionAndCapacity(m: Metrics, d: ref.RefData): void {
  for (const basis of ['trailing12m', 'contracted12m'] as const) {
    const e = ref.retention(d, basis);
    const b = m.retention[basis];
    assert.equal(b.customers, e.customers, `${basis} customers`);
    for (const k of ['beginning', 'expansion', 'contraction', 'churn'] as const)
      near(b[k === 'beginning' ? 'beginningArr' : k], e[k], `${basis} ${k}`);
    near(m.nrr[basis], e.nrr, `nrr.${basis}`);
    near(m.grr[basis], e.grr, `grr.${basis}`);
  }
  for (const row of [m.capacity.overall, ...Object.values(m.capacity.bySegment)]) {
    const e = ref.capacity(d, row.segment);
    near(row.target, e.target, `capacity target ${row.segment}`);
    near(row.requiredAes, e.requiredAes, `required AEs ${row.segment}`);
    near(row.requiredReps, e.requiredReps, `required reps ${row.segment}`);
    near(row.aesForOpenPipeline, e.aesForOpen, `AEs for open pipeline ${row.segment}`);
  }
}

function checkQuality(m: Metrics, d: ref.RefData): void {
  const e = ref.dataQuality(d);
  for (const c of m.dataQuality.checks) {
    const [numerator, denominator] = e[c.name as Exclude<keyof typeof e, 'speedToLeadMedian'>];
    assert.deepEqual([c.numerator, c.denominator], [numerator, denominator], c.name);
  }
  near(m.dataQuality.speedToLeadMedianMinutes, e.speedToLeadMedian, 'speed to lead');
}

function checkEverything(m: Metrics, d: ref.RefData): void {
  checkWinRates(m, d);
  checkFunnel(m, d);
  checkPipeline(m, d);
  checkVelocity(m, d);
  checkRetentionAndCapacity(m, d);
  checkQuality(m, d);
}

describe('metrics on data/seed match the reference loop', () => {
  let metrics: Metrics;
  let data: ref.RefData;
  before(async () => {
    metrics = (await buildReport(SEED, { model })).metrics;
    data = ref.loadReference(SEED, model, metrics.asOf);
  });

  test('as of the dataset’s anchor date, with every metric family present', () => {
    assert.equal(metrics.asOf, '2026-12-01');
    for (const key of ['winRate', 'funnel', 'coverage', 'velocity', 'nrr', 'grr', 'capacity'] as const)
      assert.ok(metrics[key], key);
  });

  test('win rate, funnel, coverage, velocity, retention, capacity and hygiene agree', () =>
    checkEverything(metrics, data));

  test('what the seed lacks is named, and the figures it would give are null, not zero', () => {
    const missing = metrics.missing.map((x) => x.metric).join('\n');
    for (const word of [
      'Forecast accuracy',
      'Time in stage',
      'Rep scorecard',
      'Pipeline created',
      'trailing 12 months',
    ])
      assert.ok(missing.includes(word), word);
    assert.equal(metrics.coverage.overall.createdPipeline, null);
    assert.equal(metrics.nrr.trailing12m, null);
    assert.deepEqual(metrics.forecastAccuracy.rollup, []);
    assert.equal(metrics.velocity.cycleBasis, 'MQL date of the converted lead');
  });

  test('the bottleneck follows 002’s rule: the step furthest below its median band', () => {
    const b = metrics.funnel.bottleneck!;
    const standing = metrics.funnel.benchmarks
      .filter((s) => s.step !== 'mqlToWon' && s.value !== null)
      .map((s) => ({ step: s.step, standing: s.value! / s.median[0] }))
      .sort((x, y) => x.standing - y.standing);
    assert.equal(b.step, standing[0]!.step);
    assert.equal(b.inBottomQuartile, b.band === 'bottom-quartile');
  });
});

describe('metrics on a fixture with owners, CreatedDate, history and renewals', () => {
  let dir: string;
  let metrics: Metrics;
  let data: ref.RefData;
  before(async () => {
    dir = await writeRichFixture();
    metrics = (await buildReport(dir, { model })).metrics;
    data = ref.loadReference(dir, model, FIXTURE_AS_OF);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('the same families agree', () => checkEverything(metrics, data));

  test('forecast accuracy per owner and roll-up, at each horizon', () => {
    const cells = ref.accuracy(data, 6, [0, 30, 60]);
    assert.ok(cells.length > 0, 'the fixture has forecast history');
    for (const row of metrics.forecastAccuracy.byOwner) {
      const e = cells.find((c) => c.owner === row.owner && c.horizon === row.horizonDays)!;
      near(row.forecast, e.forecast, `forecast ${row.owner} ${row.horizonDays}`);
      near(row.actual, e.actual, `actual ${row.owner} ${row.horizonDays}`);
      near(row.mape, e.apes.length ? e.apes.reduce((a, b) => a + b, 0) / e.apes.length : null, `mape ${row.owner}`);
    }
    for (const r of metrics.forecastAccuracy.rollup) {
      const owners = cells.filter((c) => c.horizon === r.horizonDays);
      near(
        r.forecast,
        owners.reduce((t, c) => t + c.forecast, 0),
        `roll-up forecast ${r.horizonDays}`,
      );
      near(
        r.actual,
        owners.reduce((t, c) => t + c.actual, 0),
        `roll-up actual ${r.horizonDays}`,
      );
      assert.ok(r.wape !== null && r.wape >= 0);
    }
    assert.deepEqual(
      metrics.forecastAccuracy.rollup.map((r) => r.horizonDays),
      [0, 30, 60],
    );
  });

  test('time in stage, scorecard, created pipeline and trailing retention are computed', () => {
    const stays = ref.timeInStage(data);
    assert.equal(metrics.velocity.timeInStage.length, stays.size);
    for (const t of metrics.velocity.timeInStage) {
      near(t.averageDays, stays.get(t.stage)!.average, `average days in ${t.stage}`);
      near(t.medianDays, stays.get(t.stage)!.median, `median days in ${t.stage}`);
    }
    assert.deepEqual(
      metrics.scorecard.map((r) => r.owner),
      ['Ada Byron', 'Grace Hopper', 'Linus Pauling'],
    );
    assert.ok(metrics.coverage.overall.createdPipeline !== null && metrics.coverage.overall.createdPipeline > 0);
    assert.ok(metrics.nrr.trailing12m !== null, 'two years of contracts give a trailing NRR');
    assert.equal(metrics.velocity.cycleBasis, 'created date');
    assert.deepEqual(
      metrics.missing.map((x) => x.metric),
      ['Coverage against quota, capacity against a revenue target'],
    );
  });
});
