/**
 * `revops access review`: on the model (roles) and on the ACCESS API TEST DOUBLE (users), the
 * review file and its diff with the previous one; separation-of-duties violations flagged; faults
 * (a failed query, a partial result) fail the review and write nothing; the sign-off binds to the
 * review's hash.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Org } from '@salesforce/core';
import { MockTestOrgData } from '@salesforce/core/testSetup';
import model from '../../model/index.ts';
import { DealDesk, GovernanceBypass } from '../../model/governance/permissions.ts';
import { dutyViolations, reviewFromModel } from '../../scripts/compliance/access-review.ts';
import {
  completeReview,
  readReview,
  reviewJson,
  signReview,
  writeReview,
} from '../../scripts/compliance/access-review-file.ts';
import { reviewFromOrg } from '../../scripts/compliance/access-review-org.ts';
import AccessReviewCommand, { type AccessReviewResult } from '../../scripts/cli/commands/revops/access/review.ts';
import AccessSignoffCommand from '../../scripts/cli/commands/revops/access/signoff.ts';
import type { RevOpsModel } from '../../scripts/dsl/index.ts';
import { runCommand } from '../cli/run-command.ts';
import { coreTestContext } from '../org/core-test-context.ts';
import { AccessApiDouble, type DoubleSet } from './access-api-double.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'revops-access-review-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** The model with the Finance/Legal set also editing the discount: the deal desk would enter its own discounts. */
function withDealDeskEnteringDiscounts(): RevOpsModel {
  const discount = { field: { object: 'Opportunity', field: 'Discount_Percent__c' }, edit: true };
  return {
    ...model,
    permissionSets: model.permissionSets.map((s) =>
      s.name === 'RevOps_Finance_Legal' ? { ...s, fields: [...s.fields, discount] } : s,
    ),
  };
}

