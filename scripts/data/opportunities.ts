/**
 * Opportunity records. Each deal's story (deal-stories.ts) decides its fields, together with the
 * model's stages: every exit criterion of a stage the deal has passed is filled (the stage-gate
 * rules hold), fields of the current stage are half done, later ones empty. Renewal
 * opportunities exist for contracts ending within 180 days.
 */
import type { SegmentKey } from './benchmarks.ts';
import { fiscalQuarter, MS_PER_DAY } from './calendar.ts';
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import { contractStory, oppStory, renewalStory, type DealStory } from './deal-stories.ts';
import { dealActivity } from './lifecycle-records.ts';
import { accountProfile } from './profiles.ts';
import type { Rng } from './prng.ts';
import { genericValue, type Values } from './values.ts';
import {
  COMPETITION,
  DECISION_CRITERIA,
  DECISION_PROCESS,
  METRICS,
  NEXT_STEPS,
  PROBLEM_STATEMENTS,
  RISKS,
  SKU_METRIC,
  STALE_NEXT_STEPS,
} from './vocabulary.ts';
import { rngFor, type Base, type World } from './world.ts';

/** `{Segment}-{Geo}-{PrimaryProduct}-{UseCase}-{FiscalQ}` (blueprint 000 §1). */
export const dealName = (world: Base, story: DealStory): string =>
  `${segmentValue(world, story.profile.segment)}-${story.profile.geo}-${story.family}-${story.useCase}-${fiscalQuarter(story.closeDay)}`;

const segmentValue = (world: Base, segment: SegmentKey) =>
  world.picklists.prefer('Account', 'Segment__c', segment) ?? segment;

export const clmContractId = (world: World, story: DealStory): string =>
  `CLM-${new Date(story.contractStartDay * MS_PER_DAY).getUTCFullYear()}-${world.ids.opportunity(story.index).split('-').pop()}`;

/** What the MEDDICC score flow counts (model/forecasting/deal-risk.ts, MEDDICC_ITEMS). */
const MEDDICC_FIELDS = [
  'Metrics__c',
  'Economic_Buyer__c',
  'Decision_Criteria__c',
  'Decision_Process__c',
  'Problem_Statement__c',
  'Champion__c',
  'Competition__c',
];
const filled = (v: unknown): boolean => v !== null && v !== undefined && v !== '' && v !== false;

/** Where a field not gated by the model is usually filled, as a share of the way through the stages. */
const NATURAL_PROGRESS: Record<string, number> = {
  Problem_Statement__c: 0,
  Economic_Buyer__c: 0,
  Metrics__c: 0.2,
  Champion__c: 0.2,
  Decision_Criteria__c: 0.2,
  Competition__c: 0.2,
  Mutual_Action_Plan_Url__c: 0.2,
  Decision_Process__c: 0.4,
  Primary_Competitor__c: 0.4,
  Tech_Validation_Complete__c: 0.4,
  Security_Review_Complete__c: 0.4,
  ARR__c: 0.6,
  Term_Months__c: 0.6,
  Seats__c: 0.6,
  Primary_SKU__c: 0.6,
  Discount_Percent__c: 0.6,
  Business_Case_Url__c: 0.6,
  Paper_Process__c: 0.6,
  Procurement_Path__c: 0.8,
  Contract_Id__c: 0.8,
  Contract_Start_Date__c: 0.8,
};

const LOSS_WEIGHTS: Record<'lost' | 'noDecision', Record<string, number>> = {
  lost: { Competitor: 0.3, Pricing: 0.2, 'Product Gap': 0.2, Timing: 0.1, 'No Budget': 0.1, 'Champion Left': 0.1 },
  noDecision: { 'No Decision': 0.5, 'No Budget': 0.25, Timing: 0.25 },
};

function weightedValue(rng: Rng, values: readonly string[], weights: Record<string, number>): string | null {
  if (!values.length) return null;
  const known = values.filter((v) => weights[v]);
  return known.length ? known[rng.weightedIndex(known.map((v) => weights[v]!))]! : rng.pick(values);
}

