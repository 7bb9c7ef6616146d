/**
 * `revops attribution push`: one attribution model's closed-won credit written to an org as
 * CampaignInfluence records under the model's customizable campaign influence model
 * (CampaignInfluenceModel RevOps_<Model>, model/marketing/influence-models.ts).
 *
 * A record is one (opportunity, campaign) pair with the campaign's share of the amount as
 * Influence (a percent with two decimals: basis points split by largest remainder, so a deal's
 * percents add up to its campaign-credited share exactly). Credit on touches without a campaign
 * (a sales meeting, organic search) has no CampaignInfluence to hold it: it is reported, not written.
 * Salesforce computes RevenueShare from Influence and the amount. A re-run replaces the model's
 * records: the old ones are deleted, then the new ones inserted (200 a request, allOrNone false);
 * rows the org refuses are reported with its error.
 */
import type { Connection } from '@salesforce/core';
import { messageOf, OrgToolkitError } from '../org/errors.ts';
import { orgStep, type NetworkOptions } from '../org/network.ts';
import type { AttributionResult } from './index.ts';
import type { ModelName } from './models.ts';

/** `w-shaped` → `RevOps_W_Shaped`: the CampaignInfluenceModel a model's credit is written under. */
export const influenceModelName = (model: ModelName): string =>
  `RevOps_${model
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('_')}`;

export interface InfluenceRow {
  /** External ids, as the dataset names them. */
  readonly opportunity: string;
  readonly campaign: string;
  /** Percent of the amount, two decimals. */
  readonly influence: number;
  readonly cents: number;
}

export interface InfluencePlan {
  readonly rows: readonly InfluenceRow[];
  /** Credit on touches without a campaign: not representable as campaign influence. */
  readonly uncampaignedCents: number;
  readonly creditedCents: number;
}

/** Basis points of `amount` per part (parts sum to amount): largest remainder, earlier part on ties. */
function basisPoints(parts: readonly number[], amount: number): number[] {
  const exact = parts.map((c) => (c * 10_000) / amount);
  const out = exact.map(Math.floor);
  let left = 10_000 - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && order.length; k++, left--) out[order[k % order.length]!.i]! += 1;
  return out;
}

/** The CampaignInfluence rows of one attribution result (closed-won deals). */
export function influenceRows(result: Pick<AttributionResult, 'credits'>): InfluencePlan {
  const rows: InfluenceRow[] = [];
  let uncampaignedCents = 0;
  let creditedCents = 0;
  for (const deal of result.credits) {
    if (deal.amountCents <= 0) continue;
    const byCampaign = new Map<string, number>();
    let none = 0;
    for (const c of deal.credits)
      if (c.campaign) byCampaign.set(c.campaign, (byCampaign.get(c.campaign) ?? 0) + c.cents);
      else none += c.cents;
    uncampaignedCents += none;
    const campaigns = [...byCampaign];
    // The "no campaign" bucket takes part in the split, so the percents written are exact shares.
    const points = basisPoints([...campaigns.map(([, cents]) => cents), none], deal.amountCents);
    campaigns.forEach(([campaign, cents], i) => {
      creditedCents += cents;
      if (points[i]! > 0) rows.push({ opportunity: deal.opportunity, campaign, influence: points[i]! / 100, cents });
    });
  }
  return { rows, uncampaignedCents, creditedCents };
}

export interface PushResult {
  readonly model: ModelName;
  readonly influenceModel: string;
  readonly influenceModelId: string;
  readonly deleted: number;
  readonly written: number;
  readonly failed: readonly { opportunity: string; campaign: string; error: string }[];
  /** Rows not sent: their opportunity or campaign is not in the org (by External_Id__c). */
  readonly notInOrg: { readonly opportunities: readonly string[]; readonly campaigns: readonly string[] };
  readonly uncampaignedCents: number;
  readonly creditedCents: number;
}

const CHUNK = 200;
const chunks = <T>(xs: readonly T[], n = CHUNK): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
/** The REST API names a row error `statusCode`; jsforce's types call it `errorCode`. */
const codeOf = (e: { errorCode?: string }) => (e as { statusCode?: string }).statusCode ?? e.errorCode;

type Step = <T>(doing: string, work: () => PromiseLike<T>) => Promise<T>;

/** Salesforce ids of records by External_Id__c. */
async function idsByExternalId(conn: Connection, step: Step, sobject: string, keys: readonly string[]) {
  const ids = new Map<string, string>();
  for (const part of chunks([...new Set(keys)])) {
    const soql = `SELECT Id, External_Id__c FROM ${sobject} WHERE External_Id__c IN (${part.map(quote).join(', ')})`;
    const found = await step(`reading ${sobject} ids`, () =>
      conn.query<{ Id: string; External_Id__c: string }>(soql, { autoFetch: true, maxFetch: 100_000 }),
    );
    for (const r of found.records) ids.set(r.External_Id__c, r.Id);
  }
  return ids;
}

