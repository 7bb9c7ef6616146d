/**
 * The org lifecycle and permission-set commands against @salesforce/core's TestContext: auth
 * store, aliases and HTTP are in-memory fakes; `scratchOrgCreate` is stubbed on the Dev Hub.
 */
import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Org } from '@salesforce/core';
import { resolveDevHub, resolveTargetOrg } from '../../scripts/org/connection.ts';
import { OrgToolkitError } from '../../scripts/org/errors.ts';
import { assignPermissionSets } from '../../scripts/org/permsets.ts';
import { createScratchOrg, deleteScratchOrg, isLiveScratchOrg } from '../../scripts/org/scratch-org.ts';
import { coreTestContext, stubDevHubAndScratchOrg, type MockOrgs } from './core-test-context.ts';

interface FakeRequest {
  method: string;
  url: string;
  body?: string;
}

async function scratchDefinition(definition: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'revops-def-')), 'project-scratch-def.json');
  await writeFile(file, JSON.stringify(definition));
  return file;
}

describe('org create / delete', () => {
  const $$ = coreTestContext();
  let orgs: MockOrgs;
  beforeEach(async () => {
    orgs = await stubDevHubAndScratchOrg($$);
  });

  test('creates a scratch org from the definition through the Dev Hub (alias resolved as sf does)', async () => {
    const create = $$.SANDBOX.stub(Org.prototype, 'scratchOrgCreate').resolves({
      username: orgs.scratch.username,
      authFields: { orgId: orgs.scratch.orgId, instanceUrl: orgs.scratch.instanceUrl, expirationDate: '2026-02-01' },
      warnings: ['Feature X is deprecated'],
    });
    const definition = { orgName: 'RevOps OS', edition: 'Enterprise', features: ['AuthorApex'] };
    const hub = await resolveDevHub('hub');
    const created = await createScratchOrg({
      hub,
      definitionFile: await scratchDefinition(definition),
      alias: 'revops',
      durationDays: 3,
    });
    assert.equal(create.callCount, 1);
    const [request] = create.firstCall.args;
    assert.deepEqual(request.orgConfig, definition);
    assert.equal(request.durationDays, 3);
    assert.equal(request.alias, 'revops');
    assert.equal(request.setDefault, false);
    assert.equal(create.firstCall.thisValue.getUsername(), orgs.hub.username, 'created through the hub named by alias');
    assert.deepEqual(created, {
      username: orgs.scratch.username,
      alias: 'revops',
      orgId: orgs.scratch.orgId,
      instanceUrl: orgs.scratch.instanceUrl,
      expirationDate: '2026-02-01',
      devHub: orgs.hub.username,
      warnings: ['Feature X is deprecated'],
    });
  });

  test('a bad definition or duration fails before the Dev Hub is asked', async () => {
    const create = $$.SANDBOX.stub(Org.prototype, 'scratchOrgCreate').resolves({ warnings: [] });
    const hub = await resolveDevHub('hub');
    await assert.rejects(
      createScratchOrg({ hub, definitionFile: await scratchDefinition({ orgName: 'x' }) }),
      /project-scratch-def\.json: "edition" is required/,
    );
    await assert.rejects(
      createScratchOrg({ hub, definitionFile: await scratchDefinition({ edition: 'Developer' }), durationDays: 31 }),
      /--duration-days must be a whole number from 1 to 30/,
    );
    await assert.rejects(createScratchOrg({ hub, definitionFile: '/nonexistent/def.json' }), /run `revops generate`/);
    assert.equal(create.callCount, 0);
  });

  test('a Dev Hub failure names the hub and the definition', async () => {
    $$.SANDBOX.stub(Org.prototype, 'scratchOrgCreate').rejects(
      new Error('The signup request failed: edition not allowed'),
    );
    const hub = await resolveDevHub('hub');
    const definitionFile = await scratchDefinition({ edition: 'Enterprise' });
    await assert.rejects(createScratchOrg({ hub, definitionFile }), (error: unknown) => {
      assert.ok(error instanceof OrgToolkitError);
      assert.equal(
        error.message,
        `scratch org from Dev Hub ${orgs.hub.username} (${definitionFile}): The signup request failed: edition not allowed`,
      );
      return true;
    });
  });

  test('deletes a scratch org through its Dev Hub', async () => {
    const requests: FakeRequest[] = [];
    $$.fakeConnectionRequest = async (request) => {
      const r = request as unknown as FakeRequest;
      requests.push(r);
      if (r.method === 'GET' && r.url.includes('ActiveScratchOrg'))
        return { totalSize: 1, done: true, records: [{ Id: '2SR000000000001AAA' }] };
      return { records: [] };
    };
    const org = await resolveTargetOrg('so');
    assert.ok(isLiveScratchOrg(org));
    const deleted = await deleteScratchOrg(org);
    assert.deepEqual(deleted, { username: orgs.scratch.username, devHub: orgs.hub.username });
    const deletion = requests.find((r) => r.method === 'DELETE');
    assert.ok(deletion?.url.startsWith(orgs.hub.instanceUrl), 'deleted on the Dev Hub');
    assert.match(deletion!.url, /sobjects\/ActiveScratchOrg\/2SR000000000001AAA$/);
  });

  test('refuses to delete an org that is not a scratch org', async () => {
    const hub = await resolveTargetOrg('hub');
    await assert.rejects(deleteScratchOrg(hub), /is not a scratch org created from a Dev Hub on this machine/);
  });

  test('an expired scratch org is not live', async () => {
    const org = await resolveTargetOrg('so');
    $$.SANDBOX.stub(org.getConnection(), 'getAuthInfoFields').returns({
      devHubUsername: 'hub@x',
      expirationDate: '2025-01-01',
    });
    assert.equal(isLiveScratchOrg(org, new Date('2025-01-02')), false);
    assert.equal(isLiveScratchOrg(org, new Date('2025-01-01')), true);
  });

  test('no default org: the message says how to name one', async () => {
    await assert.rejects(
      resolveTargetOrg(),
      /no target-org given: pass --target-org <alias\|username> or set a default/,
    );
  });
});

