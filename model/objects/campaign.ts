import { standardObject } from '../../scripts/dsl/index.ts';
import { bypassStamp, externalId } from './shared.ts';

export const Campaign = standardObject('Campaign', {
  locked: true,
  fields: { Last_Governance_Bypass__c: bypassStamp(), External_Id__c: externalId() },
});
