import { after, afterEach, before, beforeEach } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';

/**
 * @salesforce/core's TestContext under node:test. `testSetup()` registers mocha's global hooks,
 * so here the context is built with `setup: false` and stubbed / restored around each test of the
 * calling suite: config files, the auth store and aliases live in memory (or a private temp dir),
 * and `Connection.request` goes to `$$.fakeConnectionRequest` instead of the network.
 */
export function coreTestContext(): TestContext {
  const $$ = new TestContext({ setup: false });
  // TestContext keeps aliases in $TMPDIR/.sfdx/alias.json; node --test runs test files in parallel
  // processes, so each suite gets its own TMPDIR rather than racing the others for that file.
  const previous = process.env.TMPDIR;
  let own = '';
  before(() => {
    own = mkdtempSync(join(tmpdir(), 'revops-core-'));
    process.env.TMPDIR = own;
  });
  after(async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    await rm(own, { recursive: true, force: true });
  });
  beforeEach(() => $$.init());
  afterEach(() => $$.restore());
  return $$;
}

export interface MockOrgs {
  readonly hub: MockTestOrgData;
  readonly scratch: MockTestOrgData;
  /** A second scratch org of the same hub, without an alias (a replacement for `scratch`). */
  readonly spare: MockTestOrgData;
}

/** A Dev Hub (alias `hub`) and scratch orgs it owns (`so`, and a spare), authorized in the test context's store. */
export async function stubDevHubAndScratchOrg($$: TestContext): Promise<MockOrgs> {
  const hub = new MockTestOrgData();
  hub.makeDevHub();
  const [scratch, spare] = [new MockTestOrgData(), new MockTestOrgData()];
  for (const org of [scratch, spare]) {
    org.createDevHubUsername(hub.username);
    org.isScratchOrg = true;
  }
  await $$.stubAuths(hub, scratch, spare);
  $$.stubAliases({ hub: hub.username, so: scratch.username });
  return { hub, scratch, spare };
}

/** A minimal SFDX project (a custom object with a field, an Apex class) to deploy in tests. */
export async function writeDeployProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'revops-deploy-project-'));
  const files: Record<string, string> = {
    'sfdx-project.json': JSON.stringify({
      packageDirectories: [{ path: 'force-app', default: true }],
      sourceApiVersion: '66.0',
    }),
    'force-app/main/default/objects/Deal_Note__c/Deal_Note__c.object-meta.xml': xml('CustomObject', [
      '<deploymentStatus>Deployed</deploymentStatus>',
      '<label>Deal Note</label>',
      '<nameField><label>Deal Note Name</label><type>Text</type></nameField>',
      '<pluralLabel>Deal Notes</pluralLabel>',
      '<sharingModel>ReadWrite</sharingModel>',
    ]),
    'force-app/main/default/objects/Deal_Note__c/fields/Summary__c.field-meta.xml': xml('CustomField', [
      '<fullName>Summary__c</fullName>',
      '<label>Summary</label>',
      '<length>255</length>',
      '<type>Text</type>',
    ]),
    'force-app/main/default/classes/DealNotes.cls':
      'public with sharing class DealNotes {\n    public static Integer count() {\n        return 0;\n    }\n}\n',
    'force-app/main/default/classes/DealNotes.cls-meta.xml': xml('ApexClass', [
      '<apiVersion>66.0</apiVersion>',
      '<status>Active</status>',
    ]),
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

function xml(type: string, lines: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${type} xmlns="http://soap.sforce.com/2006/04/metadata">`,
    ...lines.map((l) => `    ${l}`),
    `</${type}>`,
    '',
  ].join('\n');
}
