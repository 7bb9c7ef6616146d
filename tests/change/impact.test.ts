/**
 * `revops impact` in a scratch clone: a rule tightened in the model blocks records of the bundled
 * dataset that it did not block before (with their external ids); undoing it unblocks the same
 * records; an unchanged model reports nothing; plan --from carries the same report; bad input is
 * one line naming the ref or folder.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  impact,
  NEWLY_BLOCKED,
  NEWLY_UNBLOCKED,
  READ_BY,
  type ImpactReport,
} from '../../scripts/change/impact/index.ts';
import { impactMarkdown } from '../../scripts/change/impact/markdown.ts';
import { git, ROOT } from './support.ts';

/** Every record the bundled seed's manifest lists, supporting ones included. */
const seedRecordCount = async () =>
  (
    JSON.parse(await readFile(join(ROOT, 'data/seed/manifest.json'), 'utf8')) as { objects: { count: number }[] }
  ).objects
    .map((o) => o.count)
    .reduce((a, b) => a + b, 0);

const RULES = 'model/governance/hygiene-rules.ts';
const RULE = 'ValidationRule Opportunity.Next_Step_Required';
const BEFORE = '    ISBLANK(NextStep)\\n)`,';
const AFTER = '    OR(ISBLANK(NextStep), Amount < 50000)\\n)`,';

const subject = (report: ImpactReport, name: string) =>
  report.sections.flatMap((s) => s.subjects).find((s) => s.subject === name);

describe('revops impact: records newly blocked and unblocked by changed rules', () => {
  let clone = '';
  let original = '';

  before(async () => {
    clone = await mkdtemp(join(tmpdir(), 'revops-impact-'));
    git(tmpdir(), 'clone', '-q', ROOT, clone);
    await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    original = await readFile(join(clone, RULES), 'utf8');
    assert.ok(original.includes(BEFORE), `${RULES} still has the rule this test tightens`);
  });
  after(() => rm(clone, { recursive: true, force: true }));

  test('an unchanged model affects no record', async () => {
    const report = await impact(clone, { from: 'HEAD' });
    assert.deepEqual(report.totals, { [NEWLY_BLOCKED]: 0, [NEWLY_UNBLOCKED]: 0 });
    assert.deepEqual(
      report.sections.flatMap((s) => s.subjects),
      [],
    );
    // Every record of the seed: the business records and the supporting ones (touches, catalogue, reps' quotas).
    assert.equal(report.records, await seedRecordCount());
    assert.ok(report.sections[0]!.evaluated > 40, 'every active rule of the model ran');
  });

  test('a tightened rule (working tree): the open deals under 50k are newly blocked, by external id', async () => {
    await writeFile(join(clone, RULES), original.replace(BEFORE, AFTER));
    const report = await impact(clone, { from: 'HEAD', examples: 3 });
    const s = subject(report, RULE);
    assert.ok(s, JSON.stringify(report.sections));
    assert.equal(s.change, 'changed');
    assert.equal(s.before, 0);
    const blocked = s.effects.find((e) => e.kind === NEWLY_BLOCKED);
    assert.ok(blocked && blocked.count > 0 && blocked.count === s.after);
    assert.equal(blocked.examples.length, 3);
    for (const id of blocked.examples) assert.match(id, /^OPP-\d+$/);
    assert.equal(report.totals[NEWLY_BLOCKED], blocked.count);
    // Only this rule changed what it blocks.
    assert.deepEqual(
      report.sections.flatMap((x) => x.subjects).map((x) => x.subject),
      [RULE],
    );
    const md = impactMarkdown(report);
    assert.match(md, new RegExp(`### revops impact: ${blocked.count} records newly blocked`));
    assert.ok(md.includes(`\`${RULE}\` — changed: blocks 0 → ${blocked.count} records`), md);
  });

  test('committed, then undone on disk: the same records are newly unblocked', async () => {
    git(clone, 'commit', '-qam', 'tighten next step');
    const tightened = await impact(clone, { from: 'HEAD~1', to: 'HEAD' });
    await writeFile(join(clone, RULES), original);
    const undone = await impact(clone, { from: 'HEAD' });
    const was = subject(tightened, RULE)!.effects.find((e) => e.kind === NEWLY_BLOCKED)!;
    const now = subject(undone, RULE)!.effects.find((e) => e.kind === NEWLY_UNBLOCKED)!;
    assert.equal(now.count, was.count);
    assert.deepEqual(now.examples, was.examples);
    assert.equal(subject(undone, RULE)!.after, 0);
  });

  test('a deactivated rule is named as such', async () => {
    await writeFile(join(clone, RULES), original.replace(BEFORE, `${BEFORE}\n  active: false,`));
    const report = await impact(clone, { from: 'HEAD' });
    const s = subject(report, RULE);
    assert.equal(s?.change, 'removed');
    assert.equal(s?.note, 'deactivated');
    await writeFile(join(clone, RULES), original);
  });

  test('a changed field: the rule, flow, report and permission sets that read it', async () => {
    const objects = join(clone, 'model/objects/opportunity.ts');
    const text = await readFile(objects, 'utf8');
    const label = "Slip_Reason__c: picklist({ label: 'Slip Reason',";
    assert.ok(text.includes(label));
    await writeFile(objects, text.replace(label, "Slip_Reason__c: picklist({ label: 'Why it slipped',"));
    try {
      const report = await impact(clone, { from: 'HEAD' });
      const s = subject(report, 'CustomField Opportunity.Slip_Reason__c');
      assert.equal(s?.change, 'changed');
      const readers = s.effects.find((e) => e.kind === READ_BY)!.examples;
      for (const name of [
        'ValidationRule Opportunity.Close_Date_Slip_Needs_Reason',
        'Flow Opportunity_Track_Close_Date_Slips',
        'Report Slipped_Deals',
        'PermissionSet RevOps_Account_Executive',
      ])
        assert.ok(readers.includes(name), `${name} in ${readers.join(', ')}`);
      // A rule that only mentions other fields is not listed.
      assert.ok(!readers.includes('ValidationRule Opportunity.Next_Step_Required'));
      assert.match(
        impactMarkdown(report),
        /`CustomField Opportunity\.Slip_Reason__c` — changed; \d+ definition\(s\) read it/,
      );
    } finally {
      await writeFile(objects, text);
    }
  });

  test('bad input: an unknown ref, a folder that is no dataset', async () => {
    await assert.rejects(impact(clone, { from: 'no-such-ref' }), /--from no-such-ref: not a commit in this repository/);
    await assert.rejects(impact(clone, { from: 'HEAD', dataset: 'model' }), /model/);
  });
});
