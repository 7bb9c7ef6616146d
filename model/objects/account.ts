import { formula, number, picklist, standardObject, text } from '../../scripts/dsl/index.ts';
import { bypassStamp, externalId, GEOS, SEGMENTS, VERTICALS } from './shared.ts';

export { SEGMENTS } from './shared.ts';

/**
 * A legal entity or commercial subsidiary with a unique domain, linked to its billing account;
 * subsidiaries hang under their parent (blueprint 000 §1).
 */
export const Account = standardObject('Account', {
  locked: true,
  standardFields: { OwnerId: { trackHistory: true }, ParentId: { trackHistory: true }, Name: { trackHistory: true } },
  fields: {
    Website_Domain__c: text({
      label: 'Website Domain',
      length: 255,
      unique: true,
      help: 'Normalised domain (acme.com): lower case, no scheme, no www. Filled from Website; accounts are de-duplicated on it.',
      trackHistory: true,
    }),
    // Unrestricted: lead conversion maps Lead.Segment__c onto it (allowed-value rule in governance/value-list-rules.ts).
    Segment__c: picklist({ label: 'Segment', values: SEGMENTS, restricted: false, trackHistory: true }),
    Geo__c: picklist({ label: 'Geo', values: GEOS, trackHistory: true }),
    Vertical__c: picklist({ label: 'Vertical', values: VERTICALS, trackHistory: true }),
    Territory__c: formula('Text', 'TEXT(Geo__c) & "-" & TEXT(Segment__c) & "-" & TEXT(Vertical__c)', {
      label: 'Territory',
      description: 'Territory key {Geo}-{Segment}-{Vertical} (blueprint 000 §1).',
      blanks: 'blank',
    }),
    ICP_Tier__c: picklist({ label: 'ICP Tier', values: ['A', 'B', 'C', 'D'], trackHistory: true }),
    Health_Score__c: number({
      label: 'Health Score',
      precision: 3,
      scale: 0,
      help: '0-100: usage, support, sentiment and champion strength.',
    }),
    Billing_Account_Id__c: text({
      label: 'Billing Account ID',
      length: 40,
      unique: true,
      help: 'The account ID in the billing system.',
      trackHistory: true,
    }),
    Employee_Band__c: picklist({
      label: 'Employee Band',
      values: ['1-50', '51-200', '201-1000', '1001-5000', '5001+'],
    }),
    ARR_Band__c: picklist({ label: 'ARR Band', values: ['<10k', '10k-50k', '50k-250k', '250k-1M', '1M+'] }),
    Last_Governance_Bypass__c: bypassStamp(),
    External_Id__c: externalId(),
  },
});
