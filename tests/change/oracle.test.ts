/**
 * The component lists of `revops diff` equal sfdx-git-delta's (manifest only) for the same
 * pair: on this repository's own history, and on a fixture repository built here commit by
 * commit with every layout the handlers know (a file per component, meta files, children in
 * an object's folder, bundles, resources, folders, components inside a shared file, profiles,
 * permission sets, translations) being added, changed and deleted.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitFiles, FORCEIGNORE, git, oracleLists, ourLists, ROOT, xml } from './support.ts';

const D = 'force-app/main/default';

/** Commits of the fixture: each a set of files written (or deleted, undefined). */
const STEPS: readonly Record<string, string | undefined>[] = [
  {
    'sfdx-project.json': JSON.stringify({
      packageDirectories: [{ path: 'force-app', default: true }],
      sourceApiVersion: '66.0',
    }),
    [`${D}/classes/Deal.cls`]: 'public class Deal {}\n',
    [`${D}/classes/Deal.cls-meta.xml`]: xml('ApexClass', '<apiVersion>66.0</apiVersion><status>Active</status>'),
    [`${D}/objects/Deal__c/Deal__c.object-meta.xml`]: xml('CustomObject', '<label>Deal</label>'),
    [`${D}/objects/Deal__c/fields/Amount__c.field-meta.xml`]: xml(
      'CustomField',
      '<fullName>Amount__c</fullName><type>Number</type>',
    ),
    [`${D}/objects/Deal__c/fields/Owner__c.field-meta.xml`]: xml(
      'CustomField',
      '<fullName>Owner__c</fullName><type>MasterDetail</type>',
    ),
    [`${D}/objects/Deal__c/validationRules/Amount_Positive.validationRule-meta.xml`]: xml(
      'ValidationRule',
      '<active>true</active>',
    ),
    [`${D}/objects/Deal__c/recordTypes/Big.recordType-meta.xml`]: xml('RecordType', '<label>Big</label>'),
    [`${D}/lwc/dealCard/dealCard.js`]: 'export default class {}\n',
    [`${D}/lwc/dealCard/dealCard.html`]: '<template></template>\n',
    [`${D}/lwc/dealCard/dealCard.js-meta.xml`]: xml('LightningComponentBundle', '<apiVersion>66.0</apiVersion>'),
    [`${D}/lwc/dealCard/__tests__/dealCard.test.js`]: 'test("x", () => {});\n',
    [`${D}/aura/dealApp/dealApp.cmp`]: '<aura:component/>\n',
    [`${D}/staticresources/logos/logo.svg`]: '<svg/>\n',
    [`${D}/staticresources/logos.resource-meta.xml`]: xml(
      'StaticResource',
      '<contentType>application/zip</contentType>',
    ),
    [`${D}/reports/Deals.reportFolder-meta.xml`]: xml('ReportFolder', '<name>Deals</name>'),
    [`${D}/reports/Deals/Open.report-meta.xml`]: xml('Report', '<name>Open</name>'),
    [`${D}/dashboards/Deals.dashboardFolder-meta.xml`]: xml('DashboardFolder', '<name>Deals</name>'),
    [`${D}/dashboards/Deals/Overview.dashboard-meta.xml`]: xml('Dashboard', '<title>Overview</title>'),
    [`${D}/email/Deals.emailFolder-meta.xml`]: xml('EmailFolder', '<name>Deals</name>'),
    [`${D}/email/Deals/Won.email`]: 'Won!\n',
    [`${D}/email/Deals/Won.email-meta.xml`]: xml('EmailTemplate', '<name>Won</name>'),
    [`${D}/customMetadata/Gate.Discovery.md-meta.xml`]: xml('CustomMetadata', '<label>Discovery</label>'),
    [`${D}/labels/CustomLabels.labels-meta.xml`]: xml(
      'CustomLabels',
      '<labels><fullName>Hello</fullName><value>Hello</value></labels><labels><fullName>Bye</fullName><value>Bye</value></labels>',
    ),
    [`${D}/matchingRules/Account.matchingRule-meta.xml`]: xml(
      'MatchingRules',
      '<matchingRules><fullName>Domain</fullName><label>Domain</label></matchingRules>',
    ),
    [`${D}/workflows/Deal__c.workflow-meta.xml`]: xml(
      'Workflow',
      '<alerts><fullName>Notify</fullName><description>a</description></alerts><rules><fullName>Big</fullName><active>true</active></rules>',
    ),
    [`${D}/profiles/Admin.profile-meta.xml`]: xml(
      'Profile',
      '<fieldPermissions><editable>true</editable><field>Deal__c.Amount__c</field><readable>true</readable></fieldPermissions><custom>false</custom>',
    ),
    [`${D}/permissionsets/Deal_Desk.permissionset-meta.xml`]: xml('PermissionSet', '<label>Deal Desk</label>'),
    [`${D}/flows/Deal_Close.flow-meta.xml`]: xml('Flow', '<status>Active</status>'),
    [`${D}/translations/fr.translation-meta.xml`]: xml(
      'Translations',
      '<flowDefinitions><fullName>Deal_Close</fullName><label>Fermer</label></flowDefinitions>',
    ),
    [`${D}/objectTranslations/Deal__c-fr/Deal__c-fr.objectTranslation-meta.xml`]: xml('CustomObjectTranslation', ''),
    [`${D}/objectTranslations/Deal__c-fr/Amount__c.fieldTranslation-meta.xml`]: xml(
      'CustomFieldTranslation',
      '<name>Amount__c</name>',
    ),
  },
  {
    [`${D}/classes/Deal.cls`]: 'public class Deal { Integer x; }\n',
    [`${D}/objects/Deal__c/fields/Amount__c.field-meta.xml`]: xml(
      'CustomField',
      '<fullName>Amount__c</fullName><type>Currency</type>',
    ),
    [`${D}/lwc/dealCard/dealCard.html`]: undefined,
    [`${D}/lwc/dealCard/__tests__/dealCard.test.js`]: 'test("y", () => {});\n',
    [`${D}/staticresources/logos/logo.svg`]: '<svg width="1"/>\n',
    [`${D}/reports/Deals/Open.report-meta.xml`]: xml('Report', '<name>Open deals</name>'),
    [`${D}/labels/CustomLabels.labels-meta.xml`]: xml(
      'CustomLabels',
      '<labels><fullName>Hello</fullName><value>Bonjour</value></labels><labels><fullName>Thanks</fullName><value>Thanks</value></labels>',
    ),
    [`${D}/matchingRules/Account.matchingRule-meta.xml`]: xml(
      'MatchingRules',
      '<matchingRules><fullName>Domain</fullName><label>Domain</label></matchingRules><matchingRules><fullName>Name</fullName><label>Name</label></matchingRules>',
    ),
    [`${D}/workflows/Deal__c.workflow-meta.xml`]: xml(
      'Workflow',
      '<alerts><fullName>Notify</fullName><description>b</description></alerts>',
    ),
    [`${D}/profiles/Admin.profile-meta.xml`]: xml('Profile', '<custom>false</custom>'),
    [`${D}/permissionsets/Deal_Desk.permissionset-meta.xml`]: xml('PermissionSet', '<label>Deal Desk team</label>'),
    [`${D}/flows/Deal_Close.flow-meta.xml`]: xml('Flow', '<status>Draft</status>'),
  },
  {
    [`${D}/objects/Deal__c/fields/Owner__c.field-meta.xml`]: undefined,
    [`${D}/objects/Deal__c/recordTypes/Big.recordType-meta.xml`]: undefined,
    [`${D}/objects/Deal__c/validationRules/Amount_Positive.validationRule-meta.xml`]: undefined,
    [`${D}/lwc/dealCard/dealCard.js`]: undefined,
    [`${D}/lwc/dealCard/dealCard.js-meta.xml`]: undefined,
    [`${D}/lwc/dealCard/__tests__/dealCard.test.js`]: undefined,
    [`${D}/aura/dealApp/dealApp.cmp`]: undefined,
    [`${D}/classes/Deal.cls`]: undefined,
    [`${D}/classes/Deal.cls-meta.xml`]: undefined,
    [`${D}/classes/deal.cls`]: 'public class deal {}\n',
    [`${D}/classes/deal.cls-meta.xml`]: xml('ApexClass', '<apiVersion>66.0</apiVersion><status>Active</status>'),
    [`${D}/email/Deals/Won.email`]: undefined,
    [`${D}/email/Deals/Won.email-meta.xml`]: undefined,
    [`${D}/reports/Deals/Open.report-meta.xml`]: undefined,
    [`${D}/reports/Deals.reportFolder-meta.xml`]: undefined,
    [`${D}/matchingRules/Account.matchingRule-meta.xml`]: undefined,
    [`${D}/workflows/Deal__c.workflow-meta.xml`]: undefined,
    [`${D}/profiles/Admin.profile-meta.xml`]: undefined,
    [`${D}/permissionsets/Deal_Desk.permissionset-meta.xml`]: undefined,
    [`${D}/flows/Deal_Close.flow-meta.xml`]: undefined,
    [`${D}/customMetadata/Gate.Discovery.md-meta.xml`]: undefined,
    [`${D}/objectTranslations/Deal__c-fr/Amount__c.fieldTranslation-meta.xml`]: undefined,
  },
];

