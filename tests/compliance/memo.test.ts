/**
 * `revops report --memo` on data/seed: the memo renders (Markdown and HTML) with every section, and
 * one figure — the average discount of discounted wins and their count — is recomputed here from
 * the raw ndjson with a plain loop, independently of scripts/compliance/memo.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildReport } from '../../scripts/analytics/report.ts';
import { buildMemo, discountIntegrity, openRisks } from '../../scripts/compliance/memo.ts';
import { renderMemoHtml, renderMemoMarkdown } from '../../scripts/compliance/memo-render.ts';
import { riskRegister } from '../../model/compliance/risks-register.ts';

const SEED = fileURLToPath(new URL('../../data/seed', import.meta.url));

describe('the monthly memo from data/seed', async () => {
  const report = await buildReport(SEED, { asOf: '2026-12-01' });
  const memo = await buildMemo(SEED, report.metrics);
  const md = renderMemoMarkdown(memo);

  test('every section of the memo and the board appendix is there', () => {
    for (const h of [
      '## Headlines',
      '# Board appendix',
      '## Forecast accuracy',
      '## Pipeline coverage',
      '## Discount integrity',
      '## SLA adherence',
      '## Open risks',
      '## Weekly exception review',
    ])
      assert.ok(md.includes(`\n${h}\n`), h);
    assert.match(renderMemoHtml(memo), /<h2>Open risks<\/h2>/);
    assert.doesNotMatch(renderMemoHtml(memo), /<script/);
  });

  test('the discount figures, recomputed from the raw files', () => {
    let count = 0;
    let sum = 0;
    for (const line of readFileSync(`${SEED}/Opportunity.ndjson`, 'utf8').split('\n')) {
      if (!line) continue;
      const o = JSON.parse(line) as { StageName: string; Discount_Percent__c: number | null };
      if (o.StageName === 'Closed Won' && o.Discount_Percent__c !== null) {
        count++;
        sum += o.Discount_Percent__c;
      }
    }
    assert.ok(count > 0);
    const average = `${((sum / count / 100) * 100).toFixed(1)} %`;
    assert.ok(md.includes(`| ${count} | ${average} |`), `expected ${count} discounted wins averaging ${average}`);
  });

  test('a win above its segment ladder without approval is leakage; approved, it is not', () => {
    const accounts = [{ External_Id__c: 'A', Segment__c: 'SMB' }];
    const deal = (status: string) => ({
      StageName: 'Closed Won',
      Discount_Percent__c: 18,
      Discount_Approval_Status__c: status,
      Account: { External_Id__c: 'A' },
    });
    assert.equal(discountIntegrity([deal('Pending'), deal('Approved')], accounts).leaked, 1);
    assert.equal(discountIntegrity([deal('Pending'), deal('Approved')], accounts).integrity, 0.5);
  });

  test('open risks: closed ones left out, the decision SLA counted from the day raised', () => {
    const risks = openRisks(riskRegister, '2026-12-01');
    assert.ok(risks.every((r) => r.Status__c === 'Open' || r.Status__c === 'Mitigating'));
    const claims = risks.find((r) => r.Category__c === 'Claims Drift' && r.Status__c === 'Open')!;
    assert.equal(claims.decisionDue, '2026-11-16');
    assert.equal(claims.decisionOverdue, true);
    assert.deepEqual([...new Set(riskRegister.map((r) => r.Category__c))].sort(), [
      'Claims Drift',
      'Data Privacy',
      'Discount Leakage',
      'Mis-selling',
    ]);
  });
});
