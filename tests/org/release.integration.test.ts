/**
 * `revops release` and `revops rollback` against a real org: a scratch org set up with the
 * project (`org up`), then in a scratch clone a validation rule's formula changed and a field
 * deleted, committed with an approved RFC; the release validates with the local tests,
 * quick-deploys that validation, activates, and records; the org then has the new formula and no
 * field. The rollback restores both (the field empty: its data does not come back) and the org
 * has the old formula again. Runs when the environment names a Dev Hub:
 *
 *   SF_DEVHUB_ALIAS        an alias or username the sf CLI is already logged in to, or
 *   DEVHUB_SFDX_AUTH_URL   an SFDX auth URL the sf CLI logs in with (tests/org/dev-hub.ts)
 *
 * Otherwise it is reported as skipped, with the reason.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import OrgDelete from '../../scripts/cli/commands/revops/org/delete.ts';
import OrgUp from '../../scripts/cli/commands/revops/org/up.ts';
import { ConnectionReleaseOrg, release, rollback } from '../../scripts/change/release/index.ts';
import { rfcCheck } from '../../scripts/change/rfc/index.ts';
import { resolveTargetOrg } from '../../scripts/org/connection.ts';
import { runCommand } from '../cli/run-command.ts';
import { git } from '../change/support.ts';
import { devHub, sfCli } from './dev-hub.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const G = 'force-app/generated';
const RULE = `${G}/objects/Opportunity/validationRules/Close_Date_Slip_Needs_Reason.validationRule-meta.xml`;
const FIELD = `${G}/objects/Opportunity/fields/Champion__c.field-meta.xml`;

function skipReason(): string | undefined {
  if (!process.env.SF_DEVHUB_ALIAS && !process.env.DEVHUB_SFDX_AUTH_URL)
    return 'no Dev Hub configured: set SF_DEVHUB_ALIAS (an sf alias) or DEVHUB_SFDX_AUTH_URL to run release → rollback against a real scratch org';
  if (!process.env.SF_DEVHUB_ALIAS && !sfCli())
    return 'DEVHUB_SFDX_AUTH_URL is set but the sf CLI is not installed (npm install --no-save @salesforce/cli)';
  return undefined;
}

const RFC = (hash: string) => `---
id: 1
title: Slip reasons need a next step
status: approved
type: automation
risk: high
data_impact: Slipped deals without a next step are blocked; Champion__c goes with its data.
authors: [RevOps CI]
approvers:
  - name: CI Governance
    role: governance
    package: ${hash}
scope:
  - ValidationRule:Opportunity.Close_Date_Slip_Needs_Reason
  - CustomField:Opportunity.Champion__c
rollback: revops rollback --release <id>
window: any time (scratch org)
test_level: RunLocalTests
---

## Impact assessment

Scratch org only.

## Rollback plan

revops rollback --release <id>.
`;

const reason = skipReason();

describe('release → rollback against a real scratch org', () => {
  const alias = `revops-rel-${Date.now().toString(36)}`;
  let created = false;
  let clone = '';

  after(async () => {
    if (created) await runCommand(OrgDelete, ['--target-org', alias]);
    if (clone) await rm(clone, { recursive: true, force: true });
  });

  test('validate, quick deploy, record; then roll back', { skip: reason, timeout: 60 * 60_000 }, async () => {
    const hub = await devHub();
    const up = await runCommand(OrgUp, ['--alias', alias, '--target-dev-hub', hub, '--duration-days', '1']);
    created = true;
    assert.equal(up.status, 0, 'org up succeeded');

    clone = await mkdtemp(join(tmpdir(), 'revops-release-it-'));
    git(tmpdir(), 'clone', '-q', ROOT, clone);
    await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    const base = git(clone, 'rev-parse', 'HEAD');
    const rule = await readFile(join(clone, RULE), 'utf8');
    await writeFile(
      join(clone, RULE),
      rule.replace('ISBLANK(TEXT(Slip_Reason__c))', 'ISBLANK(TEXT(Slip_Reason__c)) || ISBLANK(NextStep)'),
    );
    await rm(join(clone, FIELD));
    git(clone, 'commit', '-qam', 'the change');
    const { packageHash } = await rfcCheck(clone, { from: base, to: 'HEAD' });
    await writeFile(join(clone, 'rfcs/0001-slip-reasons.md'), RFC(packageHash));
    git(clone, 'add', '-A');
    git(clone, 'commit', '-qm', 'RFC 1');

    const target = await resolveTargetOrg(alias);
    const org = new ConnectionReleaseOrg(target.getConnection('66.0'), { root: clone });
    const record = await release(clone, { rfc: 1, from: base, org, tag: false });
    assert.equal(record.status, 'released');
    assert.ok(record.validation?.id && record.deploy?.id && record.deploy.id !== record.validation.id);
    const connection = target.getConnection('66.0');
    const formula = async () =>
      (
        (await connection.metadata.read('ValidationRule', 'Opportunity.Close_Date_Slip_Needs_Reason')) as {
          errorConditionFormula?: string;
        }
      ).errorConditionFormula ?? '';
    const field = async () =>
      Boolean(
        ((await connection.metadata.read('CustomField', 'Opportunity.Champion__c')) as { fullName?: string }).fullName,
      );
    assert.match(await formula(), /ISBLANK\(NextStep\)/);
    assert.equal(await field(), false, 'the field is deleted');

    const back = await rollback(clone, { release: record.id, org });
    assert.equal(back.status, 'rolled-back');
    assert.doesNotMatch(await formula(), /ISBLANK\(NextStep\)/);
    assert.equal(await field(), true, 'the field is back (empty)');
  });
});
