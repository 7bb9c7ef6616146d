import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  checkbox,
  customObject,
  defineModel,
  lookup,
  number,
  picklist,
  required,
  stageGateRules,
  text,
} from '../../scripts/dsl/index.ts';
import type { ObjectDef, RevOpsModel } from '../../scripts/dsl/index.ts';
import {
  checkDataset,
  generateDataset,
  parseScale,
  readManifest,
  targetRecords,
  verifyDatasetFormat,
} from '../../scripts/data/index.ts';
import { model, readLines, removeDir, SEED_DIR, tempDir } from './support.ts';

let work: string;
before(async () => {
  work = await tempDir();
});
after(() => removeDir(work));

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n))] as const)));
}

describe('determinism', () => {
  test('the same seed writes byte-identical files; another seed writes different ones', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((n) => join(work, n));
    await generateDataset({ model, out: a!, seed: 42 });
    await generateDataset({ model, out: b!, seed: 42 });
    await generateDataset({ model, out: c!, seed: 7 });
    const [fa, fb, fc] = await Promise.all([filesOf(a!), filesOf(b!), filesOf(c!)]);
    assert.deepEqual([...fa.keys()], [...fb.keys()]);
    for (const [name, bytes] of fa)
      assert.ok(bytes.equals(fb.get(name)!), `${name} differs between two runs with seed 42`);
    for (const name of ['Account.ndjson', 'Opportunity.ndjson', 'Lead.ndjson'])
      assert.ok(!fa.get(name)!.equals(fc.get(name)!), `${name} is the same with seed 7`);
  });

  test('the bundled dataset is exactly what `data generate --scale small` writes from the current model', async () => {
    const out = join(work, 'bundled');
    await generateDataset({ model, out, scale: 'small' });
    const [fresh, bundled] = await Promise.all([filesOf(out), filesOf(SEED_DIR)]);
    assert.deepEqual([...bundled.keys()], [...fresh.keys()], 'data/seed holds other files: regenerate it');
    for (const [name, bytes] of fresh)
      assert.ok(
        bytes.equals(bundled.get(name)!),
        `data/seed/${name} is stale: run revops data generate --scale small --out data/seed`,
      );
  });
});

describe('scale', () => {
  test('an explicit record count is met exactly (leads absorb the difference)', async () => {
    for (const target of [250, 4321]) {
      const out = join(work, `n${target}`);
      const { manifest } = await generateDataset({ model, out, scale: target });
      // Supporting records (reps' quotas) come on top of the target, listed per object.
      assert.equal(targetRecords(manifest), target);
      assert.equal(targetRecords(manifest), target);
      assert.ok(
        manifest.objects.some((o) => o.supporting && o.sobject === 'Product2'),
        'the catalogue is supporting',
      );
      assert.ok(manifest.objects.some((o) => o.supporting && o.sobject === 'Touch__c' && o.count > 0));
      for (const o of manifest.objects) assert.equal((await readLines(out, o.file)).length, o.count, o.file);
    }
  });

  test('supporting records (touches) come on top of the target: the business records stay as without them', async () => {
    const noTouches = variant({ objects: (objects) => objects.filter((o) => o.apiName !== 'Touch__c') });
    const counts = async (m: RevOpsModel, name: string) => {
      const { manifest } = await generateDataset({ model: m, out: join(work, name), scale: 'small' });
      return Object.fromEntries(manifest.objects.map((o) => [o.sobject, o.count]));
    };
    const [withTouches, without] = [await counts(model, 'touches'), await counts(noTouches, 'no-touches')];
    // The bundled seed's contract: its business records do not shrink for supporting ones. (Lead is
    // 754, not 755: the ARR-band discount ladder gives one more open deal its Deal_Exception__c.)
    for (const [object, n] of Object.entries({ Account: 262, Lead: 754, Opportunity: 366 })) {
      assert.equal(withTouches[object], n, object);
      assert.equal(without[object], n, object);
    }
    assert.equal(without.Touch__c, undefined);
    assert.ok(withTouches.Touch__c! > withTouches.Lead!, 'every lead has at least one touch');
  });

  test('scales parse from names and counts; anything else is refused', () => {
    assert.equal(parseScale('medium'), 'medium');
    assert.equal(parseScale('1_000_000'), 1_000_000);
    assert.throws(() => parseScale('huge'), /small, medium, large or a record count/);
    assert.throws(() => parseScale('0'), { name: 'InvalidScale' });
  });

  test('regenerating removes files of objects that are no longer seeded, and writes the manifest last', async () => {
    const out = join(work, 'stale');
    await generateDataset({ model, out, scale: 300 });
    await writeFile(join(out, 'Retired__c.ndjson'), '{}\n');
    const { manifest } = await generateDataset({ model, out, scale: 300 });
    assert.ok(!(await readdir(out)).includes('Retired__c.ndjson'));
    assert.deepEqual(await readManifest(out), JSON.parse(JSON.stringify(manifest)));
  });
});