describe('permsets assign', () => {
  const $$ = coreTestContext();
  const USER = '005000000000001AAA';
  const ADMIN = '0PS000000000001AAA';
  const AE = '0PS000000000002AAA';
  let inserts: unknown[];
  let held: string[];

  beforeEach(async () => {
    await stubDevHubAndScratchOrg($$);
    inserts = [];
    held = [];
    $$.fakeConnectionRequest = async (request) => {
      const r = request as unknown as FakeRequest;
      const soql = decodeURIComponent(new URL(r.url).searchParams.get('q') ?? '');
      if (r.method === 'GET' && soql.startsWith('SELECT Id FROM User'))
        return { totalSize: 1, done: true, records: [{ Id: USER }] };
      if (r.method === 'GET' && soql.startsWith('SELECT Id, Name FROM PermissionSet'))
        return {
          totalSize: 2,
          done: true,
          records: [
            { Id: ADMIN, Name: 'RevOps_Admin' },
            { Id: AE, Name: 'RevOps_Account_Executive' },
          ].filter((p) => soql.includes(`'${p.Name}'`)),
        };
      if (r.method === 'GET' && soql.startsWith('SELECT PermissionSetId FROM PermissionSetAssignment'))
        return { totalSize: held.length, done: true, records: held.map((PermissionSetId) => ({ PermissionSetId })) };
      if (r.method === 'POST' && r.url.includes('/composite/sobjects')) {
        const { records } = JSON.parse(r.body ?? '{}') as { records: { PermissionSetId: string }[] };
        inserts.push(...records);
        return records.map((rec, i) =>
          held.includes(rec.PermissionSetId)
            ? { success: false, errors: [{ statusCode: 'DUPLICATE_VALUE', message: 'duplicate value found' }] }
            : { id: `0Pa00000000000${i}AAA`, success: true, errors: [] },
        );
      }
      throw new Error(`unexpected request ${r.method} ${r.url}`);
    };
  });

  const connection = async () => (await resolveTargetOrg('so')).getConnection('66.0');

  test('assigns what is missing', async () => {
    const result = await assignPermissionSets(await connection(), ['RevOps_Admin', 'RevOps_Account_Executive']);
    assert.deepEqual(result.assigned, ['RevOps_Admin', 'RevOps_Account_Executive']);
    assert.deepEqual(result.alreadyAssigned, []);
    assert.deepEqual(
      inserts.map((r) => (r as { PermissionSetId: string }).PermissionSetId),
      [ADMIN, AE],
    );
  });

  test('an existing assignment is success, and nothing is inserted for it', async () => {
    held = [ADMIN, AE];
    const result = await assignPermissionSets(await connection(), ['RevOps_Admin', 'RevOps_Account_Executive']);
    assert.deepEqual(result.assigned, []);
    assert.deepEqual(result.alreadyAssigned, ['RevOps_Admin', 'RevOps_Account_Executive']);
    assert.equal(inserts.length, 0, 'no insert when everything is held');

    held = [ADMIN];
    const partly = await assignPermissionSets(await connection(), ['RevOps_Admin', 'RevOps_Account_Executive']);
    assert.deepEqual([partly.assigned, partly.alreadyAssigned], [['RevOps_Account_Executive'], ['RevOps_Admin']]);
    assert.deepEqual(inserts, [
      { attributes: { type: 'PermissionSetAssignment' }, AssigneeId: USER, PermissionSetId: AE },
    ]);
  });

  test('an assignment made in between (DUPLICATE_VALUE) also counts as success', async () => {
    const conn = await connection();
    const query = conn.query.bind(conn);
    // The assignment appears after the read: the insert meets DUPLICATE_VALUE.
    $$.SANDBOX.stub(conn, 'query').callsFake(async (soql: string) => {
      const result = await query(soql);
      if (soql.includes('FROM PermissionSetAssignment')) held = [ADMIN];
      return result;
    });
    const result = await assignPermissionSets(conn, ['RevOps_Admin']);
    assert.deepEqual([result.assigned, result.alreadyAssigned], [[], ['RevOps_Admin']]);
  });

  test('an unknown permission set names itself and says to deploy first', async () => {
    await assert.rejects(
      assignPermissionSets(await connection(), ['RevOps_Admin', 'RevOps_Finance']),
      /permission set RevOps_Finance not found in org .*; deploy first \(revops deploy\)/,
    );
    await assert.rejects(
      assignPermissionSets(await connection(), ["x' OR Name != '"]),
      /is not a permission set API name/,
    );
  });
});
