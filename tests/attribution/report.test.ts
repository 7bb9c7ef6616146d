/**
 * Attribution feeds the analytics report: `revops report` on data/seed carries the credit by
 * channel under every model (each model's column adds up to the closed-won revenue and equals
 * `revops attribution`'s), and the recommended model's CAC, MQL → SQL and SLAs, in metrics.json,
 * summary.md and the page; a dataset without touches says there is nothing to attribute.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { MODEL_NAMES, runAttribution } from '../../scripts/attribution/index.ts';
import { attributionMarkdown } from '../../scripts/attribution/report-section.ts';
import { buildReport, type Report } from '../../scripts/analytics/report.ts';
import { model, SEED_DIR } from '../data/support.ts';

let report: Report;
before(async () => {
  report = await buildReport(SEED_DIR, { model });
});

test('the report credits closed-won revenue by channel under every model, as revops attribution does', async () => {
  const a = report.metrics.attribution!;
  assert.ok(a, 'data/seed has touches: the report has an attribution section');
  for (const name of MODEL_NAMES) {
    const direct = await runAttribution(SEED_DIR, { model, attribution: name });
    const column = a.channels.reduce((s, c) => s + c.revenueCents[name], 0);
    assert.equal(column, direct.closedWon.amountCents, `${name}: the channels add up to closed-won revenue`);
    assert.equal(a.closedWonCents, direct.closedWon.amountCents);
    for (const c of direct.byChannel.filter((x) => x.revenueCents))
      assert.equal(a.channels.find((x) => x.channel === c.channel)?.revenueCents[name], c.revenueCents, c.channel);
  }
  assert.equal(a.model, a.recommendation.model === 'data-driven' ? 'u-shaped' : a.recommendation.model);
  assert.ok(a.cacByChannel.length && a.cacBySegment.length && a.mqlToSqlBySource.length && a.sla.length);
});

test('summary.md and the page show the section; without touches the summary says so', () => {
  assert.match(report.files['summary.md'], /## Marketing attribution\n\nRecommended model: /);
  assert.match(report.files['summary.md'], /### Closed-won revenue by channel under each model/);
  assert.match(report.files['index.html'], /<section id="attribution"><h2>Marketing attribution<\/h2>/);
  assert.match(JSON.parse(report.files['metrics.json']).attribution.recommendation.model, /shaped|data-driven/);
  assert.deepEqual(attributionMarkdown(null).slice(-1), ['No touches (Touch__c) in this data: nothing to attribute.']);
});
