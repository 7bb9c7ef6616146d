/**
 * People: contacts in each account's buying committee, and leads across the funnel (002 §3,
 * 003 §1). A lead's status is the furthest step it reached: MQL (in flight), SAL (accepted, not
 * qualified), SQL (qualified, not converted), Converted (an opportunity exists); Nurture and
 * Disqualified leads were turned back at the SDR's acceptance (or never reached MQL: nurture
 * without an MQL date). Converted leads are the people who became the champion contact of the
 * deal they sourced, with the same email.
 */
import { leadRoutingInputs } from './lead-routing.ts';
import { campaignProfile } from './campaigns.ts';
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import { oppStory } from './deal-stories.ts';
import { leadOrigin, type LeadStage } from './lead-origins.ts';
import { accountProfile, emailLocal, personName } from './profiles.ts';
import type { Rng } from './prng.ts';
import { latestTaggedChannel } from './touches.ts';
import type { Values } from './values.ts';
import { CHANNEL_UTM, COMMITTEE, ROLE_PEOPLE, UTM_CONTENT, UTM_TERMS, VERTICAL_INDUSTRY } from './vocabulary.ts';
import { rngFor, type World } from './world.ts';

const STATUS_OF: Record<LeadStage, keyof World['statuses']> = {
  prospect: 'nurture',
  inFlight: 'mql',
  nurture: 'nurture',
  disqualified: 'disqualified',
  sal: 'sal',
  sql: 'sql',
  converted: 'converted',
};

/**
 * Budget, authority, need, timeline: an SQL (or a converted lead) confirmed at least 3 (the
 * SQL_Needs_BANT rule), an SAL is on its way (need first), earlier leads none.
 */
function bantOf(rng: Rng, stage: LeadStage): readonly [boolean, boolean, boolean, boolean] {
  if (stage === 'sql' || stage === 'converted') {
    const missing = rng.bool(0.5) ? rng.int(0, 3) : -1;
    return [missing !== 0, missing !== 1, missing !== 2, missing !== 3];
  }
  if (stage === 'sal') return [rng.bool(0.4), rng.bool(0.3), true, rng.bool(0.3)];
  return [false, false, false, false];
}

const FIT_BY_TIER: Record<string, readonly [number, number, number]> = {
  A: [72, 86, 100],
  B: [50, 66, 85],
  C: [28, 48, 68],
  D: [5, 25, 45],
};
const STAGE_FIT_LIFT: Record<LeadStage, number> = {
  prospect: -5,
  inFlight: 0,
  nurture: -5,
  disqualified: -8,
  sal: 8,
  sql: 14,
  converted: 18,
};
const DISQUALIFICATION_WEIGHTS: Record<string, number> = {
  'Wrong ICP': 0.3,
  'Bad Contact Info': 0.2,
  'Not Decision Maker': 0.2,
  Duplicate: 0.1,
  Competitor: 0.08,
  'Low Data Volume': 0.08,
  'Banned Geo': 0.04,
};
const PERSONA_WEIGHTS: Record<string, number> = {
  'Operations Leader': 0.3,
  'End User': 0.2,
  'Technical Buyer': 0.15,
  'Economic Buyer': 0.15,
  'Executive Sponsor': 0.1,
  Procurement: 0.1,
};
const CONTACT_SOURCES: readonly (readonly [string, number])[] = [
  ['Outbound Prospecting', 0.4],
  ['Event', 0.2],
  ['Webinar', 0.15],
  ['Partner Referral', 0.1],
  ['Customer Referral', 0.15],
];
const RECENT_SOURCES = ['Webinar', 'Event', 'Email Nurture', 'Sales Meeting', 'Free Trial'];

const phone = (rng: Rng) => `+1 ${rng.int(200, 989)} 555 ${String(rng.int(0, 9999)).padStart(4, '0')}`;

function titleFor(rng: Rng, persona: string): string {
  const role = Object.values(ROLE_PEOPLE).find((r) => r.persona === persona);
  return role ? rng.pick(role.titles) : 'Operations Manager';
}

export function* contactRecords(world: World): Generator<Values> {
  const { plan, picklists: pick } = world;
  for (let a = 0; a < plan.accounts; a++) {
    const profile = accountProfile(world, a);
    const start = plan.contactStart[a]!;
    const count = plan.contactStart[a + 1]! - start;
    const deals = plan.oppStart[a + 1]! - plan.oppStart[a]!;
    for (let q = 0; q < count; q++) {
      const c = start + q;
      const rng = rngFor(world, 'contact', c);
      const role = COMMITTEE[q % COMMITTEE.length]!;
      const people = ROLE_PEOPLE[role]!;
      const name = personName(c);
      // The contact a converted lead became keeps that lead's original source (lead convert mapping).
      const ordinal = (q - 1 + count) % count;
      const opp = ordinal < deals ? plan.oppStart[a]! + ordinal : -1;
      const fromLead = opp >= 0 && plan.leadOfOpp[opp]! >= 0 ? oppStory(world, opp, profile).source : undefined;
      const original = fromLead?.name ?? rng.weighted(CONTACT_SOURCES);
      yield {
        [EXTERNAL_ID_FIELD]: world.ids.contact(c),
        FirstName: name.first,
        LastName: name.last,
        AccountId: world.ids.account(a),
        Title: rng.pick(people.titles),
        Department: people.department,
        Email: `${emailLocal(name)}@${profile.domain}`,
        Phone: phone(rng),
        LeadSource: pick.prefer('Contact', 'LeadSource', fromLead?.leadSource ?? 'Other', 'Other'),
        Buying_Role__c: role,
        Persona__c: people.persona,
        Original_Source__c: original,
        Most_Recent_Source__c: rng.bool(0.6) ? rng.pick(RECENT_SOURCES) : original,
      };
    }
  }
}

