/**
 * What comp reads from a dataset: the period, the reps' quotas in it (Forecast_Quota__c, whose
 * owner the roster's quotaOwners names), closed-won deals with their owner (the account's owner
 * in the roster, as Salesforce gives a new deal its account owner) and churn notices (churn.json).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHURN_FILE, CHURN_FORMAT, type ChurnEvent, type ChurnFile } from '../data/churn.ts';
import { DatasetError } from '../data/errors.ts';
import { openDataset, type Dataset } from '../data/manifest.ts';
import { readRecords, type DatasetRecord } from '../data/reader.ts';
import type { Roster } from '../data/routing-roster.ts';

export interface CompPeriod {
  readonly id: string;
  readonly name: string;
  readonly start: string;
  readonly end: string;
}

export interface CreditedDeal {
  readonly id: string;
  readonly account: string;
  readonly owner: string | undefined;
  readonly type: string;
  readonly closeDate: string;
  readonly arr: number;
}

export interface CompData {
  readonly period: CompPeriod;
  /** User id → the rep's quota in the period. */
  readonly quotas: ReadonlyMap<string, number>;
  readonly wonDeals: readonly CreditedDeal[];
  readonly churn: readonly ChurnEvent[];
}

const ref = (value: unknown): string | undefined => (value as { External_Id__c?: string } | null)?.External_Id__c;

async function readObject(dataset: Dataset, sobject: string): Promise<DatasetRecord[]> {
  const entry = dataset.manifest.objects.find((o) => o.sobject === sobject);
  if (!entry)
    throw new DatasetError(
      join(dataset.dir, 'manifest.json'),
      `lists no ${sobject}: comp calculate needs it`,
      undefined,
      {
        name: 'DatasetObjectMissing',
        actions: ['Regenerate the dataset with `revops data generate --out <dir> --force`'],
      },
    );
  const out: DatasetRecord[] = [];
  for await (const { record } of readRecords(dataset.dir, entry)) out.push(record);
  return out;
}

function findPeriod(dataset: Dataset, periods: DatasetRecord[], wanted: string): CompPeriod {
  const found = periods.find((p) => p.Name === wanted || p.External_Id__c === wanted);
  if (!found)
    throw new DatasetError(join(dataset.dir, 'Forecast_Period__c.ndjson'), `has no period "${wanted}"`, undefined, {
      name: 'PeriodNotFound',
      actions: [`Pass --period as one of: ${periods.map((p) => String(p.Name)).join(', ') || '(none)'}`],
    });
  return {
    id: String(found.External_Id__c),
    name: String(found.Name),
    start: String(found.Start_Date__c),
    end: String(found.End_Date__c),
  };
}

export async function readChurn(dir: string): Promise<ChurnEvent[]> {
  const file = join(dir, CHURN_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  let churn: ChurnFile;
  try {
    churn = JSON.parse(text) as ChurnFile;
  } catch (e) {
    throw new DatasetError(file, `not valid JSON (${(e as Error).message})`, undefined, { name: 'ChurnInvalid' });
  }
  if (churn?.format !== CHURN_FORMAT || !Array.isArray(churn.events))
    throw new DatasetError(file, `expected format ${CHURN_FORMAT} with events`, undefined, { name: 'ChurnInvalid' });
  return [...churn.events];
}

/** The dataset's facts for one period; `won` says which stage names are closed-won. */
export async function readCompData(
  dir: string,
  roster: Roster,
  periodName: string,
  won: ReadonlySet<string>,
): Promise<CompData> {
  const dataset = await openDataset(dir);
  const period = findPeriod(dataset, await readObject(dataset, 'Forecast_Period__c'), periodName);
  const quotas = new Map<string, number>();
  for (const q of await readObject(dataset, 'Forecast_Quota__c')) {
    const owner = roster.quotaOwners?.[String(q.External_Id__c)];
    if (owner && ref(q.Forecast_Period__r) === period.id)
      quotas.set(owner, (quotas.get(owner) ?? 0) + Number(q.Quota_ARR__c));
  }
  const wonDeals = (await readObject(dataset, 'Opportunity'))
    .filter((o) => won.has(String(o.StageName)))
    .map((o) => {
      const account = ref(o.Account) ?? '';
      return {
        id: String(o.External_Id__c),
        account,
        owner: roster.accountOwners[account],
        type: String(o.Type ?? ''),
        closeDate: String(o.CloseDate),
        arr: Number(o.ARR__c ?? o.Amount ?? 0),
      };
    });
  return { period, quotas, wonDeals, churn: await readChurn(dir) };
}
