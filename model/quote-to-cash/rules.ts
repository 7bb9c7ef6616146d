import { missingGetFormula, validationRule } from '../../scripts/dsl/index.ts';
import { notBypassed } from '../governance/permissions.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { Concession } from '../revops/concession.ts';
import { OpportunityProduct } from './products.ts';
import { revopsPricing } from './pricing.ts';

const { approvals, giveGet } = revopsPricing;
const rank = (field: string) =>
  `CASE(${field}, ${approvals.levels.map((l, i) => `"${l.label}", ${i + 1}`).join(', ')}, 0)`;
const enforced = `CASE(StageName, ${approvals.enforcedAt.map((s) => `"${s}", 1`).join(', ')}, 0) = 1`;

/**
 * The approval matrix holds at Commercials and Closed Won: an approval covers the level the deal
 * needs (a deal desk approval does not cover a CRO deal), and a deal that needs approval for its
 * terms alone has one. An above-ladder discount without any approval is Discount_Above_Ladder_Needs_Approval's.
 */
export const approvalCoversDeal = validationRule(Opp, 'Approval_Level_Covers_Deal', {
  formula: `AND(
    ${notBypassed},
    ${enforced},
    Approval_Level_Required__c <> "None",
    OR(
        AND(ISPICKVAL(${approvals.statusField}, "Approved"), ${rank(`TEXT(${approvals.approvedLevelField})`)} < ${rank('Approval_Level_Required__c')}),
        AND(
            NOT(ISPICKVAL(${approvals.statusField}, "Approved")),
            OR(ISBLANK(Discount_Percent__c), Discount_Percent__c <= Discount_Ladder_Max__c)
        )
    )
)`,
  message:
    'This deal needs approval up to the level in Approval Level Required (deal desk, finance, CRO): submit it for approval before Commercials and Closed Won.',
  errorField: Opp.field('Approved_Level__c'),
  locked: true,
});

/** A concession requires a get that pays for it (give/get matrix, blueprint 000 §4). */
export const concessionNeedsGet = validationRule(Concession, 'Concession_Needs_Get', {
  formula: `AND(\n    ${notBypassed},\n    ${missingGetFormula(giveGet, giveGet.typeField, giveGet.getField)}\n)`,
  message: 'Record what the customer gives for this concession: a Get that the give/get matrix accepts for its type.',
  errorField: Concession.field('Get__c'),
  locked: true,
});

/** Unit prices stay between the SKU's floor and ceiling: below the floor is refused, never approved. */
export const outsideFloorAndCeiling = `AND(
    ${notBypassed},
    NOT(ISBLANK(UnitPrice)),
    OR(
        AND(NOT(ISBLANK(PricebookEntry.Product2.Floor_Price__c)), UnitPrice < PricebookEntry.Product2.Floor_Price__c),
        AND(NOT(ISBLANK(PricebookEntry.Product2.Ceiling_Price__c)), UnitPrice > PricebookEntry.Product2.Ceiling_Price__c)
    )
)`;

export const priceWithinFloorAndCeiling = validationRule(OpportunityProduct, 'Price_Within_Floor_And_Ceiling', {
  formula: outsideFloorAndCeiling,
  message: "The sales price is outside the SKU's floor and ceiling: change the price, or sell another SKU.",
  errorField: OpportunityProduct.field('UnitPrice'),
  locked: true,
});

export const quoteToCashRules = [approvalCoversDeal, concessionNeedsGet, priceWithinFloorAndCeiling];
