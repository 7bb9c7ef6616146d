import { currency, fromValueSet, lookup, percent, picklist, standardObject, text } from '../../scripts/dsl/index.ts';
import { ChurnReason } from '../governance/reason-codes.ts';
import { bypassStamp, externalId } from './shared.ts';
import { renewalFields } from '../forecasting/forecast-models.ts';
import { RENEWAL_TYPES, signedTermsFields } from '../quote-to-cash/contract-terms.ts';

/** The signed contract, bidirectionally synced with CLM through one contract ID (blueprint 000 §1, §4). */
export const Contract = standardObject('Contract', {
  locked: true,
  standardFields: {
    Status: { trackHistory: true },
    StartDate: { trackHistory: true },
    ContractTerm: { trackHistory: true },
    OwnerId: { trackHistory: true },
  },
  fields: {
    CLM_Contract_Id__c: text({
      label: 'CLM Contract ID',
      length: 40,
      unique: true,
      externalId: true,
      help: 'The contract ID shared with the CLM system.',
      trackHistory: true,
    }),
    Renewal_Type__c: picklist({
      label: 'Renewal Type',
      values: RENEWAL_TYPES,
      trackHistory: true,
    }),
    Uplift_Percent__c: percent({ label: 'Renewal Uplift', precision: 5, scale: 2, trackHistory: true }),
    Uplift_Cap_Percent__c: percent({ label: 'Uplift Cap', precision: 5, scale: 2, trackHistory: true }),
    Renewal_Owner__c: lookup('User', { label: 'Renewal Owner', relationshipName: 'Renewal_Contracts' }),
    ARR__c: currency({ label: 'ARR', trackHistory: true }),
    Churn_Reason__c: picklist({ label: 'Churn Reason', values: fromValueSet(ChurnReason.name), trackHistory: true }),
    Last_Governance_Bypass__c: bypassStamp(),
    External_Id__c: externalId(),
    // The renewal windows the renewals report groups by (model/forecasting)
    ...renewalFields,
    // The quote it was signed from and the paper it was signed on (model/quote-to-cash/signature.ts)
    ...signedTermsFields,
  },
});
