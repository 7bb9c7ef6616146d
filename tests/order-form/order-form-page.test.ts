/**
 * The order form in the org (issue 17), generated from the quote-to-cash layout by the order-form
 * family: the Visualforce page prints every layout field exactly once, escaped, with the lines in a
 * repeat and the special terms only when not blank; the controller is `with sharing` and queries
 * exactly the layout's fields WITH USER_MODE in the layout's order; the action saves a QuoteDocument
 * in user mode; a broken layout fails the model check naming the path; the AE and the deal desk get
 * what they need and no more. A small fixture layout pins the generated files (golden, reviewed).
 * Only an org proves the PDF renders and the QuoteDocument is written (the generated Apex test).
 *
 *     UPDATE_GOLDEN=1 node --test tests/order-form/order-form-page.test.ts
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import {
  controllerClass,
  CONTROLLER_CLASS,
  documentClass,
  DOCUMENT_CLASS,
  lineQueryPaths,
  orderFormPage,
  quoteFields,
  quoteQueryPaths,
  TEST_CLASS,
  testClass,
  type OrderFormLayout,
} from '../../scripts/dsl/index.ts';
import { generateFiles } from '../../scripts/metadata/generate.ts';
import { validateModel } from '../../scripts/model/validate.ts';
import { openProject } from '../../scripts/project.ts';
import { checkApex } from '../../scripts/verify/apex.ts';
import { listComponents, resolveComponents } from '../../scripts/verify/sdr.ts';
import model from '../../model/index.ts';
import { ROOT } from '../cli/project-copy.ts';

const layout = model.orderForm!;
const GOLDEN_DIR = join(ROOT, 'tests/order-form/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const files = await generateFiles(model);
const fileAt = (path: string) => files.find((f) => f.path === path)?.content ?? assert.fail(`${path} is not generated`);
const page = fileAt(`force-app/generated/pages/${layout.name}.page`);
const controller = fileAt(`force-app/generated/classes/${CONTROLLER_CLASS}.cls`);
const action = fileAt(`force-app/generated/classes/${DOCUMENT_CLASS}.cls`);

/** A small layout with text that needs escaping, the total in the first column and every format. */
const fixture: OrderFormLayout = {
  name: 'Fixture_Order_Form',
  title: 'Terms & <Conditions> "Form"',
  seller: { name: 'Seller & Co', address: '1 Road' },
  header: [{ label: 'Quote', path: 'Name' }],
  sections: [
    {
      title: 'Deal',
      fields: [
        { label: 'Expires', path: 'ExpirationDate', format: 'date' },
        { label: 'Term', path: 'Term_Months__c', format: 'months' },
        { label: 'Uplift', path: 'Uplift_Percent__c', format: 'percent' },
        { label: 'Account', path: 'Opportunity.Account.Name' },
      ],
    },
  ],
  lines: {
    title: 'Lines',
    columns: [
      { label: 'Amount', path: 'Prorated_Amount__c', format: 'currency' },
      { label: 'Qty', path: 'Quantity', format: 'number' },
    ],
    orderBy: ['ServiceDate'],
    totalOf: 'Prorated_Amount__c',
  },
  specialTerms: { label: 'Special', path: 'Special_Terms__c' },
  governingClause: 'Governed by <the> terms.',
  signature: { parties: ['Customer'], lines: ['Signature'] },
};

/** The value expressions of output elements (outputText values and params), in page order. */
const outputs = (markup: string): string[] =>
  [...markup.matchAll(/<apex:(?:outputText|param) value="\{!([^"}]+)\}"/g)].map((m) => m[1]!);

