/**
 * Reads what attribution needs from a dataset (revops-dataset/1): campaigns with their channel
 * and spend, touches, opportunities, their accounts' segments, and leads. Every record is read
 * through the dataset reader (a broken line is a DatasetError naming file and line); a value
 * attribution cannot use is a DatasetError naming file, line, record and field.
 */
import { join } from 'node:path';
import { DatasetError, openDataset, readRecords, type DatasetRecord, type ManifestObject } from '../data/index.ts';

export interface CampaignRow {
  readonly id: string;
  readonly name: string;
  readonly channel: string | null;
  readonly type: string | null;
  /** Actual cost in cents (0 when blank). */
  readonly spendCents: bigint;
}

export interface TouchRow {
  readonly id: string;
  readonly line: number;
  readonly at: number;
  readonly lead: string | null;
  readonly contact: string | null;
  readonly opportunity: string | null;
  readonly campaign: string | null;
  readonly channel: string;
  readonly type: string;
  readonly milestone: string | null;
  readonly userAgent: string | null;
  readonly isBot: boolean;
}

export interface OpportunityRow {
  readonly id: string;
  readonly name: string;
  readonly stage: string;
  readonly type: string | null;
  readonly closeDate: string;
  readonly amountCents: bigint;
  readonly account: string | null;
  readonly leadSourceOriginal: string | null;
  readonly lossReason: string | null;
  readonly competitor: string | null;
}

export interface LeadRow {
  readonly id: string;
  readonly status: string;
  readonly originalSource: string | null;
  readonly mqlAt: number | null;
  readonly firstTouchAt: number | null;
  readonly fields: DatasetRecord;
}

export interface AttributionDataset {
  readonly dir: string;
  readonly anchorDate: string | undefined;
  readonly campaigns: ReadonlyMap<string, CampaignRow>;
  readonly touches: readonly TouchRow[];
  readonly opportunities: readonly OpportunityRow[];
  /** Account external id → segment. */
  readonly segments: ReadonlyMap<string, string>;
  readonly leads: readonly LeadRow[];
}

type Where = { file: string; line: number; id: string };

const problem = (w: Where, object: string, field: string, what: string) =>
  new DatasetError(w.file, `${object} ${w.id}: ${field} ${what}`, w.line, {
    name: 'AttributionValueInvalid',
    actions: [`Fix ${field} on line ${w.line} of ${w.file}, or regenerate the dataset with \`revops data generate\``],
  });

const str = (r: DatasetRecord, key: string): string | null => {
  const v = r[key];
  return typeof v === 'string' && v !== '' ? v : null;
};
const ref = (r: DatasetRecord, key: string): string | null => {
  const v = r[key];
  if (v && typeof v === 'object' && 'External_Id__c' in v) return str(v as DatasetRecord, 'External_Id__c');
  return null;
};

function instant(r: DatasetRecord, key: string, w: Where, object: string, required: boolean): number | null {
  const v = r[key];
  if (v === null || v === undefined) {
    if (required) throw problem(w, object, key, 'is blank; a touch needs its time');
    return null;
  }
  const ms = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) throw problem(w, object, key, `must be an ISO 8601 date/time, got ${JSON.stringify(v)}`);
  return ms;
}

/** Money as integer cents: Amount and ActualCost hold at most two decimals. */
function cents(r: DatasetRecord, key: string, w: Where, object: string): bigint {
  const v = r[key];
  if (v === null || v === undefined) return 0n;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw problem(w, object, key, `must be a non-negative amount, got ${JSON.stringify(v)}`);
  return BigInt(Math.round(v * 100));
}

async function rows<T>(
  dir: string,
  entry: ManifestObject | undefined,
  map: (r: DatasetRecord, w: Where) => T,
): Promise<T[]> {
  if (!entry) return [];
  const out: T[] = [];
  const file = join(dir, entry.file);
  for await (const { line, record } of readRecords(dir, entry))
    out.push(map(record, { file, line, id: String(record[entry.externalIdField]) }));
  return out;
}

const touchOf = (r: DatasetRecord, w: Where): TouchRow => {
  const channel = str(r, 'Channel__c');
  if (!channel) throw problem(w, 'Touch__c', 'Channel__c', 'is blank; every touch has a channel');
  return {
    id: w.id,
    line: w.line,
    at: instant(r, 'Touched_At__c', w, 'Touch__c', true)!,
    lead: ref(r, 'Lead__r'),
    contact: ref(r, 'Contact__r'),
    opportunity: ref(r, 'Opportunity__r'),
    campaign: ref(r, 'Campaign__r'),
    channel,
    type: str(r, 'Touch_Type__c') ?? 'Unknown',
    milestone: str(r, 'Milestone__c'),
    userAgent: str(r, 'User_Agent__c'),
    isBot: r.Is_Bot__c === true,
  };
};

/** Loads a dataset for attribution; a dataset without Touch__c or Opportunity records is refused. */
export async function loadAttributionDataset(dir: string): Promise<AttributionDataset> {
  const dataset = await openDataset(dir);
  const entry = (name: string) => dataset.manifest.objects.find((o) => o.sobject === name);
  for (const required of ['Opportunity', 'Touch__c'])
    if (!entry(required))
      throw new DatasetError(
        join(dir, 'manifest.json'),
        `lists no ${required} records; attribution needs them`,
        undefined,
        {
          name: 'AttributionDatasetIncomplete',
          actions: ['Regenerate the dataset with `revops data generate` from a model that has Touch__c'],
        },
      );
  const campaigns = await rows(dir, entry('Campaign'), (r, w) => ({
    id: w.id,
    name: str(r, 'Name') ?? w.id,
    channel: str(r, 'Channel__c'),
    type: str(r, 'Type'),
    spendCents: cents(r, 'ActualCost', w, 'Campaign'),
  }));
  const opportunities = await rows(dir, entry('Opportunity'), (r, w) => ({
    id: w.id,
    name: str(r, 'Name') ?? w.id,
    stage: str(r, 'StageName') ?? '',
    type: str(r, 'Type'),
    closeDate: str(r, 'CloseDate') ?? '',
    amountCents: cents(r, 'Amount', w, 'Opportunity'),
    account: ref(r, 'Account'),
    leadSourceOriginal: str(r, 'Lead_Source_Original__c'),
    lossReason: str(r, 'Loss_Reason__c'),
    competitor: str(r, 'Primary_Competitor__c'),
  }));
  const accounts = await rows(dir, entry('Account'), (r, w) => [w.id, str(r, 'Segment__c') ?? 'Unknown'] as const);
  const leads = await rows(dir, entry('Lead'), (r, w) => ({
    id: w.id,
    status: str(r, 'Status') ?? '',
    originalSource: str(r, 'Lead_Source_Original__c'),
    mqlAt: instant(r, 'MQL_Date__c', w, 'Lead', false),
    firstTouchAt: instant(r, 'First_Touch_At__c', w, 'Lead', false),
    fields: r,
  }));
  return {
    dir,
    anchorDate: dataset.manifest.anchorDate,
    campaigns: new Map(campaigns.map((c) => [c.id, c])),
    touches: await rows(dir, entry('Touch__c'), touchOf),
    opportunities,
    segments: new Map(accounts),
    leads,
  };
}
