/**
 * The order form (`revops quote order-form`, scripts/quote/order-form): the model check on the
 * layout's paths, the HTML rendered from the seed (customer, signer, terms, lines in order, the
 * total the deal bills), escaping, the special-terms block, the command's bad input, and the PDF
 * (one Chromium run; skipped, saying why, when Chromium cannot start here).
 */
import assert from 'node:assert/strict';
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import QuoteOrderForm, { type OrderFormResult } from '../../scripts/cli/commands/revops/quote/order-form.ts';
import { validateModel } from '../../scripts/model/validate.ts';
import {
  escapeHtml,
  grouped,
  orderFormSource,
  renderOrderForm,
  type OrderFormSource,
} from '../../scripts/quote/order-form/index.ts';
import { printPdfs } from '../../scripts/quote/order-form/pdf.ts';
import { runCommand } from '../cli/run-command.ts';
import {
  datasetCopy,
  editRecords,
  model,
  readLines,
  relationId,
  removeDir,
  SEED_DIR,
  tempDir,
} from '../data/support.ts';

type Rec = Record<string, unknown>;
const RAMP = 'QUO-000270';
const SPECIAL = 'QUO-000124';
const PLAIN = 'QUO-000003';

describe('the model check on the layout', () => {
  const orderFormIssues = (m: typeof model) =>
    validateModel(m)
      .filter((i) => i.component.startsWith('Order form'))
      .map((i) => i.message);

  test('every path of the layout names a field the schema has', () => {
    assert.deepEqual(orderFormIssues(model), []);
  });

  test('a misspelt path fails, naming the path and where it breaks', () => {
    const layout = model.orderForm!;
    const broken = {
      ...model,
      orderForm: {
        ...layout,
        sections: [{ title: 'Customer', fields: [{ label: 'Customer', path: 'Opportunity.Acount.Name' }] }],
        lines: { ...layout.lines, orderBy: ['Contract_Year__c', 'Product2.ProductCod'] },
      },
    };
    assert.deepEqual(orderFormIssues(broken), [
      'field "Customer" Quote.Opportunity.Acount.Name: Opportunity has no relationship Acount',
      'orderBy QuoteLineItem.Product2.ProductCod: Product2 has no field ProductCod',
    ]);
  });
});

