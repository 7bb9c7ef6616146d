/**
 * Attribution on the bundled dataset: every model credits each closed-won deal's amount exactly
 * once across its touches; two models are recomputed here from the raw files with plain loops;
 * bad input is named. Plus the exact-cents rule on small cases.
 */
import assert from 'node:assert/strict';
import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SfError } from '@salesforce/core/sfError';
import {
  MODEL_NAMES,
  runAttribution,
  splitCents,
  type AttributionResult,
  type ModelName,
} from '../../scripts/attribution/index.ts';
import { datasetCopy, model, readLines, removeDir, SEED_DIR } from '../data/support.ts';

const results = new Map<ModelName, AttributionResult>();
before(async () => {
  for (const name of MODEL_NAMES) results.set(name, await runAttribution(SEED_DIR, { model, attribution: name }));
});

describe('every model on data/seed', () => {
  test('each closed-won deal is credited exactly its amount, in whole cents, across its touches', async () => {
    const deals = (await readLines(SEED_DIR, 'Opportunity.ndjson')).filter((o) => o.StageName === 'Closed Won');
    assert.ok(deals.length > 10, `only ${deals.length} closed-won deals in data/seed`);
    for (const [name, r] of results) {
      assert.equal(r.credits.length, deals.length, `${name}: one credit entry per closed-won deal`);
      assert.equal(r.closedWon.unattributedCents, 0, `${name}: every won deal in data/seed has touches`);
      for (const deal of deals) {
        const c = r.credits.find((x) => x.opportunity === deal.External_Id__c)!;
        assert.ok(c.credits.length > 0, `${name} ${c.opportunity}: no touches`);
        assert.ok(c.credits.every((t) => Number.isInteger(t.cents) && t.cents >= 0));
        const total = c.credits.reduce((s, t) => s + t.cents, 0);
        assert.equal(total, Math.round((deal.Amount as number) * 100), `${name} ${c.opportunity}`);
      }
      const byChannel = r.byChannel.reduce((s, ch) => s + ch.revenueCents, 0);
      assert.equal(byChannel, r.closedWon.amountCents, `${name}: channel revenue adds up to closed-won revenue`);
    }
  });

  test('the models disagree where they should: first touch and last touch credit different channels', () => {
    const top = (name: ModelName) => results.get(name)!.byChannel[0]!.channel;
    assert.notEqual(top('first-touch'), top('last-touch'));
    assert.ok(
      results.get('first-touch')!.byChannel.every((c) => c.channel !== 'Sales Meeting' || c.revenueCents === 0),
    );
  });

  test('bots and duplicates are filtered by rule and counted', () => {
    const { excluded, total, kept } = results.get('linear')!.touches;
    assert.ok(
      excluded['bot-flag'] > 0 && excluded['bot-user-agent'] > 0 && excluded['duplicate-within-30-minutes'] > 0,
    );
    assert.equal(
      total - kept,
      excluded['bot-flag'] + excluded['bot-user-agent'] + excluded['duplicate-within-30-minutes'],
    );
  });

  test('the decision rule recommends W-shaped: opportunity creation is tracked, far from 500 won deals a year', () => {
    const rec = results.get('u-shaped')!.recommendation;
    assert.equal(rec.model, 'w-shaped');
    assert.ok(rec.closedWonLastYear < 500 && rec.opportunityCreationTracked >= 0.9, JSON.stringify(rec));
  });
});

/** Plain recomputation from the files: no library code beyond reading JSON lines. */
async function recompute(weights: (n: number, lead: number, opp: number) => number[]): Promise<Map<string, number[]>> {
  const touches = await readLines(SEED_DIR, 'Touch__c.ndjson');
  const opps = await readLines(SEED_DIR, 'Opportunity.ndjson');
  const id = (v: unknown) => (v ? String((v as { External_Id__c: string }).External_Id__c) : '');
  const at = (t: Record<string, unknown>) => Date.parse(String(t.Touched_At__c));
  const sorted = [...touches].sort(
    (a, b) => at(a) - at(b) || String(a.External_Id__c).localeCompare(String(b.External_Id__c)),
  );
  const seen = new Map<string, number>();
  const kept: Record<string, unknown>[] = [];
  for (const t of sorted) {
    const ua = String(t.User_Agent__c ?? '').toLowerCase();
    if (t.Is_Bot__c === true) continue;
    if (['bot', 'crawler', 'spider', 'headless', 'preview', 'scanner'].some((m) => ua.includes(m))) continue;
    const key = [id(t.Lead__r), id(t.Contact__r), id(t.Campaign__r), t.Channel__c, t.Touch_Type__c].join('|');
    if (seen.has(key) && at(t) - seen.get(key)! <= 30 * 60_000) continue;
    seen.set(key, at(t));
    kept.push(t);
  }
  const out = new Map<string, number[]>();
  for (const o of opps) {
    if (o.StageName !== 'Closed Won') continue;
    const close = Date.parse(`${String(o.CloseDate)}T23:59:59.999Z`);
    const journey = kept.filter((t) => id(t.Opportunity__r) === o.External_Id__c && at(t) <= close);
    let lead = journey.findIndex((t) => t.Milestone__c === 'Lead Created');
    if (lead < 0) lead = 0;
    let opp = journey.findIndex((t) => t.Milestone__c === 'Opportunity Created');
    if (opp < 0) opp = journey.length - 1;
    const w = weights(journey.length, lead, opp); // numerators over a common denominator, summing to it
    const den = w.reduce((a, b) => a + b, 0);
    const cents = Math.round((o.Amount as number) * 100);
    const parts = w.map((x) => Math.floor((cents * x) / den));
    let left = cents - parts.reduce((a, b) => a + b, 0);
    const order = w.map((x, i) => ({ i, r: (cents * x) % den }));
    order.sort((a, b) => b.r - a.r || a.i - b.i);
    for (let k = 0; left > 0; k++, left--) parts[order[k]!.i]! += 1;
    out.set(String(o.External_Id__c), parts);
  }
  return out;
}

