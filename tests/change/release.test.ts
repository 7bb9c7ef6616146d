/**
 * `revops release` and `revops rollback` in a scratch clone, against a test double of the org
 * (`ScriptedReleaseOrg`: answers as scripted, records every call, injects faults): the gate
 * refuses without an approved RFC for this exact package; one release per org; the rollback
 * artifact is retrieved before anything deploys; the validation runs the RFC's tests and is
 * quick-deployed (reused while valid, re-validated once when refused, never replaced by a
 * deploy without tests); the duplicate rule is activated after the deploy; the release is
 * recorded and tagged; rollback deactivates added flows, restores and deletes, and says what
 * cannot come back. The org side of each call is tested in tests/org/release-org.test.ts.
 */
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DestructiveChangesType, type ComponentSet } from '@salesforce/source-deploy-retrieve';
import type { Activation } from '../../scripts/core/family.ts';
import type { DeployOutcome } from '../../scripts/org/index.ts';
import { release, rollback, type ReleaseOrg } from '../../scripts/change/release/index.ts';
import type { Component } from '../../scripts/change/release/org.ts';
import { reusableValidation, type ActivationOutcome } from '../../scripts/change/release/record.ts';
import { rfcCheck } from '../../scripts/change/rfc/index.ts';
import { git, ROOT } from './support.ts';

const G = 'force-app/generated';
const RULE = `${G}/objects/Opportunity/validationRules/Close_Date_Slip_Needs_Reason.validationRule-meta.xml`;
const FIELD = `${G}/objects/Opportunity/fields/Champion__c.field-meta.xml`;
const DUPLICATE = `${G}/duplicateRules/Account.Account_Domain_Duplicates.duplicateRule-meta.xml`;
const NEW_FLOW = `${G}/flows/Release_Test_Flow.flow-meta.xml`;

const outcome = (id: string, success = true, checkOnly = false): DeployOutcome => ({
  id,
  success,
  checkOnly,
  status: success ? 'Succeeded' : 'Failed',
  componentsDeployed: 4,
  componentsTotal: 4,
  componentErrors: success ? 0 : 1,
  testsCompleted: 3,
  testsTotal: 3,
  testErrors: 0,
  failures: success
    ? []
    : [
        {
          component: 'ValidationRule Opportunity.Close_Date_Slip_Needs_Reason',
          location: RULE,
          message: 'bad formula',
        },
      ],
  testFailures: [],
  coverageWarnings: [],
});

type Call = [string, ...unknown[]];

/** A test double of the org: every call recorded in order; each answer scripted per test. */
class ScriptedReleaseOrg implements ReleaseOrg {
  readonly username = 'admin@release-test.invalid';
  readonly calls: Call[] = [];
  running: string[] = [];
  /** What the org has before the release (the retrieve finds these). */
  has = new Set<string>();
  validations: boolean[] = [];
  quickDeploys: ('ok' | 'refused' | 'fails')[] = [];
  n = 0;
  readonly source: (c: Component) => string | undefined;
  constructor(source: (c: Component) => string | undefined) {
    this.source = source;
  }

  async runningDeploys() {
    this.calls.push(['runningDeploys']);
    return this.running;
  }
  async retrieve(components: readonly Component[], output: string) {
    this.calls.push(['retrieve', components.map((c) => `${c.type}:${c.fullName}`).sort()]);
    const found = components.filter((c) => this.has.has(`${c.type}:${c.fullName}`));
    for (const c of found) {
      const path = this.source(c);
      if (path) {
        await mkdir(dirname(join(output, path)), { recursive: true });
        await writeFile(join(output, path), git(ROOT, 'show', `HEAD:${path}`) + '\n');
      }
    }
    return found;
  }
  async validate(set: ComponentSet, testLevel: string, tests: readonly string[]) {
    const members = (await set.getObject()).Package.types.map((t) => `${t.name}:${t.members.join(',')}`);
    this.calls.push(['validate', testLevel, tests, members]);
    return outcome(`0AfVALID${++this.n}`, this.validations.shift() ?? true, true);
  }
  async quickDeploy(validationId: string) {
    this.calls.push(['quickDeploy', validationId]);
    const next = this.quickDeploys.shift() ?? 'ok';
    if (next === 'refused')
      throw Object.assign(new Error('INVALID_ID_FIELD: validation expired'), { name: 'QuickDeployRefused' });
    return outcome(`0AfDEPLOY${++this.n}`, next === 'ok');
  }
  async deploy(set: ComponentSet, testLevel: string) {
    const pkg = (await set.getObject()).Package.types.map((t) => `${t.name}:${t.members.join(',')}`);
    const destructive = (await set.getObject(DestructiveChangesType.POST)).Package.types.map(
      (t) => `${t.name}:${t.members.join(',')}`,
    );
    this.calls.push(['deploy', testLevel, pkg, destructive]);
    return outcome(`0AfROLLBACK${++this.n}`);
  }
  async activate(a: Activation): Promise<ActivationOutcome> {
    this.calls.push(['activate', `${a.type}:${a.fullName}`, a.waitFor.map((w) => `${w.type}:${w.fullName}`)]);
    return { type: a.type, fullName: a.fullName, state: 'activated' };
  }
  async deactivateFlow(name: string) {
    this.calls.push(['deactivateFlow', name]);
  }
  names = () => this.calls.map((c) => c[0]);
}

