/**
 * Contracts: one per won deal, sharing its CLM contract id. Terms of 12-36 months signed within
 * the last year put a steady share of contracts inside the 180/120/90-day renewal windows
 * (blueprint 000 §4, §7); one in ten customers has given notice (non-renewing, with a churn reason).
 */
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import { contractStory, oppStory } from './deal-stories.ts';
import { clmContractId, committeeContact } from './opportunities.ts';
import { dealTerms, paperOf } from './quote-terms.ts';
import type { Values } from './values.ts';
import { rngFor, type World } from './world.ts';

export function* contractRecords(world: World): Generator<Values> {
  const pick = world.picklists;
  const churnReasons = pick.values('Contract', 'Churn_Reason__c');
  for (const i of world.plan.won) {
    const won = oppStory(world, i);
    const c = contractStory(world, won);
    const rng = rngFor(world, 'contract-fields', i);
    const leaving = c.renewalType === 'Non-Renewing';
    const terms = dealTerms(world, won);
    yield {
      [EXTERNAL_ID_FIELD]: world.ids.contract(i),
      AccountId: world.ids.account(won.account),
      Status: pick.prefer('Contract', 'Status', 'Activated'),
      StartDate: c.startDay,
      ContractTerm: c.termMonths,
      CustomerSignedId: committeeContact(world, won.account, 0),
      CustomerSignedDate: won.closeDay,
      OwnerExpirationNotice: pick.prefer(
        'Contract',
        'OwnerExpirationNotice',
        won.profile.segment === 'ENT' ? '120' : '90',
      ),
      Description: `${won.family} ${won.pkg} for ${won.profile.name}: ${won.seats} seats, ${won.termMonths} months.`,
      CLM_Contract_Id__c: clmContractId(world, won),
      Renewal_Type__c: pick.prefer('Contract', 'Renewal_Type__c', c.renewalType),
      Uplift_Percent__c: c.uplift,
      Uplift_Cap_Percent__c: c.cap,
      ARR__c: c.arr,
      Churn_Reason__c: leaving && churnReasons.length ? rng.pick(churnReasons) : null,
      // The signed terms, as the signature flow copies them from the accepted quote
      // (model/quote-to-cash/signature.ts). The link back to the quote stays blank: a dataset cannot
      // hold the cycle Contract → Quote → Opportunity → Contract (the deal names its contract).
      Source_Quote__c: null,
      Standard_Terms__c: paperOf(won),
      Payment_Terms__c: terms.Payment_Terms__c,
      Billing_Frequency__c: terms.Billing_Frequency__c,
    };
  }
}