/** Contact of the account in committee seat `seat` (0 = economic buyer, 1 = champion). */
export function committeeContact(world: World, account: number, seat: number): string | null {
  const start = world.plan.contactStart[account]!;
  const count = world.plan.contactStart[account + 1]! - start;
  return count ? world.ids.contact(start + Math.min(seat, count - 1)) : null;
}

function stageName(world: Base, story: DealStory): string {
  const { stages } = world;
  if (story.outcome === 'won') return stages.won!.name;
  if (story.outcome === 'lost') return stages.lost!.name;
  if (story.outcome === 'noDecision') return stages.noDecision!.name;
  return stages.open[Math.min(story.passed, stages.open.length - 1)]?.name ?? 'Prospecting';
}

/** How far a deal got: fields of passed stages are filled, of the current stage half the time. */
interface Progress {
  reached(field: string): boolean;
  when<T>(field: string, value: () => T): T | null;
}

function progressOf(world: World, story: DealStory, inStage: number): Progress {
  const { stages } = world;
  const n = Math.max(1, stages.open.length);
  const reached = (field: string): boolean => {
    if (story.outcome === 'won') return true;
    const gate = stages.gateOf(field);
    const natural = gate ?? Math.round((NATURAL_PROGRESS[field] ?? 0) * n);
    return natural < story.passed || (natural === story.passed && inStage < 0.5);
  };
  return { reached, when: (field, value) => (reached(field) ? value() : null) };
}

/**
 * The record of a deal: known fields from the story, then every passed exit criterion enforced.
 * The parts are built in a fixed order because each draws from `rng`: the same seed must give
 * the same bytes.
 */
export function opportunityValues(world: World, story: DealStory, rng: Rng): Values {
  const id = story.renewal ? world.ids.renewal(story.index) : world.ids.opportunity(story.index);
  const lossReason =
    story.outcome === 'lost' || story.outcome === 'noDecision'
      ? weightedValue(rng, world.picklists.values('Opportunity', 'Loss_Reason__c'), LOSS_WEIGHTS[story.outcome])
      : null;
  const progress = progressOf(world, story, rng.next());
  const values: Values = {
    ...dealBasics(world, story, rng, id),
    ...qualification(world, story, rng, { progress, lossReason, slug: id.toLowerCase() }),
    ...commercials(world, story, progress),
    ...hygiene(world, story, rng, lossReason),
    ...dealActivity(world, story, story.renewal ? world.ids.contract(story.index) : null),
  };
  enforceExitCriteria(world, story, values, rng);
  Object.assign(values, discountDecision(world, story, values));
  if (world.catalog.get('Opportunity')?.columns.some((c) => c.field.name === 'MEDDICC_Score__c'))
    values.MEDDICC_Score__c = MEDDICC_FIELDS.filter((f) => filled(values[f])).length;
  return values;
}

/** Identity, account, stage, close date, amount, source. */
function dealBasics(world: World, story: DealStory, rng: Rng, id: string): Values {
  const pick = world.picklists;
  return {
    [EXTERNAL_ID_FIELD]: id,
    Name: dealName(world, story),
    AccountId: world.ids.account(story.account),
    Type: story.renewal
      ? pick.prefer('Opportunity', 'Type', 'Renewal', 'Existing Customer - Renewal')
      : pick.prefer('Opportunity', 'Type', story.expansion ? 'Existing Customer - Upgrade' : 'New Customer'),
    StageName: stageName(world, story),
    CloseDate: story.closeDay,
    Amount: story.arr,
    NextStep: story.outcome === 'open' ? rng.pick(story.stale ? STALE_NEXT_STEPS : NEXT_STEPS) : null,
    LeadSource: pick.prefer('Opportunity', 'LeadSource', story.source.leadSource, 'Other'),
    CampaignId: story.campaign >= 0 ? world.ids.campaign(story.campaign) : null,
    ContractId: story.renewal ? world.ids.contract(story.index) : null,
  };
}