describe('the order form page', () => {
  test('golden: the fixture layout’s page, classes and test (review the diff when it changes)', async () => {
    const generated: Record<string, string> = {
      'Fixture_Order_Form.page': orderFormPage(fixture),
      [`${CONTROLLER_CLASS}.cls`]: controllerClass(fixture),
      [`${DOCUMENT_CLASS}.cls`]: documentClass(fixture),
      [`${TEST_CLASS}.cls`]: testClass(fixture, 'Discovery', [['Standard_Terms__c', 'MSA 2026 Standard']]),
    };
    if (UPDATE) await mkdir(GOLDEN_DIR, { recursive: true });
    for (const [name, content] of Object.entries(generated)) {
      if (UPDATE) await writeFile(join(GOLDEN_DIR, name), content);
      assert.equal(content, await readFile(join(GOLDEN_DIR, name), 'utf8'), `tests/order-form/golden/${name}`);
    }
  });

  test('a page deployable as Salesforce expects: well-formed markup, PDF, no header, no standard stylesheets', () => {
    assert.equal(XMLValidator.validate(page), true);
    assert.equal(XMLValidator.validate(orderFormPage(fixture)), true);
    const open = page.match(/<apex:page [^>]*>/)![0];
    for (const attribute of [
      `controller="${CONTROLLER_CLASS}"`,
      'renderAs="pdf"',
      'applyHtmlTag="false"',
      'showHeader="false"',
      'standardStylesheets="false"',
    ])
      assert.ok(open.includes(attribute), attribute);
    assert.doesNotMatch(page, /escape=/i, 'every output is escaped (the default)');
  });

  test('every layout field is printed exactly once, from the quote or from a line in the repeat', () => {
    const printed = outputs(page);
    const expected = [
      ...quoteFields(layout).map((f) => `quote.${f.path}`),
      ...layout.lines.columns.map((c) => `line.${c.path}`),
    ];
    for (const value of expected)
      assert.equal(printed.filter((p) => p === value).length, 1, `${value} is printed once`);
    assert.deepEqual(
      printed.filter((p) => p !== 'currencyCode' && p !== 'total').sort(),
      [...expected].sort(),
      'nothing else is printed',
    );
    const repeat = page.slice(page.indexOf('<apex:repeat'), page.indexOf('</apex:repeat>'));
    assert.deepEqual(
      outputs(repeat).filter((p) => p !== 'currencyCode'),
      layout.lines.columns.map((c) => `line.${c.path}`),
    );
    for (const c of layout.lines.columns) assert.ok(page.includes(`>${c.label}</th>`), c.label);
  });

  test('labels and static text come from the layout, escaped', () => {
    const markup = orderFormPage(fixture);
    assert.ok(markup.includes('<h1>Terms &amp; &lt;Conditions&gt; &quot;Form&quot;</h1>'));
    assert.ok(markup.includes('title="Terms &amp; &lt;Conditions&gt; &quot;Form&quot;"'));
    assert.ok(markup.includes('Governed by &lt;the&gt; terms.'));
    assert.ok(page.includes(`<p class="clause">${layout.governingClause}</p>`));
    for (const party of layout.signature.parties) assert.ok(page.includes(`<h3>${party}</h3>`), party);
  });

  test('the special terms block is rendered only when the quote has special terms', () => {
    const path = layout.specialTerms.path;
    const block = page.match(/<apex:outputPanel layout="block" rendered="([^"]+)">([\s\S]*?)<\/apex:outputPanel>/)!;
    assert.equal(block[1], `{!NOT(ISBLANK(quote.${path}))}`);
    assert.deepEqual(outputs(block[2]!), [`quote.${path}`]);
  });

  test('the total sits under its column, even when that is the first', () => {
    assert.match(page, new RegExp(`<th colspan="${layout.lines.columns.length - 1}">Total</th><td class="num">`));
    assert.match(
      orderFormPage(fixture),
      /<tfoot><tr><td class="num"><apex:outputText[^>]*><apex:param value="\{!total\}"\/>/,
    );
  });
});

