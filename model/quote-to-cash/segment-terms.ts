/**
 * The paper each segment quotes on (blueprint 001 Epic 4, "segment-specific quotes with standard
 * terms"): enterprise and mid-market sign the MSA, SMB clicks through the order form, and the public
 * sector signs its own MSA whatever its size. A quote on other paper is a model error offline
 * (`revops quote check`, rule `quote.segment-terms`) and refused in the org (Quote_Segment_Terms).
 */
export interface SegmentTerms {
  /** Standard terms by account segment (Account.Segment__c). */
  readonly bySegment: Readonly<Record<string, string>>;
  /** Standard terms by account industry (Account.Industry), ahead of the segment's. */
  readonly byIndustry: Readonly<Record<string, string>>;
  /** Standard terms of an account without a segment. */
  readonly fallback: string;
}

export const segmentTerms: SegmentTerms = {
  bySegment: { ENT: 'MSA 2026 Standard', MM: 'MSA 2026 Standard', SMB: 'Order Form Only (Click-Through)' },
  byIndustry: { Government: 'MSA 2026 Public Sector' },
  fallback: 'MSA 2026 Standard',
};

/** The standard terms a quote for an account of this segment and industry must carry. */
export function termsFor(terms: SegmentTerms, segment: string | null, industry: string | null): string {
  return (
    (industry ? terms.byIndustry[industry] : undefined) ??
    (segment ? terms.bySegment[segment] : undefined) ??
    terms.fallback
  );
}
