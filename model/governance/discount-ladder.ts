import {
  currency,
  customMetadataRecord,
  customMetadataType,
  ladderRecordName,
  percent,
  text,
} from '../../scripts/dsl/index.ts';
import { revopsPricing } from '../quote-to-cash/pricing.ts';

/** Discount ladder by segment and ARR band (blueprint 001, epic 4): above it, the approval matrix applies. */
export const DiscountLadder = customMetadataType('Discount_Ladder__mdt', {
  label: 'Discount Ladder',
  pluralLabel: 'Discount Ladders',
  description: 'Maximum discount a segment may give in an ARR band without approval.',
  locked: true,
  fields: {
    Segment__c: text({ label: 'Segment', length: 20 }),
    ARR_From__c: currency({ label: 'ARR From', help: 'The band starts at this ARR (inclusive).' }),
    Max_Discount__c: percent({ label: 'Max Discount Without Approval', precision: 5, scale: 2 }),
  },
});

const { ladder } = revopsPricing;

export const discountLadderSteps = Object.entries(ladder.max).flatMap(([segment, row]) =>
  ladder.bands.map((band, i) =>
    customMetadataRecord(DiscountLadder, ladderRecordName(segment, band), {
      label: `${segment} ${band.label}`,
      values: { Segment__c: segment, ARR_From__c: band.arrFrom, Max_Discount__c: row[i]! },
      locked: true,
    }),
  ),
);

/**
 * One number per segment for readers that take no ARR band (the compliance memo): the ladder of
 * the middle band (100,000 to 499,999). Approvals follow the full ladder (`ladderMax`).
 */
export const DISCOUNT_LADDER: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(ladder.max).map(([segment, row]) => [segment, row[Math.min(1, row.length - 1)]!]),
);