describe('access review of the model', () => {
  const review = completeReview(reviewFromModel(model, '2026-12-01'));

  test('one holder per role and per set no group holds; who holds the deal desk and the bypass', () => {
    const holders = review.holders.map((h) => h.id);
    for (const g of model.permissionSetGroups) assert.ok(holders.includes(g.name), g.name);
    assert.ok(holders.includes('RevOps_Lifecycle_Automation'), 'a set assigned directly is a holder');
    const holding = (p: string) => review.holders.filter((h) => h.entitlements[`custom:${p}`]).map((h) => h.id);
    assert.deepEqual(holding(DealDesk.name), ['RevOps_Finance_Legal_Role']);
    assert.deepEqual(holding(GovernanceBypass.name), ['RevOps_Admin_Role']);
    const ae = review.holders.find((h) => h.id === 'RevOps_AE_Role')!;
    assert.equal(ae.entitlements['field:Opportunity.Discount_Percent__c'], 'edit');
    assert.equal(ae.entitlements['permset:RevOps_Account_Executive'], 'via RevOps_AE_Role');
    assert.equal(ae.entitlements['object:Opportunity'], 'CRE');
  });

  test('the model as it stands breaks no separation-of-duties rule', () => {
    assert.deepEqual(review.violations, []);
  });

  test('a deal desk that enters discounts is flagged', () => {
    const bad = reviewFromModel(withDealDeskEnteringDiscounts(), '2026-12-01');
    const found = dutyViolations(bad.holders);
    assert.deepEqual(
      found.map((v) => [v.rule, v.holder, v.holds, v.with]),
      [
        [
          'deal-desk-and-own-discount',
          'RevOps_Finance_Legal_Role',
          ['custom:RevOps_Deal_Desk'],
          ['field:Opportunity.Discount_Percent__c=edit'],
        ],
      ],
    );
  });

  test('the review file is deterministic, and its diff with the previous review lists the change', async () => {
    const q3 = join(dir, 'q3.json');
    await writeReview(review, q3);
    assert.equal(reviewJson(completeReview(reviewFromModel(model, '2026-12-01'))), await readFile(q3, 'utf8'));
    const next = completeReview(reviewFromModel(withDealDeskEnteringDiscounts(), '2027-03-01'), {
      file: q3,
      review: await readReview(q3),
    });
    assert.deepEqual(next.diff?.previous, {
      file: 'q3.json',
      asOf: '2026-12-01',
      reviewHash: review.signOff.reviewHash,
    });
    assert.deepEqual(next.diff?.changed, [
      {
        holder: 'RevOps_Finance_Legal_Role',
        entitlement: 'field:Opportunity.Discount_Percent__c',
        from: 'read',
        to: 'edit',
      },
    ]);
    assert.deepEqual([next.diff?.granted, next.diff?.revoked], [[], []]);
    const q4 = join(dir, 'q4.json');
    const written = await writeReview(next, q4);
    const md = await readFile(written.markdown, 'utf8');
    assert.match(md, /## Separation of duties: 1 violation\n/);
    assert.match(md, /### Changed \(1\)\n\n\| Holder \| Entitlement \| Was \| Now \|/);
    assert.match(md, /`RevOps_Finance_Legal_Role` \| `field:Opportunity.Discount_Percent__c` \| read \| edit \|/);
  });

  test('sign-off: three seats approve; a review edited after writing cannot be signed', () => {
    let signed = review;
    for (const seat of ['VP Revenue Operations', 'CFO']) {
      signed = signReview(signed, { seat, name: `${seat} holder`, decision: 'approved', on: '2026-12-03' });
      assert.equal(signed.signOff.status, 'awaiting sign-off');
    }
    signed = signReview(signed, { seat: 'General Counsel', name: 'GC', decision: 'approved', on: '2026-12-04' });
    assert.equal(signed.signOff.status, 'signed off');
    const tampered = { ...signed, holders: signed.holders.slice(1) };
    assert.throws(
      () => signReview(tampered, { seat: 'CFO', name: 'x', decision: 'approved', on: '2026-12-05' }),
      /changed after it was written/,
    );
  });
});

/** An org: an AE, a deal-desk approver who was also given the AE's set, a system administrator with the admin role. */
function orgDouble(pageSize = 2): AccessApiDouble {
  const sets: DoubleSet[] = [
    { name: 'profile:Standard User', objects: { Opportunity: 'R' } },
    {
      name: 'profile:System Administrator',
      system: ['CustomizeApplication', 'ModifyAllData', 'AuthorApex'],
      objects: { Opportunity: 'CREDVM' },
    },
    {
      name: 'RevOps_Account_Executive',
      objects: { Opportunity: 'CRE' },
      fields: { 'Opportunity.Discount_Percent__c': 'edit' },
      system: ['ConvertLeads'],
    },
    { name: 'RevOps_Forecast_Rep', objects: { Forecast_Submission__c: 'CR' } },
    {
      name: 'RevOps_Finance_Legal',
      custom: ['RevOps_Deal_Desk'],
      objects: { Opportunity: 'RE' },
      fields: { 'Opportunity.Discount_Percent__c': 'read' },
    },
    { name: 'RevOps_Admin', custom: ['RevOps_Governance_Bypass'], objects: { Opportunity: 'CREDVM' } },
  ];
  return new AccessApiDouble(
    [
      { username: 'ae@example.com', name: 'Avery AE', profile: 'Standard User', groups: ['RevOps_AE_Role'] },
      {
        username: 'desk@example.com',
        name: 'Dana Desk',
        profile: 'Standard User',
        groups: ['RevOps_Finance_Legal_Role'],
        sets: ['RevOps_Account_Executive'],
      },
      {
        username: 'admin@example.com',
        name: 'Sam Admin',
        profile: 'System Administrator',
        groups: ['RevOps_Admin_Role'],
      },
    ],
    sets,
    {
      RevOps_AE_Role: ['RevOps_Account_Executive', 'RevOps_Forecast_Rep'],
      RevOps_Finance_Legal_Role: ['RevOps_Finance_Legal'],
      RevOps_Admin_Role: ['RevOps_Admin'],
    },
    pageSize,
  );
}

describe('access review of an org (the ACCESS API TEST DOUBLE)', () => {
  const options = { asOf: '2026-12-01', orgName: 'double' };

  test('one holder per active user: groups expanded, the profile counted, violations flagged', async () => {
    const snapshot = await reviewFromOrg(orgDouble(), model, options);
    const review = completeReview(snapshot);
    const desk = review.holders.find((h) => h.id === 'desk@example.com')!;
    assert.equal(desk.entitlements['group:RevOps_Finance_Legal_Role'], 'assigned');
    assert.equal(desk.entitlements['permset:RevOps_Account_Executive'], 'assigned');
    assert.equal(desk.entitlements['field:Opportunity.Discount_Percent__c'], 'edit', 'edit beats read');
    assert.equal(desk.entitlements['object:Opportunity'], 'CRE');
    const admin = review.holders.find((h) => h.id === 'admin@example.com')!;
    assert.equal(admin.entitlements['profile:System Administrator'], 'assigned');
    assert.deepEqual(
      review.violations.map((v) => [v.holder, v.rule]),
      [
        ['admin@example.com', 'bypass-and-rule-admin'],
        ['desk@example.com', 'deal-desk-and-own-discount'],
      ],
    );
  });

  test('access revoked between two reviews shows as revoked in the diff', async () => {
    const double = orgDouble();
    const first = completeReview(await reviewFromOrg(double, model, options));
    const file = join(dir, 'org-q3.json');
    await writeReview(first, file);
    double.revoke('desk@example.com', 'RevOps_Account_Executive');
    const second = completeReview(await reviewFromOrg(double, model, { ...options, asOf: '2027-03-01' }), {
      file,
      review: await readReview(file),
    });
    assert.deepEqual(
      second.diff?.revoked.map((c) => c.entitlement),
      ['permset:RevOps_Account_Executive', 'system:ConvertLeads'],
    );
    assert.deepEqual(second.diff?.changed, [
      { holder: 'desk@example.com', entitlement: 'field:Opportunity.Discount_Percent__c', from: 'edit', to: 'read' },
      { holder: 'desk@example.com', entitlement: 'object:Opportunity', from: 'CRE', to: 'RE' },
    ]);
    assert.deepEqual(
      second.violations.map((v) => v.holder),
      ['admin@example.com'],
    );
  });

  test('a failed query fails the review, naming the object', async () => {
    const double = orgDouble();
    double.faults = { failOn: 'FieldPermissions' };
    await assert.rejects(reviewFromOrg(double, model, options), {
      name: 'AccessReviewError',
      message: /FieldPermissions: query failed: INVALID_TYPE.*no review was written/,
    });
  });

  test('a partial result (the next page fails, or never comes) fails the review rather than under-report', async () => {
    const double = orgDouble();
    double.faults = { truncate: 'PermissionSetAssignment' };
    await assert.rejects(
      reviewFromOrg(double, model, options),
      /PermissionSetAssignment: partial result: 2 of 7 rows read/,
    );
    double.faults = { noLocator: 'ObjectPermissions' };
    await assert.rejects(
      reviewFromOrg(double, model, options),
      /ObjectPermissions: the org said more rows follow but gave no locator/,
    );
  });

  describe('through an @salesforce/core Connection (testSetup)', () => {
    const $$ = coreTestContext();
    test('the same review, every page fetched through jsforce', async () => {
      const org = new MockTestOrgData();
      await $$.stubAuths(org);
      const double = orgDouble();
      $$.fakeConnectionRequest = async (request) => (await double.answer(request as { url?: string })) as never;
      const connection = (await Org.create({ aliasOrUsername: org.username })).getConnection('66.0');
      const viaCore = await reviewFromOrg(connection, model, options);
      assert.deepEqual(viaCore, await reviewFromOrg(orgDouble(), model, options));
      assert.ok(double.queries.length >= 7);
    });
  });
});

describe('revops access review (CLI)', () => {
  test('writes the review and its Markdown; --previous lists the diff', async () => {
    const out = join(dir, 'cli.json');
    const first = await runCommand<AccessReviewResult>(
      AccessReviewCommand,
      ['--as-of', '2026-12-01', '--out', out],
      ROOT,
    );
    assert.equal(first.status, 0, first.stderr);
    assert.ok(existsSync(join(dir, 'cli.md')));
    const second = await runCommand<AccessReviewResult>(
      AccessReviewCommand,
      ['--as-of', '2027-03-01', '--out', join(dir, 'cli2.json'), '--previous', out],
      ROOT,
    );
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /since cli\.json \(2026-12-01\): 0 granted, 0 revoked, 0 changed/);
  });

  test('a --previous that is not a review: one line naming the file, nothing written', async () => {
    const bad = join(dir, 'not-a-review.json');
    await writeFile(bad, '{"format":"something-else"}');
    const out = join(dir, 'never.json');
    const run = await runCommand(AccessReviewCommand, ['--out', out, '--previous', bad], ROOT);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /not-a-review\.json: not an access review/);
    assert.equal(existsSync(out), false);
  });
});

describe('revops access signoff (CLI)', () => {
  test('three seats approve: the file says signed off; an unknown seat is refused', async () => {
    const out = join(dir, 'to-sign.json');
    assert.equal((await runCommand(AccessReviewCommand, ['--as-of', '2026-12-01', '--out', out], ROOT)).status, 0);
    const sign = (seat: string) =>
      runCommand(
        AccessSignoffCommand,
        ['--file', out, '--seat', seat, '--by', `${seat} holder`, '--on', '2026-12-02'],
        ROOT,
      );
    const wrong = await sign('CRO');
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /--seat "CRO" does not sign this review/);
    for (const seat of ['CFO', 'General Counsel', 'VP Revenue Operations']) assert.equal((await sign(seat)).status, 0);
    assert.equal((await readReview(out)).signOff.status, 'signed off');
    assert.match(await readFile(join(dir, 'to-sign.md'), 'utf8'), /Status: \*\*signed off\*\*/);
  });
});
