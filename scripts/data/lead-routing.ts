/**
 * What lead routing reads on a lead (model/routing): the company's ICP tier from enrichment and
 * the engagement marketing automation records, drawn so that leads further down the funnel
 * engaged more. Everything routing and scoring set (scores, routing stamps, SLA timestamps) is
 * left blank: `revops route simulate` computes it. Drawn from their own random stream, so adding
 * them changed no other value of the dataset.
 */
import { MS_PER_DAY } from './calendar.ts';
import type { Values } from './values.ts';
import { rngFor, type World } from './world.ts';

/** How engaged a lead of each stage is, 0-1. */
const ENGAGEMENT: Record<string, number> = {
  prospect: 0.15,
  nurture: 0.3,
  disqualified: 0.35,
  inFlight: 0.6,
  sal: 0.65,
  sql: 0.75,
  converted: 0.8,
};

const BLANK_BY_AUTOMATION = [
  'Lead_Score__c',
  'Score_Band__c',
  'Routed_At__c',
  'Routing_Status__c',
  'Routing_Rule__c',
  'Routing_Pool__c',
  'Routing_Reason__c',
  'Routing_Decision_Key__c',
  'First_Touch_Due_At__c',
  'SAL_Decided_At__c',
  'SQL_At__c',
  'Follow_Up_At__c',
  'First_Meeting_At__c',
];

export function leadRoutingInputs(
  world: World,
  j: number,
  o: { stage: string; tier: string; partner: boolean; mqlMs: number | null },
): Values {
  const rng = rngFor(world, 'lead-routing', j);
  const e = ENGAGEMENT[o.stage] ?? 0.3;
  const seen = o.mqlMs ?? world.nowMs - rng.int(1, 120) * MS_PER_DAY;
  const recent = (p: number) => (rng.bool(p) ? Math.min(world.nowMs, seen + rng.int(0, 20) * MS_PER_DAY) : null);
  return {
    ICP_Tier__c: o.tier,
    Pricing_Page_Visited_At__c: recent(e * 0.7),
    Content_Downloads__c: rng.bool(e) ? rng.int(1, 4) : 0,
    Webinars_Attended__c: rng.bool(e * 0.5) ? rng.int(1, 3) : 0,
    Demo_Requested__c: rng.bool(e * 0.45),
    Email_Opens_7d__c: rng.int(0, Math.round(8 * e)),
    Pages_Last_Session__c: rng.int(1, Math.round(2 + 10 * e)),
    Returned_Within_7d__c: rng.bool(e * 0.6),
    Chatbot_Engaged__c: rng.bool(e * 0.25),
    Last_Engaged_At__c: recent(0.5 + e / 2) ?? seen,
    Partner_Registration_Id__c: o.partner ? `PREG-${String(j + 1).padStart(6, '0')}` : null,
    ...Object.fromEntries(BLANK_BY_AUTOMATION.map((f) => [f, null])),
  };
}
