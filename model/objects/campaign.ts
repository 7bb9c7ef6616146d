import { standardObject } from '../../scripts/dsl/index.ts';
import { externalId } from './shared.ts';

export const Campaign = standardObject('Campaign', {
  locked: true,
  fields: { External_Id__c: externalId() },
});