describe('the controller and the action', () => {
  const selects = (source: string) =>
    [...source.matchAll(/SELECT\s+([\s\S]*?)\s+FROM (\w+)([\s\S]*?)\]/g)].map((m) => ({
      fields: m[1]!.split(',').map((f) => f.trim()),
      from: m[2]!,
      rest: m[3]!,
    }));

  test('with sharing; queries exactly the layout’s fields, WITH USER_MODE, lines in orderBy order', () => {
    assert.match(controller, new RegExp(`^public with sharing class ${CONTROLLER_CLASS} \\{$`, 'm'));
    const [quote, lines] = selects(controller);
    assert.equal(quote!.from, 'Quote');
    assert.deepEqual(quote!.fields, quoteQueryPaths(layout));
    assert.equal(lines!.from, 'QuoteLineItem');
    assert.deepEqual(lines!.fields, lineQueryPaths(layout));
    for (const s of [quote!, lines!]) assert.match(s.rest, /WITH USER_MODE/);
    assert.match(lines!.rest, new RegExp(`ORDER BY ${layout.lines.orderBy.join(', ')}\\s*$`));
    assert.ok(controller.includes(`total += line.${layout.lines.totalOf} == null ? 0 : line.${layout.lines.totalOf};`));
  });

  test('the action renders the page as a PDF and inserts QuoteDocuments in user mode, with sharing', () => {
    assert.match(action, new RegExp(`^public with sharing class ${DOCUMENT_CLASS} \\{$`, 'm'));
    assert.match(action, /@InvocableMethod\(/);
    assert.match(action, /public static List<Id> attach\(List<Id> quoteIds\)/);
    assert.ok(action.includes(`PageReference form = Page.${layout.name};`));
    assert.match(action, /form\.getContentAsPDF\(\)/);
    assert.match(action, /new QuoteDocument\(QuoteId = quoteId, Document = pdf\)/);
    assert.match(action, /Database\.insert\(documents, AccessLevel\.USER_MODE\);/);
  });

  test('the generated test runs as the AE and covers the layout’s paths, order and total', () => {
    const source = fileAt(`force-app/generated/classes/${TEST_CLASS}.cls`);
    assert.match(source, /^@isTest\nprivate class /m);
    assert.match(source, /PERMISSION_SETS = new List<String>\{ 'RevOps_Account_Executive' \}/);
    for (const path of quoteQueryPaths(layout)) assert.ok(source.includes(`'${path}'`), path);
    assert.ok(source.includes(`TOTAL_OF = '${layout.lines.totalOf}'`));
    assert.match(source, /Standard_Terms__c = 'MSA 2026 Standard'/, 'the quote’s required picklist is set');
  });

  test('the files on disk parse and are Prettier-formatted (verify’s Apex check)', async () => {
    const paths = [CONTROLLER_CLASS, DOCUMENT_CLASS, TEST_CLASS].map((c) => `force-app/generated/classes/${c}.cls`);
    assert.deepEqual(
      await checkApex(
        paths.map((p) => join(ROOT, p)),
        (f) => f.slice(ROOT.length),
      ),
      [],
    );
  });
});

describe('the model check and the permissions', () => {
  const issuesWith = (broken: OrderFormLayout) =>
    validateModel({ ...model, orderForm: broken })
      .filter((i) => i.component === `Order form ${broken.name}`)
      .map((i) => i.message);

  test('a path typo fails the check, naming the path and where it breaks', () => {
    const broken = {
      ...layout,
      sections: [{ title: 'Customer', fields: [{ label: 'Customer', path: 'Opportunity.Acount.Name' }] }],
    };
    const messages = issuesWith(broken);
    assert.ok(
      messages.some((m) => m.includes('Quote.Opportunity.Acount.Name') && m.includes('no relationship Acount')),
      messages.join('\n'),
    );
  });

  test('a format that does not suit the field, a non-numeric total and "{!" in a label fail the check', () => {
    const broken: OrderFormLayout = {
      ...layout,
      header: [{ label: 'Quote {!$User.Email}', path: 'Name', format: 'date' }],
      lines: {
        ...layout.lines,
        columns: [{ label: 'SKU', path: 'Product2.ProductCode' }],
        totalOf: 'Product2.ProductCode',
      },
    };
    const messages = issuesWith(broken).join('\n');
    assert.match(messages, /Quote\.Name is a string field; "Quote \{!\$User\.Email\}" is formatted as date/);
    assert.match(messages, /QuoteLineItem\.Product2\.ProductCode is a string field; the total/);
    assert.match(messages, /holds "\{!"/);
  });

  test('the model’s layout passes', () => {
    assert.deepEqual(issuesWith(layout), []);
  });

  test('the AE opens and saves the form; the deal desk only opens it; nobody else gets either', () => {
    const grants = model.permissionSets
      .filter((s) => s.apexPages.includes(layout.name) || s.apexClasses.some((c) => c.startsWith('OrderForm')))
      .map((s) => [s.name, [...s.apexPages], s.apexClasses.filter((c) => c.startsWith('OrderForm'))]);
    assert.deepEqual(grants, [
      ['RevOps_Account_Executive', [layout.name], [CONTROLLER_CLASS, DOCUMENT_CLASS]],
      ['RevOps_Finance_Legal', [layout.name], [CONTROLLER_CLASS]],
    ]);
  });

  test('source-deploy-retrieve resolves the page and the classes into the package', async () => {
    const components = await listComponents(resolveComponents(await openProject(ROOT)));
    const names = (type: string) => components.filter((c) => c.type === type).map((c) => c.fullName);
    assert.ok(names('ApexPage').includes(layout.name));
    for (const c of [CONTROLLER_CLASS, DOCUMENT_CLASS, TEST_CLASS]) assert.ok(names('ApexClass').includes(c), c);
  });
});
