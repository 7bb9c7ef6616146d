/**
 * The account domain (issue 9, item 3) beyond its test cases: the normalising formula stays
 * small (Salesforce caps a flow formula at 3,900 characters and 5,000 compiled bytes, and a
 * sub-expression repeated at every level multiplies), it extracts the host of any address built
 * from scheme, www, host, port, path, query and fragment in any case, a user who never edits a
 * domain by hand is never blocked by the domain validation rule whatever the Website holds, and
 * the records the rule vectors and the seed dataset hold are what the flow would write.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { flowTest, type FlowDef } from '../../scripts/dsl/index.ts';
import { runFlowCase } from '../../scripts/families/flows/cases.ts';
import { resolvedFormula } from '../../scripts/families/flows/formulas.ts';
import { runFlow, type Values } from '../../scripts/families/flows/simulate.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import model from '../../model/index.ts';

const schema = buildSchema(model);
const clock = { now: '2025-03-14T12:00:00Z' };
const flow = model.flows.find((f) => f.name === 'Account_Normalise_Website_Domain')!;
const DATA = fileURLToPath(new URL('../../data/', import.meta.url));

/** The domain the flow writes for a Website on insert. */
const domainOf = (website: string | null): unknown =>
  runFlow(flow, { record: { Name: 'Acme', Website: website }, prior: null }, { schema, clock }).record
    .Website_Domain__c ?? null;

/** A deterministic pseudo-random sequence (mulberry32), so the generated addresses are the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the normalising formula', () => {
  test('is well under Salesforce’s 3,900 characters, and reads Website a fixed number of times', () => {
    const source = resolvedFormula(flow, 'NormalisedDomain');
    assert.ok(source.length < 1000, `${source.length} characters`);
    // Two reads of the slashed text, three of the trimmed Website in each: 6, at any length of
    // the address. A formula that nests repeated reads grows as their product at every level.
    assert.equal(source.match(/\{!\$Record\.Website\}/g)?.length, 6);
  });

  test('extracts the host of 2,000 generated addresses, as the WHATWG URL parser does', () => {
    const next = random(9);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const shout = (s: string) => [...s].map((ch) => (next() < 0.3 ? ch.toUpperCase() : ch)).join('');
    for (let i = 0; i < 2000; i++) {
      const host = pick(['acme.example', 'shop.eu.acme.example', 'acme-2go.example', 'a.b.c.example', 'x1.example']);
      const scheme = pick(['', 'http://', 'https://', 'ftp://', 'git+ssh://']);
      const address = [
        scheme,
        pick(['', 'www.']),
        host,
        pick(['', '.']),
        pick(['', ':80', ':8443']),
        pick(['', '/', '/about', '/a/b.html', '/a//b']),
        pick(['', '?q=1', '?to=https://other.example/x']),
        pick(['', '#top', '#a:b']),
      ].join('');
      const website = shout(address);
      const expected = new URL(scheme ? address : `http://${address}`).hostname.replace(/\.$/, '');
      assert.equal(domainOf(website), expected.replace(/^www\./, ''), `Website ${JSON.stringify(website)}`);
    }
  });
});

describe('a user who never edits the domain is never blocked by Website_Domain_Normalised', () => {
  // Sales Ops owns accounts and does not hold the governance bypass.
  const asSalesOps = (cases: ReturnType<typeof flowTest>[]): FlowDef => ({
    ...flow,
    tests: { runAs: { permissionSets: ['RevOps_Sales_Ops'] }, cases },
  });
  const websites = [
    'HTTPS://WWW.ACME.COM',
    'acme',
    'localhost:8080',
    'http://',
    'https://www.',
    'www.www.acme.example',
    'acme_corp.example',
    'acme..example',
    'https://user:pw@acme.example',
    'münchen.example',
    '.acme.example',
    'acme.example.',
    '  ',
    '/relative/path',
    '?q',
    'https://acme.example:notaport/x',
  ];
  for (const website of websites) {
    test(`Website ${JSON.stringify(website)}: saving it, then editing the name`, () => {
      const testCase = flowTest('never blocked', {
        insert: { Name: 'Acme', Website: website },
        update: { Name: 'Acme Group' },
        expect: { Name: 'Acme Group' },
      });
      const { problems } = runFlowCase(model, asSalesOps([testCase]), testCase, { schema, clock });
      assert.deepEqual(problems, []);
    });
  }
});

/** Rule vector records as the README builds them: baseline, then the file's base, then the case. */
async function accountVectors(): Promise<{ name: string; record: Values; prior: Values | null }[]> {
  const dir = `${DATA}rule-vectors/`;
  const baselines = JSON.parse(await readFile(`${dir}baselines.json`, 'utf8')) as { records: Record<string, Values> };
  const files = (await readdir(dir)).filter((f) => f.startsWith('Account.'));
  const vectors = [];
  for (const file of files) {
    const json = JSON.parse(await readFile(`${dir}${file}`, 'utf8')) as {
      base?: Values;
      cases: { name: string; prior: Values | null; record: Values }[];
    };
    const start = { ...baselines.records.Account, ...json.base };
    for (const c of json.cases) {
      const prior = c.prior === null ? null : { ...start, ...c.prior };
      vectors.push({ name: `${file}: ${c.name}`, record: { ...(prior ?? start), ...c.record }, prior });
    }
  }
  return vectors;
}

describe('records elsewhere in the project are what the flow writes', () => {
  test('Account rule vectors: the before-save flow leaves every record and prior as it is', async () => {
    // An org runs the flow before the rules: a vector whose domain the flow would rewrite would
    // test a value the rule never sees there.
    const vectors = await accountVectors();
    assert.ok(vectors.length > 10);
    for (const v of vectors) {
      for (const [record, prior] of [[v.record, v.prior], ...(v.prior ? [[v.prior, null] as const] : [])] as const) {
        const after = runFlow(flow, { record, prior }, { schema, clock }).record;
        assert.equal(after.Website_Domain__c ?? null, record.Website_Domain__c ?? null, v.name);
      }
    }
  });

  test('the seed dataset: every account’s domain is the one its Website gives', async () => {
    const lines = (await readFile(`${DATA}seed/Account.ndjson`, 'utf8')).split('\n').filter(Boolean);
    const differ = lines
      .map((l) => JSON.parse(l) as Values)
      .filter((a) => (domainOf((a.Website as string | null) ?? null) ?? null) !== (a.Website_Domain__c ?? null))
      .map((a) => `${String(a.External_Id__c)}: ${String(a.Website)} → ${String(a.Website_Domain__c)}`);
    assert.deepEqual(differ, []);
  });
});
