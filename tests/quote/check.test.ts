/**
 * `revops quote check`: the bundled seed passes every quote-to-cash check, and a copy with one
 * broken record of each kind reports exactly those records and rules (so a pass is not vacuous).
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { billedAmount, parseDate } from '../../scripts/dsl/index.ts';
import { checkDataset } from '../../scripts/data/index.ts';
import { checkQuotes } from '../../scripts/quote/check.ts';
import { runCommand } from '../cli/run-command.ts';
import QuoteCheck from '../../scripts/cli/commands/revops/quote/check.ts';
import { datasetCopy, editRecords, model, readLines, relationId, removeDir, SEED_DIR } from '../data/support.ts';

describe('the bundled seed', () => {
  test('passes every quote-to-cash check, and every check ran on records', async () => {
    const result = await checkQuotes(SEED_DIR, model);
    assert.deepEqual(result.failures, []);
    for (const r of result.rules) assert.ok(r.checked > 0, `${r.id} never ran`);
  });

  test('holds multi-year, ramp and discounted won deals with decided approvals at every level', async () => {
    const deals = await readLines(SEED_DIR, 'Opportunity.ndjson');
    const won = deals.filter((d) => d.StageName === 'Closed Won');
    assert.ok(won.some((d) => Number(d.Term_Months__c) >= 24));
    assert.ok(won.some((d) => d.Ramp__c === true));
    assert.ok(won.some((d) => Number(d.Discount_Percent__c) > 0));
    const levels = new Set(
      deals.filter((d) => d.Discount_Approval_Status__c === 'Approved').map((d) => d.Approved_Level__c),
    );
    assert.deepEqual([...levels].sort(), ['CRO', 'Deal Desk', 'Finance']);
  });
});

type Rec = Record<string, unknown>;

describe('one broken record of each kind', () => {
  let dir: string;
  const expected: string[] = [];
  const breakOne = async (file: string, pick: (r: Rec) => boolean, change: (r: Rec) => Rec, rule: string) => {
    const records = await readLines(dir, file);
    const target = records.find((r) => pick(r) && !expected.some((e) => e.endsWith(` ${String(r.External_Id__c)}`)));
    assert.ok(target, `no record to break for ${rule}`);
    await editRecords(dir, file, (r) => (r === target || r.External_Id__c === target.External_Id__c ? change(r) : r));
    const id = rule === 'catalogue.bundle' ? String(relationId(target.Opportunity)) : String(target.External_Id__c);
    expected.push(`${rule} ${id}`);
    return target;
  };

  const appendRecord = async (object: string, record: Rec) => {
    const all = await readLines(dir, `${object}.ndjson`);
    await writeFile(`${dir}/${object}.ndjson`, [...all, record].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const manifest = JSON.parse(await readFile(`${dir}/manifest.json`, 'utf8')) as {
      objects: { sobject: string; count: number }[];
    };
    for (const o of manifest.objects) if (o.sobject === object) o.count++;
    await writeFile(`${dir}/manifest.json`, JSON.stringify(manifest, null, 2));
  };

  before(async () => {
    dir = await datasetCopy();
    const lines = await readLines(dir, 'OpportunityLineItem.ndjson');
    const concessions = await readLines(dir, 'Concession__c.ndjson');
    const withConcession = new Set(concessions.map((c) => relationId(c.Opportunity__r)));
    const withLines = new Set(lines.map((l) => relationId(l.Opportunity)));
    const used = new Set<string>();
    const freshWon = (r: Rec) =>
      r.StageName === 'Closed Won' &&
      !withConcession.has(String(r.External_Id__c)) &&
      !used.has(String(r.External_Id__c));
    const mark = (r: Rec) => used.add(String(r.External_Id__c));

    await breakOne(
      'Product2.ndjson',
      () => true,
      (r) => ({ ...r, Floor_Price__c: 1 }),
      'catalogue.product',
    );
    // A price below the floor, billed consistently so that only the floor is wrong.
    const multiYear = new Set(
      lines.filter((l) => Number(l.Contract_Year__c) > 1).map((l) => relationId(l.Opportunity)),
    );
    const cheap = await breakOne(
      'OpportunityLineItem.ndjson',
      (r) =>
        /Platform-Enterprise/.test(String(relationId(r.PricebookEntry))) && !multiYear.has(relationId(r.Opportunity)),
      (r) => ({
        ...r,
        UnitPrice: 100,
        Billed_Amount__c: billedAmount(
          Number(r.Quantity),
          100,
          parseDate(String(r.ServiceDate)),
          parseDate(String(r.End_Date__c)),
        ),
      }),
      'catalogue.price',
    );
    used.add(String(relationId(cheap.Opportunity)));
    // The deal's quote says the same (the quote checks compare quote and deal, not the floor).
    const quoteLineOf = (oli: Rec) => String(oli.External_Id__c).replace(/^OLI-/, 'QLI-');
    await editRecords(dir, 'QuoteLineItem.ndjson', (r) =>
      r.External_Id__c === quoteLineOf(cheap) ? { ...r, UnitPrice: 100 } : r,
    );
    const starter = lines.find(
      (l) => /Starter/.test(String(relationId(l.PricebookEntry))) && !used.has(String(relationId(l.Opportunity))),
    )!;
    used.add(String(relationId(starter.Opportunity)));
    const support = {
      ...starter,
      External_Id__c: 'OLI-BROKEN-SUPPORT',
      PricebookEntry: { External_Id__c: 'PBE-Support-Premium-Account' },
      Quantity: 1,
      UnitPrice: 24000,
      Billed_Amount__c: billedAmount(
        1,
        24000,
        parseDate(String(starter.ServiceDate)),
        parseDate(String(starter.End_Date__c)),
      ),
    };
    await appendRecord('OpportunityLineItem', support);
    const starterQuoteLine = (await readLines(dir, 'QuoteLineItem.ndjson')).find(
      (r) => r.External_Id__c === quoteLineOf(starter),
    )!;
    await appendRecord('QuoteLineItem', {
      ...starterQuoteLine,
      External_Id__c: 'QLI-BROKEN-SUPPORT',
      PricebookEntry: support.PricebookEntry,
      Product2: { External_Id__c: 'PRD-Support-Premium-Account' },
      Quantity: 1,
      UnitPrice: 24000,
    });
    expected.push(`catalogue.bundle ${String(relationId(starter.Opportunity))}`);

    mark(
      await breakOne(
        'Opportunity.ndjson',
        (r) => freshWon(r) && r.Discount_Approval_Status__c !== 'Approved',
        (r) => ({ ...r, Non_Standard_Terms__c: true }),
        'approval.matrix',
      ),
    );
    await breakOne(
      'Concession__c.ndjson',
      (r) => r.Type__c === 'Discount',
      (r) => ({ ...r, Get__c: 'Case Study' }),
      'givget.matrix',
    );
    await breakOne(
      'Concession__c.ndjson',
      (r) => r.Get__c === 'Case Study',
      (r) => ({ ...r, Get_Details__c: null }),
      'givget.evidence',
    );
    await breakOne(
      'OpportunityLineItem.ndjson',
      (r) => !used.has(String(relationId(r.Opportunity))) && withLines.has(String(relationId(r.Opportunity))),
      (r) => ({ ...r, Billed_Amount__c: Number(r.Billed_Amount__c) + 100 }),
      'q2c.proration',
    );
    mark(
      await breakOne(
        'Opportunity.ndjson',
        freshWon,
        (r) => ({
          ...r,
          Billing_Anchor_Date__c: new Date(Date.parse(String(r.Contract_Start_Date__c)) + 40 * 86_400_000)
            .toISOString()
            .slice(0, 10),
        }),
        'q2c.billing-anchor',
      ),
    );
    mark(await breakOne('Opportunity.ndjson', freshWon, (r) => ({ ...r, Tax_Treatment__c: null }), 'q2c.tax'));
    const longer = await breakOne(
      'Opportunity.ndjson',
      freshWon,
      (r) => ({ ...r, Term_Months__c: Number(r.Term_Months__c) + 12 }),
      'q2c.schedule',
    );
    mark(longer);
    // The quote and the contract are signed for the same longer term: the quote's lines, like the deal's, stop a year short.
    const quoteOf = (deal: Rec) => `QUO-${String(deal.External_Id__c).split('-').pop()}`;
    await editRecords(dir, 'Quote.ndjson', (r) =>
      r.External_Id__c === quoteOf(longer) ? { ...r, Term_Months__c: Number(longer.Term_Months__c) + 12 } : r,
    );
    await editRecords(dir, 'Contract.ndjson', (r) =>
      r.External_Id__c === relationId(longer.Signed_Contract__r)
        ? { ...r, ContractTerm: Number(r.ContractTerm) + 12 }
        : r,
    );
    expected.push(`quote.schedule ${quoteOf(longer)}`);

    // The quote checks: one quote (or its deal) broken per rule, each on a deal nothing else touched.
    const quotes = await readLines(dir, 'Quote.ndjson');
    const deals = await readLines(dir, 'Opportunity.ndjson');
    const quoteLines = await readLines(dir, 'QuoteLineItem.ndjson');
    const oneYearPlain = (q: Rec) =>
      !used.has(String(relationId(q.Opportunity))) &&
      !multiYear.has(relationId(q.Opportunity)) &&
      q.Ramp__c === false &&
      !withConcession.has(String(relationId(q.Opportunity)));
    const freshQuote = (q: Rec) => oneYearPlain(q) && !expected.some((e) => e.endsWith(` ${String(q.External_Id__c)}`));
    const unsigned = quotes.find(oneYearPlain)!;
    used.add(String(relationId(unsigned.Opportunity)));
    await editRecords(dir, 'Quote.ndjson', (r) =>
      r === unsigned || r.External_Id__c === unsigned.External_Id__c ? { ...r, Status: 'Presented' } : r,
    );
    expected.push(`quote.accepted ${String(relationId(unsigned.Opportunity))}`);
    const changed = quotes.find((q) => freshQuote(q) && !used.has(String(relationId(q.Opportunity))))!;
    used.add(String(relationId(changed.Opportunity)));
    const changedLine = quoteLines.find((l) => relationId(l.Quote) === changed.External_Id__c)!;
    await editRecords(dir, 'QuoteLineItem.ndjson', (r) =>
      r.External_Id__c === changedLine.External_Id__c ? { ...r, Quantity: Number(r.Quantity) + 1 } : r,
    );
    expected.push(`quote.matches-deal ${String(changed.External_Id__c)}`);
    const quoteBreak = async (rule: string, change: (q: Rec) => Rec) =>
      used.add(
        String(
          relationId(
            (
              await breakOne(
                'Quote.ndjson',
                (q) => freshQuote(q) && !used.has(String(relationId(q.Opportunity))),
                change,
                rule,
              )
            ).Opportunity,
          ),
        ),
      );
    let offPaper: Rec | undefined;
    await quoteBreak('quote.segment-terms', (q) => {
      offPaper = {
        ...q,
        Standard_Terms__c:
          q.Standard_Terms__c === 'MSA 2026 Standard' ? 'Order Form Only (Click-Through)' : 'MSA 2026 Standard',
      };
      return offPaper;
    });
    // The contract was signed on the same wrong paper: only the segment rule objects.
    const offPaperDeal = deals.find((d) => d.External_Id__c === relationId(offPaper!.Opportunity))!;
    await editRecords(dir, 'Contract.ndjson', (r) =>
      r.External_Id__c === relationId(offPaperDeal.Signed_Contract__r)
        ? { ...r, Standard_Terms__c: offPaper!.Standard_Terms__c }
        : r,
    );
    await quoteBreak('quote.schedule', (q) => ({ ...q, Ramp__c: true }));
    await quoteBreak('quote.contract-terms', (q) => ({ ...q, Uplift_Percent__c: 99 }));
  });
  after(() => removeDir(dir));

  test('are reported, each by its record and rule, and nothing else', async () => {
    const result = await checkQuotes(dir, model);
    const found = result.failures.map((f) => `${f.rule} ${f.externalId}`).sort();
    assert.deepEqual(found, [...expected].sort());
    assert.equal(new Set(result.failures.map((f) => f.rule)).size, result.rules.length, 'one failure of every rule');
  });

  test('the validation rules the org runs catch the same records (data check, the formula engine)', async () => {
    const result = await checkDataset(dir, { model, maxViolations: 1000 });
    const fired = new Set(result.violations.map((v) => `${v.rule} ${v.externalId}`));
    const same: Record<string, string> = {
      'approval.matrix': 'Approval_Level_Covers_Deal',
      'givget.matrix': 'Concession_Needs_Get',
      'catalogue.price': 'Price_Within_Floor_And_Ceiling',
    };
    for (const e of expected) {
      const [rule, id] = e.split(' ') as [string, string];
      if (same[rule]) assert.ok(fired.has(`${same[rule]} ${id}`), `${same[rule]} fires on ${id} as ${rule} does`);
    }
  });

  test('the command exits 1 and names each record and rule', async () => {
    const run = await runCommand<{ failures: { rule: string; externalId: string }[] }>(QuoteCheck, ['--dataset', dir]);
    assert.equal(run.status, 1);
    assert.equal(run.result?.failures.length, expected.length);
    for (const e of expected) {
      const [rule, id] = e.split(' ') as [string, string];
      assert.ok(run.stderr.includes(`${id}: ${rule}:`), `stderr names ${id} and ${rule}`);
    }
  });
});
