import { validationRule } from '../../scripts/dsl/index.ts';
import { notBypassed } from '../governance/permissions.ts';
import { Quote } from './quotes.ts';

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

const quoted = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The paper formula: the standard terms a quote must carry, from its account's industry and segment. */
export function paperFormula(terms: SegmentTerms, account: string): string {
  const bySegment = Object.entries(terms.bySegment)
    .map(([segment, t]) => `${quoted(segment)}, ${quoted(t)}`)
    .join(', ');
  const segment = `CASE(TEXT(${account}.Segment__c), ${bySegment}, ${quoted(terms.fallback)})`;
  return Object.entries(terms.byIndustry).reduceRight(
    (rest, [industry, t]) => `IF(ISPICKVAL(${account}.Industry, ${quoted(industry)}), ${quoted(t)}, ${rest})`,
    segment,
  );
}

/**
 * A quote is on its account's paper (the offline twin is `revops quote check`'s quote.segment-terms).
 * Once accepted its terms are frozen by Quote_Accepted_Terms_Frozen, which names the problem better.
 */
export const quoteOnSegmentPaper = validationRule(Quote, 'Quote_On_Segment_Paper', {
  formula: `AND(
    ${notBypassed},
    NOT(ISBLANK(TEXT(Standard_Terms__c))),
    OR(ISNEW(), NOT(ISPICKVAL(PRIORVALUE(Status), "Accepted"))),
    TEXT(Standard_Terms__c) <> ${paperFormula(segmentTerms, 'Opportunity.Account')}
)`,
  message:
    "Standard Terms must be the paper of the account's segment: the MSA for enterprise and mid-market, the click-through order form for SMB, the public-sector MSA for government accounts.",
  errorField: Quote.field('Standard_Terms__c'),
  locked: true,
});