function assertSame(name: ModelName, expected: Map<string, number[]>) {
  const r = results.get(name)!;
  assert.equal(r.credits.length, expected.size);
  for (const c of r.credits)
    assert.deepEqual(
      c.credits.map((t) => t.cents),
      expected.get(c.opportunity),
      `${name}: ${c.opportunity}`,
    );
}

describe('two models recomputed independently', () => {
  test('linear: equal shares, cents left to the earliest touches', async () => {
    assertSame('linear', await recompute((n) => new Array<number>(n).fill(1)));
  });

  test('W-shaped: 30 % first touch, lead creation, opportunity creation; 10 % over the rest', async () => {
    const w = (n: number, lead: number, opp: number) => {
      const anchors = [0, lead, opp];
      const others = [...Array(n).keys()].filter((i) => !anchors.includes(i));
      const receivers = others.length || 3;
      const x = new Array<number>(n).fill(0);
      for (const a of anchors) x[a]! += 300 * receivers;
      for (const i of others.length ? others : anchors) x[i]! += 100;
      return x;
    };
    assertSame('w-shaped', await recompute(w));
  });
});

describe('exact cents', () => {
  const shape = (length: number, leadCreated = 0, opportunityCreated = length - 1) => ({
    length,
    leadCreated,
    opportunityCreated,
  });
  test('one touch gets everything under every model', () => {
    for (const m of MODEL_NAMES) assert.deepEqual(splitCents(12345n, m, shape(1)), [12345n]);
  });
  test('cents that do not divide go to the earlier touches on a tie', () => {
    assert.deepEqual(splitCents(3n, 'linear', shape(4)), [1n, 1n, 1n, 0n]);
    assert.deepEqual(splitCents(10n, 'linear', shape(3)), [4n, 3n, 3n]);
  });
  test('U-shaped with two touches is 50/50; with four, 40/40 then 10/10', () => {
    assert.deepEqual(splitCents(100n, 'u-shaped', shape(2, 1)), [50n, 50n]);
    assert.deepEqual(splitCents(100n, 'u-shaped', shape(4, 1)), [40n, 40n, 10n, 10n]);
  });
  test('full path on five touches: 22.5 % to each milestone, 10 % to the one between', () => {
    assert.deepEqual(splitCents(1000n, 'full-path', shape(5, 1, 3)), [225n, 225n, 100n, 225n, 225n]);
  });
});

describe('bad input is named', () => {
  let copy: string;
  before(async () => {
    copy = await datasetCopy();
  });
  after(() => removeDir(copy));

  const rejects = (name: string, message: RegExp) => (error: unknown) => {
    assert.ok(error instanceof SfError, String(error));
    assert.equal(error.name, name);
    assert.match(error.message, message);
    return true;
  };

  test('an unknown model lists the models', async () => {
    await assert.rejects(
      runAttribution(SEED_DIR, { model, attribution: 'v-shaped' }),
      rejects('UnknownAttributionModel', /"v-shaped".*first-touch, last-touch, linear, u-shaped, w-shaped, full-path/),
    );
  });

  test('a broken line of Touch__c.ndjson names the file and the line', async () => {
    const file = join(copy, 'Touch__c.ndjson');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[4] = lines[4]!.slice(0, 30);
    await writeFile(file, lines.join('\n'));
    await assert.rejects(
      runAttribution(copy, { model, attribution: 'linear' }),
      rejects('DatasetLineInvalid', /Touch__c\.ndjson:5: not valid JSON/),
    );
  });

  test('a touch time that is not a date names the file, line, record and field', async () => {
    const file = join(copy, 'Touch__c.ndjson');
    const lines = (await readFile(join(SEED_DIR, 'Touch__c.ndjson'), 'utf8')).split('\n');
    lines[6] = lines[6]!.replace(/"Touched_At__c":"[^"]+"/, '"Touched_At__c":"yesterday"');
    await writeFile(file, lines.join('\n'));
    await assert.rejects(
      runAttribution(copy, { model, attribution: 'linear' }),
      rejects(
        'AttributionValueInvalid',
        /Touch__c\.ndjson:7: Touch__c TCH-0+7: Touched_At__c must be an ISO 8601 date\/time, got "yesterday"/,
      ),
    );
  });
});
