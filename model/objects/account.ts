import { picklist, standardObject, text } from '../../scripts/dsl/index.ts';

export const SEGMENTS = ['ENT', 'MM', 'SMB'];

/** A legal entity or commercial subsidiary with a unique domain (blueprint §1). */
export const Account = standardObject('Account', {
  locked: true,
  standardFields: { OwnerId: { trackHistory: true }, ParentId: { trackHistory: true } },
  fields: {
    Website_Domain__c: text({
      label: 'Website Domain',
      length: 255,
      unique: true,
      help: 'Normalised domain (acme.com): lower case, no scheme, no www. Accounts are de-duplicated on it.',
      trackHistory: true,
    }),
    Segment__c: picklist({ label: 'Segment', values: SEGMENTS, trackHistory: true }),
    ICP_Tier__c: picklist({ label: 'ICP Tier', values: ['A', 'B', 'C', 'D'] }),
  },
});
