import { validationRule } from '../../scripts/dsl/index.ts';
import { GEOS, SEGMENTS } from '../objects/shared.ts';
import { Opportunity as Opp, SKU_PATTERN } from '../objects/opportunity.ts';
import { DiscountLadder } from './discount-ladder.ts';
import { DealDesk, notBypassed } from './permissions.ts';

const ladder = (segment: string) => `$CustomMetadata.${DiscountLadder.apiName}.${segment}.Max_Discount__c`;

const aboveLadder = `AND(
        NOT(ISBLANK(Discount_Percent__c)),
        Discount_Percent__c > CASE(TEXT(Account.Segment__c),
            "ENT", ${ladder('ENT')},
            "MM", ${ladder('MM')},
            ${ladder('SMB')})
    )`;

/**
 * Above the segment's ladder (an account without a segment gets the strictest, SMB) a discount
 * is a request to the deal desk, however it is entered (blueprint 001, epic 4): whoever enters a
 * first discount, raises one, or moves the deal to another account (whose segment may have a
 * lower ladder) sets Discount Approval Status to Pending in the same save, so an earlier approval
 * never covers a bigger discount; and an above-ladder discount never sits with the status blank
 * or Not Required, whatever else the save changes.
 */
export const discountNeedsRequest = validationRule(Opp, 'Discount_Above_Ladder_Needs_Request', {
  formula: `AND(
    ${notBypassed},
    NOT($Permission.${DealDesk.name}),
    ${aboveLadder},
    OR(
        CASE(TEXT(Discount_Approval_Status__c), "Pending", 0, "Approved", 0, "Rejected", 0, 1) = 1,
        AND(
            NOT(ISPICKVAL(Discount_Approval_Status__c, "Pending")),
            OR(
                ISNEW(),
                ISCHANGED(AccountId),
                AND(
                    ISCHANGED(Discount_Percent__c),
                    OR(ISBLANK(PRIORVALUE(Discount_Percent__c)), Discount_Percent__c > PRIORVALUE(Discount_Percent__c))
                )
            )
        )
    )
)`,
  message: "This discount is above the segment's ladder: set Discount Approval Status to Pending to ask the deal desk.",
  errorField: Opp.field('Discount_Approval_Status__c'),
  locked: true,
});

/** An above-ladder discount must be approved before the deal enters Commercials or closes won. */
export const discountNeedsApproval = validationRule(Opp, 'Discount_Above_Ladder_Needs_Approval', {
  formula: `AND(
    ${notBypassed},
    OR(ISNEW(), ISCHANGED(StageName), ISCHANGED(Discount_Percent__c), ISCHANGED(AccountId)),
    CASE(StageName, "Commercials", 1, "Closed Won", 1, 0) = 1,
    ${aboveLadder},
    NOT(ISPICKVAL(Discount_Approval_Status__c, "Approved"))
)`,
  message:
    "This discount is above the segment's ladder and not approved: the deal desk must approve it before Commercials and Closed Won.",
  errorField: Opp.field('Discount_Percent__c'),
  locked: true,
});

/** Only the deal desk decides on discounts: approval status is set by Finance (and admins). */
export const approvalByDealDesk = validationRule(Opp, 'Discount_Approval_By_Deal_Desk', {
  formula: `AND(
    ${notBypassed},
    NOT($Permission.${DealDesk.name}),
    OR(ISNEW(), ISCHANGED(Discount_Approval_Status__c)),
    OR(ISPICKVAL(Discount_Approval_Status__c, "Approved"), ISPICKVAL(Discount_Approval_Status__c, "Rejected"))
)`,
  message: 'Only the deal desk can approve or reject a discount.',
  errorField: Opp.field('Discount_Approval_Status__c'),
  locked: true,
});

/** One SKU catalog shared by CRM, CPQ and billing: `{Family}:{Package}:{Metric}` (blueprint 000 §1, §4). */
export const skuFormat = validationRule(Opp, 'Primary_SKU_Format', {
  formula: `AND(\n    ${notBypassed},\n    NOT(ISBLANK(Primary_SKU__c)),\n    NOT(REGEX(Primary_SKU__c, "${SKU_PATTERN}"))\n)`,
  message: 'Write the primary SKU as Family:Package:Metric, e.g. Platform:Enterprise:Seat.',
  errorField: Opp.field('Primary_SKU__c'),
  locked: true,
});

/** A deal name as the convention writes it (a Salesforce REGEX: the whole name must match). */
export const DEAL_NAME_PATTERN = `(${SEGMENTS.join('|')})-(${GEOS.join('|')})-[A-Za-z0-9]+-[A-Za-z0-9]+-(FY[0-9]{2})?Q[1-4]`;

/**
 * Deal names follow `{Segment}-{Geo}-{PrimaryProduct}-{UseCase}-{FiscalQ}` (e.g.
 * `ENT-NA-Platform-IntelQQL-Q3`) and start with the account's segment. Checked when a deal is
 * created or renamed, so existing deals are not blocked for unrelated edits.
 */
export const dealNaming = validationRule(Opp, 'Deal_Naming_Convention', {
  formula: `AND(
    ${notBypassed},
    OR(ISNEW(), ISCHANGED(Name)),
    OR(
        NOT(REGEX(Name, "${DEAL_NAME_PATTERN}")),
        AND(NOT(ISBLANK(TEXT(Account.Segment__c))), NOT(BEGINS(Name, TEXT(Account.Segment__c) & "-")))
    )
)`,
  message:
    "Name the deal {Segment}-{Geo}-{PrimaryProduct}-{UseCase}-{FiscalQ}, starting with the account's segment, e.g. ENT-NA-Platform-IntelQQL-Q3.",
  errorField: Opp.field('Name'),
  locked: true,
});

export const dealDeskRules = [discountNeedsRequest, discountNeedsApproval, approvalByDealDesk, skuFormat, dealNaming];
