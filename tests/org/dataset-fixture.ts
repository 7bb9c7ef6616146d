import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RelationshipResolver } from '../../scripts/org/load-plan.ts';

/**
 * A small dataset in the `revops-dataset/1` format (docs/dataset-format.md), written to a temp
 * directory: accounts in a hierarchy where some parents come *later* in the file (so only the
 * loader's second pass can link them), contacts on accounts, opportunities on accounts with an
 * optional champion contact. Deterministic: the same sizes give the same files.
 */
export interface FixtureSizes {
  readonly accounts: number;
  readonly contacts: number;
  readonly opportunities: number;
  /** Contracts on accounts, every other one Activated (default none). */
  readonly contracts?: number;
}

/** The fixture's relationships, as the model's schema would answer them. */
export const FIXTURE_RELATIONSHIPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Account: { Parent: 'Account' },
  Contact: { Account: 'Account' },
  Opportunity: { Account: 'Account', Champion__r: 'Contact' },
  Contract: { Account: 'Account' },
};

export const resolveFixtureRelationship: RelationshipResolver = (sobject, name) =>
  FIXTURE_RELATIONSHIPS[sobject]?.[name];

const id = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, '0')}`;

export async function writeFixtureDataset(sizes: FixtureSizes, dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(join(tmpdir(), 'revops-dataset-')));
  await mkdir(root, { recursive: true });
  const accounts = Array.from({ length: sizes.accounts }, (_, i) => {
    const n = i + 1;
    // Every 5th account belongs to the *next* account (a parent that loads after it), every 7th to account 1.
    const parent = n % 5 === 0 && n < sizes.accounts ? id('ACC', n + 1) : n % 7 === 0 ? id('ACC', 1) : undefined;
    return {
      External_Id__c: id('ACC', n),
      Name: `Account ${n}, "Fixture" Ltd`,
      Website_Domain__c: `account${n}.example.com`,
      NumberOfEmployees: 10 * n,
      Parent: parent ? { External_Id__c: parent } : null,
    };
  });
  const contacts = Array.from({ length: sizes.contacts }, (_, i) => ({
    External_Id__c: id('CON', i + 1),
    LastName: `Contact ${i + 1}`,
    Email: `contact${i + 1}@example.com`,
    Account: { External_Id__c: id('ACC', (i % sizes.accounts) + 1) },
  }));
  const opportunities = Array.from({ length: sizes.opportunities }, (_, i) => ({
    External_Id__c: id('OPP', i + 1),
    Name: `Deal ${i + 1}`,
    StageName: i % 3 === 0 ? 'Discovery' : 'Value Demo',
    CloseDate: '2026-03-31',
    Amount: 1000 + i,
    IsPrivate: false,
    NextStep: i % 4 === 0 ? null : `Call ${i + 1}\nthen demo`,
    Account: { External_Id__c: id('ACC', (i % sizes.accounts) + 1) },
    Champion__r: i % 2 === 0 && sizes.contacts ? { External_Id__c: id('CON', (i % sizes.contacts) + 1) } : null,
  }));
  const contracts = Array.from({ length: sizes.contracts ?? 0 }, (_, i) => ({
    External_Id__c: id('CTR', i + 1),
    Account: { External_Id__c: id('ACC', (i % sizes.accounts) + 1) },
    Status: i % 2 === 0 ? 'Activated' : 'Draft',
    StartDate: '2026-01-01',
    ContractTerm: 12,
  }));
  const objects: [string, object[]][] = [
    ['Account', accounts],
    ['Contact', contacts],
    ['Opportunity', opportunities],
    ...(contracts.length ? [['Contract', contracts] as [string, object[]]] : []),
  ];
  return writeDatasetFiles(root, objects);
}

/** A dataset in `root`: one ndjson file per object, in the order given, and its manifest. */
export async function writeDatasetFiles(
  root: string,
  objects: readonly [string, readonly object[]][],
): Promise<string> {
  for (const [sobject, records] of objects)
    await writeFile(join(root, `${sobject}.ndjson`), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const manifest = {
    format: 'revops-dataset/1',
    seed: 42,
    scale: 'test',
    objects: objects.map(([sobject, records]) => ({
      sobject,
      file: `${sobject}.ndjson`,
      count: records.length,
      externalIdField: 'External_Id__c',
    })),
  };
  await writeFile(join(root, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return root;
}

/** Accounts whose parent is set: the rows of the loader's deferred pass for Account. */
export function fixtureParentCount(accounts: number): number {
  let links = 0;
  for (let n = 1; n <= accounts; n++) if ((n % 5 === 0 && n < accounts) || n % 7 === 0) links++;
  return links;
}