const FLOW_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <label>Release Test Flow</label>
    <processType>AutoLaunchedFlow</processType>
    <status>Active</status>
</Flow>
`;

function rfcText(scope: string[], approver: string): string {
  return `---
id: 1
title: Slip reasons need a next step
status: approved
type: automation
risk: high
data_impact: Slipped deals without a next step are blocked on their next save.
authors: [Alex Morgan]
approvers:
${approver}
scope:
${scope.map((s) => `  - ${s}`).join('\n')}
rollback: revops rollback --release <id>
window: Any weekday evening
test_level: RunSpecifiedTests
tests: [StageGateControllerTest]
---

## Impact assessment

Slipped deals without a next step are blocked; the Champion field goes away with its data.

## Rollback plan

revops rollback --release <id>; Champion__c data comes back from the recycle bin within 15 days.
`;
}

const SCOPE = [
  'ValidationRule:Opportunity.*',
  'CustomField:Opportunity.Champion__c',
  'DuplicateRule:*',
  'Flow:Release_Test_Flow',
];

describe('revops release and rollback', () => {
  let clone = '';
  let base = '';
  let org: ScriptedReleaseOrg;
  const tag = (c: string) => git(c, 'tag', '--list', 'revops/release/*');
  const options = (extra: Partial<Parameters<typeof release>[1]> = {}) => ({
    rfc: 1,
    from: base,
    org,
    ...extra,
  });

  before(async () => {
    clone = await mkdtemp(join(tmpdir(), 'revops-release-'));
    git(tmpdir(), 'clone', '-q', ROOT, clone);
    await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    base = git(clone, 'rev-parse', 'HEAD');
    const rule = await readFile(join(clone, RULE), 'utf8');
    await writeFile(
      join(clone, RULE),
      rule.replace('ISBLANK(TEXT(Slip_Reason__c))', 'ISBLANK(TEXT(Slip_Reason__c)) || ISBLANK(NextStep)'),
    );
    await rm(join(clone, FIELD));
    const dup = await readFile(join(clone, DUPLICATE), 'utf8');
    await writeFile(join(clone, DUPLICATE), dup.replace(/<alertText>[^<]*</, '<alertText>Possible duplicate account<'));
    await writeFile(join(clone, NEW_FLOW), FLOW_XML);
    git(clone, 'add', '-A');
    git(clone, 'commit', '-qm', 'the change');
    // The approvers sign the hash rfc check prints for this change.
    const { packageHash } = await rfcCheck(clone, { from: base, to: 'HEAD' });
    await writeFile(
      join(clone, 'rfcs/0001-slip-reasons.md'),
      rfcText(SCOPE, `  - name: Dana Whitfield\n    role: governance\n    package: ${packageHash}`),
    );
    git(clone, 'add', '-A');
    git(clone, 'commit', '-qm', 'RFC 1, approved');
  });
  after(() => rm(clone, { recursive: true, force: true }));

  beforeEach(async () => {
    org = new ScriptedReleaseOrg((c) =>
      c.type === 'ValidationRule'
        ? RULE
        : c.type === 'CustomField'
          ? FIELD
          : c.type === 'DuplicateRule'
            ? DUPLICATE
            : undefined,
    );
    org.has = new Set([
      'ValidationRule:Opportunity.Close_Date_Slip_Needs_Reason',
      'CustomField:Opportunity.Champion__c',
      'DuplicateRule:Account.Account_Domain_Duplicates',
    ]);
    await rm(join(clone, 'releases'), { recursive: true, force: true });
    for (const t of tag(clone).split('\n').filter(Boolean)) git(clone, 'tag', '-d', t);
  });

  test('refused: an RFC that does not exist, one not approved, one whose scope misses a component', async () => {
    await assert.rejects(release(clone, options({ rfc: 2 })), /RFC 2: no rfcs\/0002-\*\.md here/);
    const file = join(clone, 'rfcs/0001-slip-reasons.md');
    const approved = await readFile(file, 'utf8');
    try {
      await writeFile(file, approved.replace('status: approved', 'status: review'));
      await assert.rejects(release(clone, options()), /rfcs\/ has uncommitted changes/);
      git(clone, 'commit', '-qam', 'back to review');
      await assert.rejects(
        release(clone, options()),
        /release refused: RFC 1 does not approve this change: .*status is review/,
      );
      await writeFile(file, approved.replace('  - Flow:Release_Test_Flow\n', ''));
      git(clone, 'commit', '-qam', 'scope without the flow');
      await assert.rejects(release(clone, options()), /outside the scope: Flow:Release_Test_Flow/);
    } finally {
      await writeFile(file, approved);
      git(clone, 'commit', '-qam', 'approved again');
    }
    assert.deepEqual(org.calls, [], 'nothing asked of the org');
  });

  test('released: rollback retrieved first, validated with the RFC tests, quick-deployed, activated, recorded, tagged', async () => {
    const record = await release(clone, options({ now: () => new Date('2026-11-30T10:45:12Z') }));
    assert.equal(record.id, '20261130-104512-rfc1');
    assert.deepEqual(org.names(), ['runningDeploys', 'retrieve', 'validate', 'quickDeploy', 'activate']);
    const [, level, tests, members] = org.calls[2]!;
    assert.equal(level, 'RunSpecifiedTests');
    assert.deepEqual(tests, ['StageGateControllerTest']);
    assert.ok(
      (members as string[]).includes('ValidationRule:Opportunity.Close_Date_Slip_Needs_Reason'),
      String(members),
    );
    assert.deepEqual(org.calls[3], ['quickDeploy', record.validation!.id]);
    assert.deepEqual(org.calls[4], [
      'activate',
      'DuplicateRule:Account.Account_Domain_Duplicates',
      ['MatchingRule:Account.Account_Domain_Match'],
    ]);
    assert.equal(record.status, 'released');
    assert.equal(record.packageHash.startsWith('sha256:'), true);
    const saved = JSON.parse(await readFile(join(clone, 'releases', record.id, 'release.json'), 'utf8'));
    assert.equal(saved.status, 'released');
    assert.equal(saved.deploy.id, record.deploy!.id);
    assert.equal(tag(clone), `revops/release/${record.id}`);
    assert.equal(git(clone, 'rev-list', '-n', '1', `revops/release/${record.id}`), git(clone, 'rev-parse', 'HEAD'));
    // The rollback: restore what the org had, delete what the release added, say what cannot come back.
    assert.deepEqual(record.rollback!.remove, { Flow: ['Release_Test_Flow'] });
    assert.deepEqual(record.rollback!.deactivateFlows, ['Release_Test_Flow']);
    assert.deepEqual(record.rollback!.restore.CustomField, ['Opportunity.Champion__c']);
    assert.ok(record.rollback!.irreversible.some((l) => /Champion__c: its data is deleted with it/.test(l)));
    assert.match(
      await readFile(join(clone, 'releases', record.id, 'rollback', 'destructiveChanges.xml'), 'utf8'),
      /<members>Release_Test_Flow<\/members>/,
    );
    // The package is the commit's, with the project files SDR reads (.forceignore keeps tests out).
    const pkg = join(clone, 'releases', record.id, 'package');
    assert.ok(existsSync(join(pkg, 'source', '.forceignore')) && existsSync(join(pkg, 'source', 'sfdx-project.json')));
    assert.match(
      await readFile(join(pkg, 'destructiveChanges.xml'), 'utf8'),
      /<members>Opportunity\.Champion__c<\/members>/,
    );
    assert.ok(!existsSync(join(pkg, 'source', FIELD)));
  });

  test('validate now, deploy later: the second run quick-deploys the same validation; a changed package would not match', async () => {
    const first = await release(clone, options({ validateOnly: true, now: () => new Date('2026-11-30T09:00:00Z') }));
    assert.equal(first.status, 'validated');
    assert.deepEqual(org.names(), ['runningDeploys', 'retrieve', 'validate']);
    assert.equal(tag(clone), '', 'a validation is not a release');
    const second = await release(clone, options({ now: () => new Date('2026-11-30T18:00:00Z') }));
    assert.equal(org.names().filter((n) => n === 'validate').length, 1, 'validated once');
    assert.deepEqual(
      org.calls.find((c) => c[0] === 'quickDeploy'),
      ['quickDeploy', first.validation!.id],
    );
    assert.equal(second.validation!.id, first.validation!.id);
    // The same record does not serve another package, another test level, or after 10 days.
    const validated = { ...first, status: 'validated' as const };
    const wanted = { rfc: 1, org: org.username, packageHash: first.packageHash, testLevel: first.testLevel };
    const at = Date.parse(first.validation!.at);
    assert.equal(reusableValidation([validated], wanted, at + 3600_000)?.id, first.id);
    assert.equal(
      reusableValidation([validated], { ...wanted, packageHash: `sha256:${'0'.repeat(64)}` }, at),
      undefined,
    );
    assert.equal(reusableValidation([validated], { ...wanted, testLevel: 'RunLocalTests' }, at), undefined);
    assert.equal(reusableValidation([validated], wanted, at + 10 * 24 * 3600_000), undefined);
    assert.equal(reusableValidation([validated, second], wanted, at), undefined, 'spent by the second release');
  });

  test('the org refuses the validation id: validated once more and quick-deployed; never a deploy without tests', async () => {
    org.quickDeploys = ['refused', 'ok'];
    const record = await release(clone, options());
    assert.deepEqual(org.names(), [
      'runningDeploys',
      'retrieve',
      'validate',
      'quickDeploy',
      'validate',
      'quickDeploy',
      'activate',
    ]);
    assert.equal(record.status, 'released');
    assert.ok(!org.names().includes('deploy'));
    org.calls.length = 0;
    org.quickDeploys = ['refused', 'refused'];
    await rm(join(clone, 'releases'), { recursive: true, force: true });
    await assert.rejects(release(clone, options({ tag: false })), /validation expired/);
    assert.ok(!org.names().includes('deploy'));
  });

  test('a failed validation: the failures named, nothing deployed, the release recorded as failed, the org unlocked', async () => {
    org.validations = [false];
    await assert.rejects(
      release(clone, options({ now: () => new Date('2026-11-30T10:00:00Z') })),
      /validation failed \(0AfVALID1\): Failed; nothing was changed in the org[\s\S]*Close_Date_Slip_Needs_Reason[\s\S]*bad formula/,
    );
    assert.ok(!org.names().includes('quickDeploy'));
    const saved = JSON.parse(await readFile(join(clone, 'releases/20261130-100000-rfc1/release.json'), 'utf8'));
    assert.equal(saved.status, 'failed');
    assert.match(saved.error, /validation failed/);
    assert.equal(tag(clone), '');
    await release(clone, options({ tag: false }));
  });

  test('one release at a time: a deploy running in the org, or another release holding the lock', async () => {
    org.running = ['0AfOTHER (InProgress)'];
    await assert.rejects(
      release(clone, options()),
      /has deploys queued or running \(0AfOTHER \(InProgress\)\); one release at a time/,
    );
    assert.deepEqual(org.names(), ['runningDeploys']);
    org.running = [];
    let releaseLock: () => void = () => {};
    const blocked = new Promise<void>((resolve) => (releaseLock = resolve));
    const slow = Object.assign(Object.create(org) as ScriptedReleaseOrg, {
      runningDeploys: async () => {
        await blocked;
        return [];
      },
    });
    const first = release(clone, options({ org: slow, tag: false }));
    await new Promise((r) => setTimeout(r, 3000));
    await assert.rejects(
      release(clone, options({ tag: false })),
      /is under way \(process \d+ since .*\); one release at a time per org/,
    );
    releaseLock();
    await first;
  });

  test('rollback: flows the release added deactivated, then one deploy restores and deletes; once only, to the same org', async () => {
    const record = await release(clone, options());
    org.calls.length = 0;
    const back = await rollback(clone, { release: record.id, org });
    assert.deepEqual(org.names(), ['deactivateFlow', 'deploy']);
    assert.deepEqual(org.calls[0], ['deactivateFlow', 'Release_Test_Flow']);
    const [, level, pkg, destructive] = org.calls[1]!;
    assert.equal(level, 'RunSpecifiedTests');
    assert.ok(
      (pkg as string[]).some((t) => t.startsWith('CustomField:Opportunity.Champion__c')),
      String(pkg),
    );
    assert.deepEqual(destructive, ['Flow:Release_Test_Flow']);
    assert.equal(back.status, 'rolled-back');
    await assert.rejects(rollback(clone, { release: record.id, org }), /already rolled back/);
    const other = Object.assign(Object.create(org) as ScriptedReleaseOrg, { username: 'someone@else.invalid' });
    await assert.rejects(rollback(clone, { release: record.id, org: other }), /already rolled back|went to/);
    await assert.rejects(
      rollback(clone, { release: 'no-such', org }),
      /release no-such: no releases\/no-such\/release\.json here/,
    );
  });
});

// Keeps the double's git helper honest: HEAD of ROOT has the files the retrieve copies.
for (const path of [RULE, FIELD, DUPLICATE])
  if (!execFileSync('git', ['ls-files', path], { cwd: ROOT, encoding: 'utf8' }).trim())
    throw new Error(`${path} is not in the repository: the release test's scripted org copies it`);
