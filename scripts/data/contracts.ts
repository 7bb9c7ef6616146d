/**
 * Contracts: one per won deal, sharing its CLM contract id. Terms of 12-36 months signed within
 * the last year put a steady share of contracts inside the 180/120/90-day renewal windows
 * (blueprint 000 §4, §7); one in ten customers has given notice (non-renewing, with a churn reason).
 */
import { PIPELINE } from './benchmarks.ts';
import { contractEndDay, type Day } from './calendar.ts';
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import { clmContractId, committeeContact, oppStory, type DealStory } from './opportunities.ts';
import type { Values } from './values.ts';
import { rngFor, type Base, type World } from './world.ts';

export interface ContractStory {
  readonly startDay: Day;
  readonly endDay: Day;
  readonly termMonths: number;
  readonly arr: number;
  readonly renewalType: 'Auto-Renew' | 'Manual' | 'Evergreen' | 'Non-Renewing';
  readonly uplift: number | null;
  readonly cap: number | null;
}

export function contractStory(world: Base, won: DealStory): ContractStory {
  const rng = rngFor(world, 'contract', won.index);
  const renewalType = rng.bool(PIPELINE.nonRenewingShare)
    ? 'Non-Renewing'
    : rng.weighted<ContractStory['renewalType']>([
        ['Auto-Renew', 0.5],
        ['Manual', 0.45],
        ['Evergreen', 0.05],
      ]);
  const cap = rng.bool(0.8) ? rng.pick([3, 5, 7, 10]) : null;
  const uplift = renewalType === 'Non-Renewing' ? null : Math.round(rng.float(0, cap ?? 5) * 2) / 2;
  return {
    startDay: won.contractStartDay,
    endDay: contractEndDay(won.contractStartDay, won.termMonths),
    termMonths: won.termMonths,
    arr: won.arr,
    renewalType,
    uplift,
    cap,
  };
}

/** Does this contract get a renewal opportunity (ends within the window, customer not leaving)? */
export function renewsInWindow(world: Base, contract: ContractStory): boolean {
  const days = contract.endDay - world.today;
  return contract.renewalType !== 'Non-Renewing' && days >= 0 && days <= PIPELINE.renewalOpportunityWindowDays;
}

export function* contractRecords(world: World): Generator<Values> {
  const pick = world.picklists;
  const churnReasons = pick.values('Contract', 'Churn_Reason__c');
  for (const i of world.plan.won) {
    const won = oppStory(world, i);
    const c = contractStory(world, won);
    const rng = rngFor(world, 'contract-fields', i);
    const leaving = c.renewalType === 'Non-Renewing';
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
    };
  }
}