/** MEDDICC and the buying process, as far as the deal got; a loss to a competitor names one. */
function qualification(
  world: World,
  story: DealStory,
  rng: Rng,
  o: { readonly progress: Progress; readonly lossReason: string | null; readonly slug: string },
): Values {
  const { reached, when } = o.progress;
  const segment = story.profile.segment;
  const competitors = world.picklists.values('Opportunity', 'Primary_Competitor__c');
  const lostToCompetitor = o.lossReason !== null && /competitor/i.test(o.lossReason);
  const namedCompetitors = competitors.filter((c) => !/do nothing/i.test(c));
  return {
    Problem_Statement__c: when('Problem_Statement__c', () => rng.pick(PROBLEM_STATEMENTS)),
    Metrics__c: when('Metrics__c', () => rng.pick(METRICS)),
    Economic_Buyer__c: when('Economic_Buyer__c', () => committeeContact(world, story.account, 0)),
    Champion__c: when('Champion__c', () => committeeContact(world, story.account, 1)),
    Decision_Criteria__c: when('Decision_Criteria__c', () => rng.pick(DECISION_CRITERIA)),
    Decision_Process__c: when('Decision_Process__c', () => rng.pick(DECISION_PROCESS)),
    Competition__c: when('Competition__c', () => rng.pick(COMPETITION)),
    Risks__c: when('Risks__c', () => rng.pick(RISKS)),
    Primary_Competitor__c: lostToCompetitor
      ? (rng.pick(namedCompetitors.length ? namedCompetitors : competitors) ?? null)
      : when('Primary_Competitor__c', () => (competitors.length && rng.bool(0.45) ? rng.pick(competitors) : null)),
    Mutual_Action_Plan_Url__c: when('Mutual_Action_Plan_Url__c', () => `https://plans.revops-os.example/map/${o.slug}`),
    Tech_Validation_Complete__c: reached('Tech_Validation_Complete__c'),
    Security_Review_Complete__c: reached('Security_Review_Complete__c'),
    Business_Case_Url__c: when('Business_Case_Url__c', () => `https://docs.revops-os.example/business-case/${o.slug}`),
    Paper_Process__c: when('Paper_Process__c', () =>
      rng.pick(
        segment === 'SMB'
          ? ['Order Form Only', 'Our MSA']
          : segment === 'ENT'
            ? ['Customer Paper', 'Procurement Portal', 'Our MSA']
            : ['Our MSA', 'Order Form Only', 'Customer Paper'],
      ),
    ),
    Procurement_Path__c: when('Procurement_Path__c', () =>
      rng.weighted([
        ['Direct', 0.7],
        ['Reseller', 0.1],
        ['Marketplace', 0.1],
        ['Procurement Portal', segment === 'ENT' ? 0.2 : 0.02],
      ]),
    ),
  };
}

/** The contract and the money, once the deal reached the stage that asks for them. */
function commercials(world: World, story: DealStory, { when }: Progress): Values {
  const discount = story.outcome === 'won' ? (story.discount ?? 0) : story.discount;
  return {
    Contract_Id__c: when('Contract_Id__c', () => clmContractId(world, story)),
    // Every won new-business deal has its Contract record (contracts.ts); others link none yet.
    Signed_Contract__c: story.outcome === 'won' && !story.renewal ? world.ids.contract(story.index) : null,
    Contract_Start_Date__c: when('Contract_Start_Date__c', () => story.contractStartDay),
    ARR__c: when('ARR__c', () => story.arr),
    Term_Months__c: when('Term_Months__c', () => story.termMonths),
    Seats__c: when('Seats__c', () => story.seats),
    Primary_SKU__c: when('Primary_SKU__c', () => `${story.family}:${story.pkg}:${SKU_METRIC[story.family] ?? 'Seat'}`),
    Discount_Percent__c: when('Discount_Percent__c', () => discount),
  };
}

