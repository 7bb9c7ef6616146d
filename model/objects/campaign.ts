import { formula, fromValueSet, picklist, standardObject } from '../../scripts/dsl/index.ts';
import { MarketingChannel, sourceOfChannelFormula } from '../marketing/source-hierarchy.ts';
import { bypassStamp, externalId } from './shared.ts';

/**
 * Campaigns sit at the bottom of the lead source hierarchy (source → channel → campaign type →
 * campaign); spend is the standard Actual Cost, which CAC and CAC payback read.
 */
export const Campaign = standardObject('Campaign', {
  locked: true,
  fields: {
    Channel__c: picklist({
      label: 'Channel',
      values: fromValueSet(MarketingChannel.name),
      help: 'Marketing channel of the campaign; must fit the campaign type (a validation rule).',
    }),
    Marketing_Source__c: formula('Text', sourceOfChannelFormula('TEXT(Channel__c)'), {
      label: 'Marketing Source',
      description: 'The source the channel belongs to (model/marketing/source-hierarchy.ts).',
    }),
    Last_Governance_Bypass__c: bypassStamp(),
    External_Id__c: externalId(),
  },
});