describe('the order form of a seed quote', async () => {
  const source: OrderFormSource = await orderFormSource(SEED_DIR, model);
  const read = (o: string) => readLines(SEED_DIR, `${o}.ndjson`);
  const [quotes, quoteLines, dealLines, deals, accounts, contacts] = await Promise.all(
    ['Quote', 'QuoteLineItem', 'OpportunityLineItem', 'Opportunity', 'Account', 'Contact'].map(read),
  );
  const byId = (records: Rec[], id: unknown) => records.find((r) => r.External_Id__c === id)!;
  const quote = byId(quotes!, RAMP);
  const form = renderOrderForm(source, RAMP);

  test('shows the customer, the signer and every term the quote carries', () => {
    const account = byId(accounts!, relationId(byId(deals!, relationId(quote.Opportunity)).Account));
    const contact = byId(contacts!, relationId(quote.Contact));
    assert.ok(form.html.includes(escapeHtml(String(account.Name))));
    assert.ok(form.html.includes(escapeHtml(`${String(contact.FirstName)} ${String(contact.LastName)}`)));
    assert.ok(form.html.includes(String(contact.Email)));
    for (const f of ['Standard_Terms__c', 'Payment_Terms__c', 'Billing_Frequency__c', 'Renewal_Type__c'])
      assert.ok(form.html.includes(`<dd>${escapeHtml(String(quote[f]))}</dd>`), f);
    assert.ok(form.html.includes(`<dd>${String(quote.Term_Months__c)} months</dd>`));
    for (const f of ['Uplift_Percent__c', 'Uplift_Cap_Percent__c'])
      assert.ok(form.html.includes(`<dd>${String(quote[f])}%</dd>`), f);
    assert.ok(form.html.includes(`<dd>${String(quote.ExpirationDate)}</dd>`));
  });

  test('one row per quote line, by contract year then SKU, and a ramp grows its quantities', () => {
    const own = quoteLines!.filter((l) => relationId(l.Quote) === RAMP);
    assert.equal(form.view.rows.length, own.length);
    assert.equal((form.html.match(/<tr>/g) ?? []).length, own.length + 2); // head and total rows
    const keys = form.view.rows.map((r) => `${r[2]!.padStart(2, '0')} ${r[1]}`);
    assert.deepEqual(keys, [...keys].sort());
    const platform = form.view.rows.filter((r) => r[1]!.startsWith('Platform:')).map((r) => Number(r[5]));
    assert.ok(platform.length >= 2);
    for (const [i, q] of platform.entries()) if (i) assert.ok(q > platform[i - 1]!, `year ${i + 1}: ${q}`);
  });

  test("the total is what the deal bills: the sum of its lines' Billed_Amount__c", () => {
    const deal = relationId(quote.Opportunity);
    const cents = dealLines!
      .filter((l) => relationId(l.Opportunity) === deal)
      .reduce((sum, l) => sum + Math.round(Number(l.Billed_Amount__c) * 100), 0);
    assert.equal(form.view.totalCents, cents);
    assert.ok(form.html.includes(`<td class="num">USD ${grouped(cents / 100, 2)}</td></tr></tfoot>`));
  });

  test('the special terms are printed when the quote has them, and the block is left out when blank', () => {
    const special = renderOrderForm(source, SPECIAL);
    assert.ok(special.html.includes('<h2>Special terms</h2>'));
    assert.ok(special.html.includes(escapeHtml(String(byId(quotes!, SPECIAL).Special_Terms__c))));
    assert.equal(byId(quotes!, PLAIN).Special_Terms__c, null);
    assert.ok(!renderOrderForm(source, PLAIN).html.includes('Special terms'));
  });

  test('blank values print as an em dash; the document is self-contained and the same bytes every time', () => {
    assert.equal(byId(quotes!, PLAIN).Uplift_Percent__c, null);
    assert.ok(renderOrderForm(source, PLAIN).html.includes('<dt>Renewal uplift</dt><dd>—</dd>'));
    assert.equal(renderOrderForm(source, RAMP).html, form.html);
    assert.doesNotMatch(form.html, /<script|<link|<img|src=|href=|url\(|@import/i);
  });
});

describe('escaping', () => {
  let dir: string;
  before(async () => {
    dir = await datasetCopy();
  });
  after(() => removeDir(dir));

  test('a value with <script> in it comes out as text', async () => {
    const quote = (await readLines(dir, 'Quote.ndjson')).find((q) => q.External_Id__c === PLAIN)!;
    await editRecords(dir, 'Quote.ndjson', (q) =>
      q === quote || q.External_Id__c === PLAIN ? { ...q, Special_Terms__c: '<script>alert("x")</script> & co' } : q,
    );
    const { html } = renderOrderForm(await orderFormSource(dir, model), PLAIN);
    assert.doesNotMatch(html, /<script/);
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'));
  });
});

describe('revops quote order-form', () => {
  let root: string;
  before(async () => {
    root = await tempDir('revops-order-form-');
  });
  after(() => removeDir(root));

  const run = (args: string[]) => runCommand<OrderFormResult>(QuoteOrderForm, args);
  const exists = (path: string) =>
    access(path).then(
      () => true,
      () => false,
    );

  test('--all writes every accepted quote, as --json reports', async () => {
    const out = join(root, 'all');
    const r = await run(['--all', '--out', out]);
    assert.equal(r.status, 0, r.error?.message);
    const accepted = (await readLines(SEED_DIR, 'Quote.ndjson')).filter((q) => q.Status === 'Accepted');
    assert.equal(r.result!.forms.length, accepted.length);
    const files = (await readdir(out)).filter((f) => f.endsWith('.html'));
    assert.deepEqual(files.sort(), accepted.map((q) => `${String(q.External_Id__c)}.html`).sort());
  });

  /** Runs the command on a broken copy of the seed; asserts it fails naming `expected` and writes nothing. */
  const fails = async (args: string[], expected: RegExp) => {
    const out = join(root, `bad-${Math.random().toString(36).slice(2)}`);
    const r = await run([...args, '--out', out]);
    assert.notEqual(r.status, 0);
    assert.match(r.error?.message ?? '', expected);
    assert.equal(await exists(out), false, 'nothing is written');
  };

  test('an unknown quote names the file and the nearest ids', () =>
    fails(['--quote', 'QUO-000004'], /Quote\.ndjson: no Quote QUO-000004; nearest: QUO-000003/));

  test('a quote without lines, and a line whose product is missing, name the file, line and record', async () => {
    const dir = await datasetCopy();
    try {
      const lines = await readLines(dir, 'QuoteLineItem.ndjson');
      const kept = lines.filter((l) => relationId(l.Quote) !== PLAIN);
      await writeFile(join(dir, 'QuoteLineItem.ndjson'), kept.map((l) => JSON.stringify(l)).join('\n') + '\n');
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
        objects: { sobject: string; count: number }[];
      };
      for (const o of manifest.objects) if (o.sobject === 'QuoteLineItem') o.count = kept.length;
      await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
      await fails(['--dataset', dir, '--quote', PLAIN], /Quote\.ndjson:1: Quote QUO-000003 has no quote lines/);

      const victim = kept.findIndex((l) => relationId(l.Quote) === RAMP);
      await editRecords(dir, 'QuoteLineItem.ndjson', (l, i) =>
        i === victim ? { ...l, Product2: { External_Id__c: 'PRD-Nope' } } : l,
      );
      await fails(
        ['--dataset', dir, '--quote', RAMP],
        new RegExp(
          `QuoteLineItem\\.ndjson:${victim + 1}: QuoteLineItem ${String(kept[victim]!.External_Id__c)}: Product2 points at Product2 PRD-Nope, which the dataset does not have`,
        ),
      );
    } finally {
      await removeDir(dir);
    }
  });

  test('a folder that is not a dataset names its missing manifest.json', async () => {
    const dir = join(root, 'not-a-dataset');
    await mkdir(dir);
    await fails(['--dataset', dir, '--quote', PLAIN], /not-a-dataset\/manifest\.json: not found/);
  });

  test('--pdf prints a PDF with Chromium (one run), or fails saying what to install with the HTML written', async (t) => {
    const out = join(root, 'pdf');
    const r = await run(['--quote', RAMP, '--pdf', '--paper', 'Letter', '--out', out]);
    assert.ok(await exists(join(out, `${RAMP}.html`)));
    if (r.error?.name === 'ChromiumMissing') {
      assert.notEqual(r.status, 0);
      t.skip(`Chromium cannot print here: ${r.error.message}`);
      return;
    }
    assert.equal(r.status, 0, r.error?.message);
    const pdf = await readFile(join(out, `${RAMP}.pdf`));
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
    assert.ok(pdf.length > 10_000);
  });

  test('a missing Chromium is an error naming what to install', async () => {
    const source = await orderFormSource(SEED_DIR, model);
    const file = join(root, 'never.pdf');
    await assert.rejects(
      printPdfs([renderOrderForm(source, PLAIN)], [file], 'A4', async () => ({
        skipped: 'Chromium is not installed (/nowhere/chromium is missing)',
      })),
      (e: Error) =>
        e.name === 'ChromiumMissing' && /apt-get install chromium/.test(String((e as { actions?: string[] }).actions)),
    );
    assert.equal(await exists(file), false);
  });
});