function weightedPick(rng: Rng, values: readonly string[], weights: Record<string, number>): string | null {
  if (!values.length) return null;
  return values[rng.weightedIndex(values.map((v) => weights[v] ?? 0.05))]!;
}

export function* leadRecords(world: World): Generator<Values> {
  const { plan, picklists: pick, statuses } = world;
  const personas = pick.values('Lead', 'Persona__c');
  const reasons = pick.values('Lead', 'Disqualification_Reason__c');
  for (let j = 0; j < plan.leads; j++) {
    const { stage, rng, origin } = leadOrigin(world, j);
    const { company, source, campaign, mqlMs } = origin;
    const persona = origin.persona ?? weightedPick(rng, personas, PERSONA_WEIGHTS);
    const [lo, mode, hi] = FIT_BY_TIER[company.tier] ?? FIT_BY_TIER.C!;
    // Leads that got further fit the ICP better (the SDR accepts on fit).
    const lift = STAGE_FIT_LIFT[stage];
    let fit = Math.max(0, Math.min(100, Math.round(rng.triangular(lo, mode, hi) + lift)));
    const reason =
      stage === 'disqualified'
        ? weightedPick(rng, reasons, { ...DISQUALIFICATION_WEIGHTS, 'Wrong ICP': company.tier === 'D' ? 0.8 : 0.3 })
        : null;
    if (reason && /icp/i.test(reason)) fit = Math.min(fit, rng.int(5, 35));
    const fitAtMql = mqlMs === null ? null : Math.max(0, Math.min(100, fit + rng.int(-5, 5)));
    const fastPath = fitAtMql !== null && fitAtMql >= 70 && source.inbound;
    const speed = rng.logNormal(fastPath ? 4 : 9, 0.8, 0.5, 2_880) * 60_000;
    const touchedMs = mqlMs === null || mqlMs + speed > world.nowMs ? null : mqlMs + speed;
    const campaignName = campaign >= 0 ? campaignProfile(world, campaign).name : null;
    // The form writes the UTM tags of the latest tagged visit; the snapshot flow maps their medium.
    const recent = world.catalog.has('Touch__c') ? latestTaggedChannel(world, j) : null;
    const utm = (recent ? CHANNEL_UTM[recent] : undefined) ?? source.utm;
    const bant = bantOf(rng, stage);
    yield {
      [EXTERNAL_ID_FIELD]: world.ids.lead(j),
      FirstName: origin.first,
      LastName: origin.last,
      Company: company.name,
      Title: titleFor(rng, persona ?? ''),
      Email: origin.email,
      Phone: phone(rng),
      Website: rng.bool(0.8) ? `https://www.${company.domain}` : null,
      Status: statuses[STATUS_OF[stage]],
      LeadSource: pick.prefer('Lead', 'LeadSource', source.leadSource, 'Other'),
      Industry: VERTICAL_INDUSTRY[company.vertical] ?? 'Other',
      NumberOfEmployees: company.employees,
      Country: company.country,
      Lead_Source_Original__c: source.name,
      First_Touch_Campaign__c: campaignName,
      Segment_Fit_Score_At_MQL__c: fitAtMql,
      Segment_Fit_Score__c: fit,
      Intent_Score__c: stage === 'prospect' ? rng.int(0, 45) : Math.round(rng.triangular(35, 62, 100)),
      Persona__c: persona,
      Segment__c: company.segment,
      Territory_Candidate__c: `${company.geo}-${company.segment}-${company.vertical}`,
      Disqualification_Reason__c: reason,
      Most_Recent_Source__c: recent,
      UTM_Source__c: utm?.source ?? null,
      UTM_Medium__c: utm?.medium ?? null,
      UTM_Campaign__c: utm ? (campaignName ?? source.name).toLowerCase().replace(/[^a-z0-9]+/g, '-') : null,
      UTM_Content__c: utm ? rng.pick(UTM_CONTENT) : null,
      UTM_Term__c: utm?.medium === 'cpc' ? rng.pick(UTM_TERMS) : null,
      MQL_Date__c: mqlMs,
      First_Touch_At__c: touchedMs,
      Fast_Path__c: fastPath,
      ...leadRoutingInputs(world, j, {
        stage,
        tier: company.tier,
        partner: source.leadSource === 'Partner Referral',
        mqlMs,
      }),
      Budget_Confirmed__c: bant[0],
      Authority_Confirmed__c: bant[1],
      Need_Confirmed__c: bant[2],
      Timeline_Confirmed__c: bant[3],
    };
  }
}
