/**
 * Quote-to-cash (blueprint 000 §4, 001 Epic 4): the SKU catalogue shared by CRM, CPQ and billing,
 * the discount ladder by segment and ARR band, the approval matrix (deal desk → finance → CRO)
 * and the give/get matrix. Plain data; `pricing.ts` evaluates it, `emit.ts` turns the matrix into
 * an approval process.
 */
import type { OrderFormLayout } from './order-form.ts';

/** `{Family}:{Package}:{Metric}` (blueprint 000 §1). */
export const SKU_NAME = /^[A-Z][A-Za-z0-9]*:[A-Z][A-Za-z0-9]*:[A-Z][A-Za-z0-9]*$/;

export interface SkuDef {
  readonly kind: 'sku';
  /** `Platform:Enterprise:Seat`: the Product2 ProductCode, the price book entry and the billing SKU. */
  readonly code: string;
  readonly label: string;
  /** `base`: a package a deal is built on (one per deal); `addon`: sold with a base package. */
  readonly role: 'base' | 'addon';
  /** Annual list price per unit of the metric. */
  readonly listPrice: number;
  /** The lowest and highest unit price anyone may sell at: below or above is refused, not approved. */
  readonly floor: number;
  readonly ceiling: number;
  /** What the customer is entitled to with it: the billing system provisions these, nothing else. */
  readonly entitlements: readonly string[];
  /** An add-on sells only with one of these base packages (`Family:Package`, or a whole SKU code). */
  readonly requires?: readonly string[];
  readonly locked?: boolean;
}

export const sku = (code: string, o: Omit<SkuDef, 'kind' | 'code' | 'role'> & { role?: SkuDef['role'] }): SkuDef => ({
  kind: 'sku',
  code,
  role: o.role ?? 'base',
  ...o,
});

/** One ARR band of the ladder: from `arrFrom` (inclusive) up to the next band. */
export interface LadderBand {
  readonly name: string;
  readonly label: string;
  readonly arrFrom: number;
}

/** The discount a segment may give in each ARR band without approval (percent). */
export interface DiscountLadderDef {
  readonly bands: readonly LadderBand[];
  /** segment → one maximum per band, in band order. */
  readonly max: Readonly<Record<string, readonly number[]>>;
  /** The segment whose ladder applies when an account has none (the strictest). */
  readonly fallbackSegment: string;
}

/** A term that is off the standard paper: a condition on Opportunity as a formula and as a record test. */
export interface TermCondition {
  readonly label: string;
  /** Salesforce formula on Opportunity, true when the term is non-standard. */
  readonly formula: string;
  /** The same test on a dataset record. */
  readonly test: (deal: Readonly<Record<string, unknown>>) => boolean;
}

/** One approver level of the matrix; the levels approve in order, each up to the one a deal needs. */
export interface ApprovalLevelDef {
  /** API name of the approval step (`Deal_Desk`). */
  readonly name: string;
  /** What the reviewer sees and the value of Approved_Level__c (`Deal Desk`). */
  readonly label: string;
  /** The Opportunity User lookup holding this level's approver (an approval step's related user). */
  readonly approverField: string;
  /** Needed when the discount is above the ladder by more than this many points. */
  readonly aboveLadderBy: number;
  /** Needed when the discount is above the ladder and ARR is at least this. */
  readonly arrFrom?: number;
  /** Needed whenever one of these terms is non-standard. */
  readonly terms?: readonly TermCondition[];
}

export interface ApprovalMatrixDef {
  /** The approval process's API name (on Opportunity). */
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** Lowest level first. */
  readonly levels: readonly ApprovalLevelDef[];
  /** Opportunity fields the process writes: the decision and the highest level that approved. */
  readonly statusField: string;
  readonly approvedLevelField: string;
  /** Stages at which a deal must hold the approval it needs. */
  readonly enforcedAt: readonly string[];
}

/** A concession requires a get (blueprint 000 §4): which gets pay for which concession type. */
export interface GiveGetDef {
  /** The concession register and its type and get picklists (`Concession__c`, `Type__c`, `Get__c`). */
  readonly object: string;
  readonly typeField: string;
  readonly getField: string;
  /** Concession type → the gets that may pay for it (`*`: any get). */
  readonly gets: Readonly<Record<string, readonly string[]>>;
  /** What makes a get real on the deal, as a test over the concession's opportunity record. */
  readonly evidence: Readonly<
    Record<
      string,
      {
        readonly label: string;
        readonly test: (
          deal: Readonly<Record<string, unknown>>,
          concession: Readonly<Record<string, unknown>>,
        ) => boolean;
      }
    >
  >;
}

/** Billing rules checked before a deal can close (001 Epic 4: proration, billing anchor dates, tax). */
export interface BillingRulesDef {
  /** Days after the contract start within which the billing anchor date must fall. */
  readonly anchorWithinDays: number;
  /** Tax treatments that need the customer's tax ID on the order. */
  readonly taxIdRequiredFor: readonly string[];
}

export interface PricingDef {
  readonly ladder: DiscountLadderDef;
  readonly approvals: ApprovalMatrixDef;
  readonly giveGet: GiveGetDef;
  readonly billing: BillingRulesDef;
  readonly locked?: boolean;
}

export const pricing = (def: PricingDef): PricingDef => def;

/** What this family adds to the model. */
export interface QuoteToCashModel {
  readonly skus: readonly SkuDef[];
  readonly pricing: PricingDef | undefined;
  /** The order form's layout (order-form.ts), or none. */
  readonly orderForm: OrderFormLayout | undefined;
}