describe('component lists equal sfdx-git-delta’s', () => {
  let fixture = '';
  const commits: string[] = [];
  let forceignore = '';

  before(async () => {
    forceignore = await readFile(FORCEIGNORE, 'utf8');
    fixture = await mkdtemp(join(tmpdir(), 'revops-oracle-'));
    git(fixture, 'init', '-q', '-b', 'main');
    commits.push(
      await commitFiles(fixture, { 'README.md': 'fixture\n', '.forceignore': forceignore }, 'empty project'),
    );
    for (const [i, step] of STEPS.entries()) commits.push(await commitFiles(fixture, step, `step ${i + 1}`));
  });
  after(() => rm(fixture, { recursive: true, force: true }));

  test('on a fixture repository: every step, and the whole history at once', async () => {
    const pairs = [
      ...commits.slice(1).map((c, i) => [commits[i]!, c] as const),
      [commits[0]!, commits.at(-1)!] as const,
      [commits[1]!, commits.at(-1)!] as const,
    ];
    for (const [from, to] of pairs) {
      const ours = await ourLists(fixture, from, to, ['force-app'], forceignore);
      assert.equal(ours, await oracleLists(fixture, from, to, ['force-app']), `${from.slice(0, 8)}..${to.slice(0, 8)}`);
      assert.match(ours, /\w/);
    }
  });

  test('the fixture exercises additions, changes and deletions of every layout', async () => {
    const last = await ourLists(fixture, commits[2]!, commits[3]!, ['force-app'], forceignore);
    for (const expected of [
      'CustomField: Deal__c.Owner__c',
      'ValidationRule: Deal__c.Amount_Positive',
      'MatchingRule: Account.Domain, Account.Name',
      'LightningComponentBundle: dealCard',
    ])
      assert.ok(last.includes(expected), `${expected} in\n${last}`);
    // Record types cannot be deleted through the Metadata API: never destructive.
    assert.doesNotMatch(last, /RecordType/);
  });

  test('on this repository’s own history (the newest commits one by one, and wider pairs)', async () => {
    const history = git(ROOT, 'rev-list', '--first-parent', '--max-count=8', 'HEAD').split('\n').reverse();
    const pairs = [
      ...history.slice(1).map((c, i) => [history[i]!, c] as const),
      [history[0]!, history.at(-1)!] as const,
    ];
    for (const [from, to] of pairs)
      assert.equal(
        await ourLists(ROOT, from, to, ['force-app'], forceignore),
        await oracleLists(ROOT, from, to, ['force-app']),
        `${from.slice(0, 8)}..${to.slice(0, 8)}`,
      );
  });
});
