/**
 * Separation of duties (blueprint 000 §9; docs/roles.md): the entitlements no one holder — a role,
 * or a user holding several roles' sets, profile included — may combine. `revops access review`
 * flags every holder that does. An entitlement is written as the access review lists it:
 *
 *   custom:<CustomPermission>        a custom permission (bypass, deal desk...)
 *   system:<Permission>              a system permission (a profile's or a permission set's)
 *   field:<Object.Field>=edit        edit access to a field
 *   object:<Object>~<letter>         an object permission: C R E D V (view all) M (modify all);
 *                                    `*` as the object matches any object
 */
import { DealDesk, ForecastOverride, GovernanceBypass } from '../governance/permissions.ts';
import { RoutingBypass } from '../routing/permissions.ts';

export interface DutyRule {
  readonly id: string;
  readonly title: string;
  /** Why the two may not meet in one person: what the combination would let them do unseen. */
  readonly why: string;
  /** The holder breaks the rule when it holds any entitlement of `holds` and any of `with`. */
  readonly holds: readonly string[];
  readonly with: readonly string[];
}

const custom = (p: { name: string }) => `custom:${p.name}`;
/** The permissions that make someone an administrator of the rules themselves (metadata, code, all data). */
const RULE_ADMIN = [
  'system:CustomizeApplication',
  'system:ModifyAllData',
  'system:AuthorApex',
  'system:ModifyMetadata',
];

export const separationOfDuties: readonly DutyRule[] = [
  {
    id: 'deal-desk-and-own-discount',
    title: 'Deal-desk approval with discount entry',
    why: "The approver of discounts above the ladder must not also enter the discount on the deal: one person would approve their own (or their rep's) number.",
    holds: [custom(DealDesk)],
    with: ['field:Opportunity.Discount_Percent__c=edit', 'object:Opportunity~C'],
  },
  {
    id: 'bypass-and-deal-desk',
    title: 'Governance bypass with deal-desk approval',
    why: 'A deal-desk approver who can bypass the rules can approve a deal the rules would have stopped, and skip the approval rule itself.',
    holds: [custom(GovernanceBypass)],
    with: [custom(DealDesk)],
  },
  {
    id: 'bypass-and-rule-admin',
    title: 'Governance bypass with administration of the rules',
    why: 'Whoever may change the validation rules, flows or Apex must not also be exempt from them: the bypass would leave no one checking the rule-maker. The bypass belongs to integration users and the RevOps admin set, not to system administrators.',
    holds: [custom(GovernanceBypass), custom(RoutingBypass)],
    with: RULE_ADMIN,
  },
  {
    id: 'deal-desk-and-modify-all',
    title: 'Deal-desk approval with Modify All',
    why: 'An approver with Modify All can rewrite the deals and exceptions they decide on, outside sharing.',
    holds: [custom(DealDesk)],
    with: ['object:*~M', 'system:ModifyAllData'],
  },
  {
    id: 'deal-desk-and-forecast-override',
    title: 'Deal-desk approval with forecast overrides',
    why: 'The person who prices a deal must not also move it between forecast categories: the forecast would carry their own deals on their own judgement.',
    holds: [custom(DealDesk)],
    with: [custom(ForecastOverride)],
  },
];

/**
 * The fields an access review lists per holder: every field whose history the model tracks
 * (the governed and audited ones) and these, which hold personal data.
 */
export const PERSONAL_DATA_FIELDS: readonly string[] = ['Lead.Email', 'Lead.Phone', 'Contact.Email', 'Contact.Phone'];
