/**
 * Accounts: legal entities with a unique normalised domain, subsidiaries under their parent
 * (blueprint 000 §1). Customers — accounts with a won deal — carry a billing account, a health
 * score and an ARR band; prospects do not.
 */
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import { oppStory } from './deal-stories.ts';
import { accountProfile, arrBand, employeeBand } from './profiles.ts';
import type { Values } from './values.ts';
import { VERTICAL_INDUSTRY } from './vocabulary.ts';
import { rngFor, type World } from './world.ts';

export function* accountRecords(world: World): Generator<Values> {
  const { plan, picklists: pick } = world;
  for (let a = 0; a < plan.accounts; a++) {
    const p = accountProfile(world, a);
    const rng = rngFor(world, 'account-fields', a);
    let wonArr = 0;
    let channel = false;
    for (let i = plan.oppStart[a]!; i < plan.oppStart[a + 1]!; i++) {
      const story = oppStory(world, i, p);
      if (story.outcome === 'won') {
        wonArr += story.arr;
        channel ||= /partner/i.test(story.source.name);
      }
    }
    const customer = wonArr > 0;
    yield {
      [EXTERNAL_ID_FIELD]: world.ids.account(a),
      Name: p.name,
      ParentId: p.parent >= 0 ? world.ids.account(p.parent) : null,
      Type: customer
        ? pick.prefer('Account', 'Type', channel ? 'Customer - Channel' : 'Customer - Direct')
        : pick.prefer('Account', 'Type', 'Prospect'),
      Industry: VERTICAL_INDUSTRY[p.vertical] ?? 'Other',
      Website: `https://www.${p.domain}`,
      Phone: `+1 ${rng.int(200, 989)} 555 ${String(rng.int(0, 9999)).padStart(4, '0')}`,
      NumberOfEmployees: p.employees,
      AnnualRevenue: Math.round((p.employees * rng.float(90_000, 260_000)) / 1000) * 1000,
      BillingCity: p.city,
      BillingCountry: p.country,
      Website_Domain__c: p.domain,
      Segment__c: p.segment,
      Geo__c: p.geo,
      Vertical__c: p.vertical,
      ICP_Tier__c: p.tier,
      Health_Score__c: customer ? Math.round(rng.triangular(25, 78, 100)) : null,
      Billing_Account_Id__c: customer ? `BA-${world.ids.account(a).split('-').pop()}` : null,
      Employee_Band__c: employeeBand(p.employees),
      ARR_Band__c: customer ? arrBand(wonArr) : null,
    };
  }
}