/** The current model with some changes, as the lead developer might make them. */
function variant(changes: { objects?: (objects: readonly ObjectDef[]) => ObjectDef[]; rest?: Partial<RevOpsModel> }) {
  const objects = changes.objects ? changes.objects(model.objects) : [...model.objects];
  const names = new Set(objects.map((o) => o.apiName));
  return defineModel({
    ...model,
    objects,
    validationRules: model.validationRules.filter((r) => names.has(r.object)),
    ...changes.rest,
  });
}

describe('the dataset follows the model', () => {
  test('objects the model drops are skipped; an object without External_Id__c is reported, not seeded', async () => {
    const reduced = variant({
      objects: (objects) =>
        objects
          .filter((o) => o.apiName !== 'Handoff_Packet__c' && o.apiName !== 'Commitment__c')
          .map((o) => {
            if (o.apiName !== 'Campaign') return o;
            return {
              ...o,
              fields: Object.fromEntries(Object.entries(o.fields).filter(([name]) => name !== 'External_Id__c')),
            };
          }),
    });
    const out = join(work, 'reduced');
    const result = await generateDataset({ model: reduced, out, scale: 1500 });
    const seeded = result.manifest.objects.map((o) => o.sobject);
    assert.ok(
      !seeded.includes('Handoff_Packet__c') && !seeded.includes('Commitment__c') && !seeded.includes('Campaign'),
    );
    // Campaign, Forecast_Submission__c, the lifecycle ledger, and the objects only automation and people fill
    // (routing's seats, decisions, clocks, User's routing fields).
    for (const object of ['Campaign', 'Forecast_Submission__c', 'Lifecycle_Action__c'])
      assert.deepEqual(
        result.skipped.find((s) => s.object === object),
        { object, reason: 'no External_Id__c field' },
      );
    assert.ok(result.skipped.every((s) => s.reason === 'no External_Id__c field' && !seeded.includes(s.object)));
    const [opp] = await readLines(out, 'Opportunity.ndjson');
    assert.ok(!('Campaign' in opp!), 'a lookup to an object that is not seeded is left out');
    assert.equal(targetRecords(result.manifest), 1500);
    assert.deepEqual(await verifyDatasetFormat(out, reduced), []);
    const check = await checkDataset(out, { model: reduced });
    assert.equal(check.violationCount, 0);
  });

  test('a new object with an External_Id__c gets generic records whose lookups resolve', async () => {
    const RoutingDecision = customObject('Routing_Decision__c', {
      label: 'Routing Decision',
      pluralLabel: 'Routing Decisions',
      nameField: { label: 'Decision Number', type: 'AutoNumber', displayFormat: 'RTD-{00000}' },
      fields: {
        Lead__c: lookup('Lead', { label: 'Lead', relationshipName: 'Routing_Decisions' }),
        Rule__c: picklist({ label: 'Rule', values: ['Named Account', 'Round Robin', 'Fallback'], required: true }),
        Pool_Size__c: number({ label: 'Pool Size', precision: 3 }),
        Note__c: text({ label: 'Note', length: 20, required: true }),
        External_Id__c: text({ label: 'External ID', length: 40, unique: true, externalId: true }),
      },
    });
    const grown = variant({ objects: (objects) => [...objects, RoutingDecision] });
    const out = join(work, 'grown');
    const result = await generateDataset({ model: grown, out, scale: 2000 });
    assert.deepEqual(result.generic, ['Routing_Decision__c']);
    const entry = result.manifest.objects.find((o) => o.sobject === 'Routing_Decision__c')!;
    assert.ok(entry.count > 0);
    const records = await readLines(out, entry.file);
    assert.match(String(records[0]!.External_Id__c), /^RTD-\d{6}$/);
    for (const r of records) {
      assert.ok(['Named Account', 'Round Robin', 'Fallback'].includes(String(r.Rule__c)), 'required picklist filled');
      assert.ok(typeof r.Note__c === 'string' && r.Note__c.length <= 20, 'text within its length');
    }
    const order = result.manifest.objects.map((o) => o.sobject);
    assert.ok(order.indexOf('Lead') < order.indexOf('Routing_Decision__c'));
    assert.deepEqual(await verifyDatasetFormat(out, grown), []);
  });

  test('governance choices are asked of the rules: the deal desk seeds decided approvals, a rule against them removes them', async () => {
    const desk = model.validationRules.find((r) => r.name === 'Discount_Approval_By_Deal_Desk')!;
    const noApprovals = {
      ...desk,
      name: 'No_Seeded_Approvals',
      formula: 'ISPICKVAL(Discount_Approval_Status__c, "Approved")',
    };
    const tightened = variant({ rest: { validationRules: [...model.validationRules, noApprovals] } });
    const statuses = async (m: RevOpsModel, name: string) => {
      await generateDataset({ model: m, out: join(work, name), scale: 'small' });
      const deals = await readLines(join(work, name), 'Opportunity.ndjson');
      return deals.filter((d) => d.Discount_Approval_Status__c === 'Approved').length;
    };
    assert.ok((await statuses(model, 'desk')) > 0, 'the seed loads as the deal desk: won deals keep decided approvals');
    assert.equal(
      await statuses(tightened, 'no-approvals'),
      0,
      'a rule against approved records removes them from the seed',
    );
  });

  test('a new exit criterion is filled on every deal past its stage, so the new gate holds', async () => {
    const base = model.objects.find((o) => o.apiName === 'Opportunity')!;
    const opportunity = {
      ...base,
      fields: { ...base.fields, Legal_Review_Complete__c: checkbox({ label: 'Legal Review Complete' }) },
    };
    const stages = {
      ...model.opportunityStages!,
      stages: model.opportunityStages!.stages.map((s) =>
        s.name === 'Business Case'
          ? {
              ...s,
              exit: [
                ...s.exit,
                required({ object: 'Opportunity', field: 'Legal_Review_Complete__c' }, 'Tick Legal Review Complete.'),
              ],
            }
          : s,
      ),
    };
    const gated = variant({
      objects: (objects) => objects.map((o) => (o.apiName === 'Opportunity' ? opportunity : o)),
      rest: {
        opportunityStages: stages,
        validationRules: [
          ...model.validationRules.filter((r) => !r.name.startsWith('Gate_')),
          ...stageGateRules(stages, opportunity),
        ],
      },
    });
    assert.ok(gated.validationRules.some((r) => r.name === 'Gate_BusinessCase_Legal_Review_Complete'));
    const out = join(work, 'gated');
    await generateDataset({ model: gated, out, scale: 3000 });
    const beyond = ['Commercials', 'Closed Won'];
    const deals = (await readLines(out, 'Opportunity.ndjson')).filter((d) => beyond.includes(String(d.StageName)));
    assert.ok(deals.length > 10);
    for (const d of deals) assert.equal(d.Legal_Review_Complete__c, true, `${d.External_Id__c} (${d.StageName})`);
    const check = await checkDataset(out, { model: gated });
    assert.equal(check.violationCount, 0, JSON.stringify(check.violations.slice(0, 3)));
    assert.ok(check.rules.find((r) => r.rule === 'Gate_BusinessCase_Legal_Review_Complete')!.evaluated > 0);
  });
});
