import { customMetadataRecord, customMetadataType, percent, text } from '../../scripts/dsl/index.ts';

/** Discount ladder by segment (blueprint 001, epic 4): above it, the deal desk must approve. */
export const DiscountLadder = customMetadataType('Discount_Ladder__mdt', {
  label: 'Discount Ladder',
  pluralLabel: 'Discount Ladders',
  description: 'Maximum discount a segment may give without deal-desk approval.',
  locked: true,
  fields: {
    Segment__c: text({ label: 'Segment', length: 20 }),
    Max_Discount__c: percent({ label: 'Max Discount Without Approval', precision: 5, scale: 2 }),
  },
});

export const DISCOUNT_LADDER = { ENT: 25, MM: 20, SMB: 15 } as const;

export const discountLadderSteps = Object.entries(DISCOUNT_LADDER).map(([segment, max]) =>
  customMetadataRecord(DiscountLadder, segment, {
    label: `${segment} discount ladder`,
    values: { Segment__c: segment, Max_Discount__c: max },
    locked: true,
  }),
);