/** Next step date, slips, regressions, the loss reason and the original lead source. */
function hygiene(world: World, story: DealStory, rng: Rng, lossReason: string | null): Values {
  const { today } = world;
  return {
    // A stale deal's next step is due today and nothing has been logged for weeks (the lifecycle jobs act on it).
    Next_Step_Date__c: story.outcome === 'open' ? today + (story.stale ? 0 : rng.int(0, 14)) : null,
    Slip_Reason__c: story.pushes ? (rng.pick(world.picklists.values('Opportunity', 'Slip_Reason__c')) ?? null) : null,
    Push_Count__c: story.pushes,
    Last_Slip_Date__c: story.pushes
      ? Math.max(
          story.createdDay,
          Math.min(today, story.closeDay, story.createdDay + rng.int(7, Math.max(7, story.cycleDays))),
        )
      : null,
    Stage_Regression_Reason__c: story.regressed
      ? (rng.pick(world.picklists.values('Opportunity', 'Stage_Regression_Reason__c')) ?? null)
      : null,
    Loss_Reason__c: lossReason,
    Win_Reason__c:
      story.outcome === 'won' ? (rng.pick(world.picklists.values('Opportunity', 'Win_Reason__c')) ?? null) : null,
    Lead_Source_Original__c: story.source.name,
  };
}

/**
 * The deal desk: a discount above the segment's ladder was approved (preferred), or awaits
 * approval, or the deal went ahead at the ladder: whichever the model's rules let a record be
 * inserted with at the deal's stage.
 */
function discountDecision(world: World, story: DealStory, values: Values): Values {
  const discount = values.Discount_Percent__c as number | null;
  if (discount === null || discount === undefined) return { Discount_Approval_Status__c: null };
  const status = (s: string) => world.picklists.prefer('Opportunity', 'Discount_Approval_Status__c', s);
  const ladder = world.ladder[story.profile.segment];
  const candidates: Values[] =
    discount > ladder
      ? [
          { Discount_Percent__c: discount, Discount_Approval_Status__c: status('Approved') },
          { Discount_Percent__c: discount, Discount_Approval_Status__c: status('Pending') },
          { Discount_Percent__c: ladder, Discount_Approval_Status__c: status('Not Required') },
        ]
      : [{ Discount_Percent__c: discount, Discount_Approval_Status__c: status('Not Required') }];
  candidates.push({ Discount_Percent__c: null, Discount_Approval_Status__c: null });
  const { profile } = story;
  const account = {
    Id: values.AccountId,
    Name: profile.name,
    Segment__c: segmentValue(world, profile.segment),
    Geo__c: profile.geo,
    Vertical__c: profile.vertical,
    ICP_Tier__c: profile.tier,
    Website_Domain__c: profile.domain,
  };
  return world.guard.choose('Opportunity', values, candidates, { Account: account }) ?? candidates.at(-1)!;
}

/** Every exit criterion of every stage the deal has passed holds a value, whatever the field. */
function enforceExitCriteria(world: World, story: DealStory, values: Values, rng: Rng): void {
  const object = world.catalog.get('Opportunity');
  if (!object) return;
  for (const stage of world.stages.open.slice(0, story.passed)) {
    for (const criterion of stage.exit) {
      const name = criterion.field.field;
      const current = values[name];
      if (current !== null && current !== undefined && current !== false && current !== '') continue;
      const column = object.columns.find((c) => c.field.name === name);
      if (!column) continue;
      values[name] =
        column.field.type === 'boolean'
          ? true
          : column.target === 'Contact'
            ? committeeContact(world, story.account, rng.int(0, 3))
            : genericValue(world, object, column, rng, values[EXTERNAL_ID_FIELD] as string);
    }
  }
}

/** New-business deals, account by account, then the renewal opportunities. */
export function* opportunityRecords(world: World): Generator<Values> {
  const { plan } = world;
  for (let a = 0; a < plan.accounts; a++) {
    const profile = accountProfile(world, a);
    for (let i = plan.oppStart[a]!; i < plan.oppStart[a + 1]!; i++) {
      const story = oppStory(world, i, profile);
      yield opportunityValues(world, story, rngFor(world, 'opportunity-fields', i));
    }
  }
  for (const i of plan.renewals) {
    const won = oppStory(world, i);
    yield opportunityValues(
      world,
      renewalStory(world, won, contractStory(world, won)),
      rngFor(world, 'renewal-fields', i),
    );
  }
}
