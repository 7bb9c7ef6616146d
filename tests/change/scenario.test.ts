/**
 * The issue's "done when", in a scratch clone: change a rule's formula, delete a field and
 * broaden a permission, commit; `revops diff` reports each, how it changed and its risk; `rfc
 * check` fails without an RFC, fails with one whose scope misses a component, and passes with
 * a matching approved one — until another commit changes the package and voids the approval.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diff, type DiffReport } from '../../scripts/change/diff/index.ts';
import { diffMarkdown } from '../../scripts/change/diff/markdown.ts';
import { rfcCheck } from '../../scripts/change/rfc/index.ts';
import { git, ROOT } from './support.ts';

const G = 'force-app/generated';
const RULE = `${G}/objects/Opportunity/validationRules/Close_Date_Slip_Needs_Reason.validationRule-meta.xml`;
const FIELD = `${G}/objects/Opportunity/fields/Champion__c.field-meta.xml`;
const PERMSET = `${G}/permissionsets/RevOps_SDR.permissionset-meta.xml`;

function rfc(scope: string[], approvers: string): string {
  return `---
id: 1
title: Slip reasons need a next step
status: approved
type: automation
risk: high
data_impact: Open deals that slipped without a next step are blocked on their next save.
authors: [Alex Morgan]
approvers:
${approvers}
scope:
${scope.map((s) => `  - ${s}`).join('\n')}
rollback: Deploy the release's rollback artifact; the Champion field's data is restored from the recycle bin by hand.
window: Any weekday evening
test_level: RunLocalTests
---

## Impact assessment

Slipped deals without a next step are blocked; the Champion field goes away with its data.

## Rollback plan

revops rollback --release <id>; Champion__c data comes back from the recycle bin within 15 days.
`;
}

describe('done when: diff reports the change, rfc check gates it', () => {
  let clone = '';
  let report: DiffReport;

  before(async () => {
    clone = await mkdtemp(join(tmpdir(), 'revops-scenario-'));
    git(tmpdir(), 'clone', '-q', ROOT, clone);
    await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    const rule = await readFile(join(clone, RULE), 'utf8');
    await writeFile(
      join(clone, RULE),
      rule.replace('ISBLANK(TEXT(Slip_Reason__c))', 'ISBLANK(TEXT(Slip_Reason__c)) || ISBLANK(NextStep)'),
    );
    await rm(join(clone, FIELD));
    const permset = await readFile(join(clone, PERMSET), 'utf8');
    await writeFile(join(clone, PERMSET), permset.replace('<editable>false</editable>', '<editable>true</editable>'));
    git(clone, 'add', '-A');
    git(clone, '-c', 'user.name=T', '-c', 'user.email=t@revops-os.invalid', 'commit', '-qm', 'the change');
    report = await diff(clone, { from: 'HEAD~1', to: 'HEAD' });
  });
  after(() => rm(clone, { recursive: true, force: true }));

  test('the rule: its condition, token by token', () => {
    const c = report.components.find(
      (x) => x.type === 'ValidationRule' && x.fullName === 'Opportunity.Close_Date_Slip_Needs_Reason',
    );
    const formula = c?.details.find((d) => d.kind === 'formula');
    assert.ok(formula, JSON.stringify(c));
    const hunks = (formula.data as { hunks: { removed: string; added: string }[] }).hunks;
    // Nothing removed; exactly these tokens added (brackets may align either way).
    assert.deepEqual(hunks.map((h) => h.removed).join(''), '');
    assert.deepEqual(hunks.flatMap((h) => h.added.split(' ')).sort(), ['(', ')', 'ISBLANK', 'NextStep', '||'].sort());
    assert.deepEqual((formula.data as { fieldsAdded: unknown }).fieldsAdded, ['NextStep']);
    assert.equal(formula.risk?.category, 'validation');
  });

  test('the field: deleted, with its data', () => {
    assert.deepEqual(report.destructive.CustomField, ['Opportunity.Champion__c']);
    const c = report.components.find((x) => x.fullName === 'Opportunity.Champion__c');
    assert.equal(c?.change, 'deleted');
    assert.ok(c?.risks.some((r) => r.category === 'data-loss' && r.level === 'high'));
    assert.ok(c?.risks.some((r) => r.category === 'destructive'));
  });

  test('the permission: broadened, high risk; the floor is high', () => {
    const c = report.components.find((x) => x.type === 'PermissionSet' && x.fullName === 'RevOps_SDR');
    const grant = c?.details.find((d) => d.kind === 'permission');
    assert.match(grant?.text ?? '', /^grants edit on field /);
    assert.equal(grant?.risk?.category, 'permission-broadened');
    assert.equal(report.summary.riskFloor, 'high');
  });

  test('the PR comment names all three and stays within its budget', () => {
    const md = diffMarkdown(report, 4000);
    assert.ok(md.length <= 4000);
    for (const name of ['Close_Date_Slip_Needs_Reason', 'Champion__c', 'RevOps_SDR'])
      assert.ok(md.includes(name), name);
  });

  test('rfc check: no RFC fails; a scope missing a component fails; a matching approved RFC passes; a new commit voids it', async () => {
    const none = await rfcCheck(clone, { from: 'HEAD~1' });
    assert.equal(none.ok, false);
    assert.match(none.failures[0]!, /no RFC covers this change/);

    const approve = `  - name: Dana Whitfield\n    role: governance\n    package: ${none.packageHash}`;
    await writeFile(
      join(clone, 'rfcs/0001-slip-reasons-need-a-next-step.md'),
      rfc(['ValidationRule:Opportunity.*', 'PermissionSet:RevOps_SDR'], approve),
    );
    const partial = await rfcCheck(clone, { from: 'HEAD~1' });
    assert.equal(partial.ok, false);
    assert.ok(
      partial.failures.some((f) => /scope: outside the scope: CustomField:Opportunity\.Champion__c/.test(f)),
      partial.failures.join('\n'),
    );

    await writeFile(
      join(clone, 'rfcs/0001-slip-reasons-need-a-next-step.md'),
      rfc(['ValidationRule:Opportunity.*', 'PermissionSet:RevOps_SDR', 'CustomField:Opportunity.Champion__c'], approve),
    );
    const covered = await rfcCheck(clone, { from: 'HEAD~1' });
    assert.equal(covered.ok, true, covered.failures.join('\n'));

    const permset = await readFile(join(clone, PERMSET), 'utf8');
    await writeFile(join(clone, PERMSET), permset.replace('<editable>false</editable>', '<editable>true</editable>'));
    const voided = await rfcCheck(clone, { from: 'HEAD~1' });
    assert.equal(voided.ok, false);
    assert.ok(
      voided.failures.some((f) => /approval by Dana Whitfield is void/.test(f)),
      voided.failures.join('\n'),
    );
  });

  test('bad input: an unknown ref and a malformed RFC are one line naming them', async () => {
    await assert.rejects(
      diff(clone, { from: 'no-such-ref' }),
      /^ChangeError: --from no-such-ref: not a commit in this repository$/m,
    );
    await writeFile(join(clone, 'rfcs/0002-broken.md'), '---\nid: [\n---\n');
    await assert.rejects(
      rfcCheck(clone, { from: 'HEAD~1', rfc: 2 }),
      /rfcs\/0002-broken\.md: front matter is not valid YAML/,
    );
    await assert.rejects(rfcCheck(clone, { from: 'HEAD~1', rfc: 9 }), /RFC 9: no rfcs\/0009-\*\.md here/);
  });
});