async function influenceModelId(conn: Connection, step: Step, name: string, org: string): Promise<string> {
  const found = await step(`reading CampaignInfluenceModel ${name}`, () =>
    conn.query<{ Id: string }>(`SELECT Id FROM CampaignInfluenceModel WHERE DeveloperName = ${quote(name)}`),
  ).catch((error: unknown) => {
    if (error instanceof OrgToolkitError) throw error;
    throw new OrgToolkitError(`reading CampaignInfluenceModel ${name} in ${org}: ${messageOf(error)}`, {
      name: 'InfluenceModelUnreadable',
      actions: ['Turn on Customizable Campaign Influence (CampaignSettings.enableCampaignInfluence2)'],
      cause: error,
    });
  });
  const id = found.records[0]?.Id;
  if (!id)
    throw new OrgToolkitError(`org ${org} has no CampaignInfluenceModel ${name}`, {
      name: 'InfluenceModelMissing',
      actions: [
        `Deploy the project first (revops deploy): force-app/generated/campaignInfluenceModels/${name}.campaignInfluenceModel-meta.xml`,
        'Customizable Campaign Influence must be on (CampaignSettings.enableCampaignInfluence2)',
      ],
    });
  return id;
}

/** Deletes the model's existing CampaignInfluence records; returns how many. */
async function clearModel(conn: Connection, step: Step, modelId: string): Promise<number> {
  const existing = await step('reading existing CampaignInfluence records', () =>
    conn.query<{ Id: string }>(`SELECT Id FROM CampaignInfluence WHERE ModelId = ${quote(modelId)}`, {
      autoFetch: true,
      maxFetch: 10_000_000,
    }),
  );
  let deleted = 0;
  for (const part of chunks(existing.records.map((r) => r.Id))) {
    const results = await step(`deleting ${part.length} CampaignInfluence records`, () =>
      conn.sobject('CampaignInfluence').destroy(part, { allOrNone: false }),
    );
    const refused = results.filter((r) => !r.success && !r.errors.some((e) => codeOf(e) === 'ENTITY_IS_DELETED'));
    if (refused.length)
      throw new OrgToolkitError(
        `deleting the model's earlier CampaignInfluence records: ${refused.length} refused (${refused[0]!.errors.map((e) => `${codeOf(e)}: ${e.message}`).join('; ')}); nothing new was written`,
        { name: 'InfluenceDeleteFailed', actions: ['Check the user may delete CampaignInfluence records'] },
      );
    deleted += results.length;
  }
  return deleted;
}

export interface PushOptions extends NetworkOptions {
  readonly model: ModelName;
  readonly result: Pick<AttributionResult, 'credits'>;
}

/** Writes `result`'s closed-won credit as CampaignInfluence under the model's influence model. */
export async function pushInfluence(conn: Connection, o: PushOptions): Promise<PushResult> {
  const org = conn.getUsername() ?? conn.instanceUrl;
  const step: Step = (doing, work) => orgStep({ org, doing, url: conn.instanceUrl, login: org }, work, o);
  const name = influenceModelName(o.model);
  const plan = influenceRows(o.result);
  const modelId = await influenceModelId(conn, step, name, org);
  const opps = await idsByExternalId(
    conn,
    step,
    'Opportunity',
    plan.rows.map((r) => r.opportunity),
  );
  const camps = await idsByExternalId(
    conn,
    step,
    'Campaign',
    plan.rows.map((r) => r.campaign),
  );
  const sendable = plan.rows.filter((r) => opps.has(r.opportunity) && camps.has(r.campaign));
  const deleted = await clearModel(conn, step, modelId);
  const failed: { opportunity: string; campaign: string; error: string }[] = [];
  for (const part of chunks(sendable)) {
    const records = part.map((r) => ({
      ModelId: modelId,
      OpportunityId: opps.get(r.opportunity)!,
      CampaignId: camps.get(r.campaign)!,
      Influence: r.influence,
    }));
    const results = await step(`writing ${part.length} CampaignInfluence records`, () =>
      conn.sobject('CampaignInfluence').create(records, { allOrNone: false }),
    );
    results.forEach((res, i) => {
      if (!res.success)
        failed.push({
          opportunity: part[i]!.opportunity,
          campaign: part[i]!.campaign,
          error: res.errors.map((e) => `${codeOf(e)}: ${e.message}`).join('; '),
        });
    });
  }
  const missing = (keys: string[], ids: Map<string, string>) => [...new Set(keys.filter((k) => !ids.has(k)))].sort();
  return {
    model: o.model,
    influenceModel: name,
    influenceModelId: modelId,
    deleted,
    written: sendable.length - failed.length,
    failed,
    notInOrg: {
      opportunities: missing(
        plan.rows.map((r) => r.opportunity),
        opps,
      ),
      campaigns: missing(
        plan.rows.map((r) => r.campaign),
        camps,
      ),
    },
    uncampaignedCents: plan.uncampaignedCents,
    creditedCents: plan.creditedCents,
  };
}
