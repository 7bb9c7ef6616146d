import { criterion, publicGroup, sharingCriteriaRule, sharingOwnerRule } from '../../scripts/dsl/index.ts';
import { Opportunity } from '../objects/opportunity.ts';
import { DealException } from '../revops/deal-exception.ts';
import { roleGroups } from './permission-sets.ts';

/**
 * Which records each role reaches. Opportunities and deal exceptions are Public Read Only
 * (`sharingModel: 'Read'` on the objects): everyone reads the pipeline, owners edit their own,
 * and the rules below give edit access to the roles that must act on others' records. A role's
 * permission set group says what its users may do; its public group (the same users) says where.
 */
/** The public group of a role's users (`RevOps_AE_Role` → `RevOps_AE_Users`); `about` says who belongs. */
const group = (role: string, label: string, about: string, includeBosses = false) => {
  if (!roleGroups.some((g) => g.name === role)) throw new Error(`${about}: no permission set group ${role}`);
  return publicGroup(role.replace(/_Role$/, '_Users'), { label, includeBosses, locked: true });
};

export const aeUsers = group('RevOps_AE_Role', 'RevOps: Account Executives', 'Users of the Account Executive role.');
export const managerUsers = group(
  'RevOps_Sales_Manager_Role',
  'RevOps: Sales Managers',
  'Users of the Sales Manager role (and their managers).',
  true,
);
export const engineerUsers = group(
  'RevOps_Sales_Engineer_Role',
  'RevOps: Sales Engineers',
  'Users of the Sales Engineer role.',
);
export const successUsers = group(
  'RevOps_Customer_Success_Role',
  'RevOps: Customer Success',
  'Users of the Customer Success and Renewals role.',
);
export const marketingUsers = group('RevOps_Marketing_Role', 'RevOps: Marketing', 'Users of the Marketing role.');
export const sdrUsers = group('RevOps_SDR_Role', 'RevOps: SDRs', 'Users of the SDR role.');
export const salesOpsUsers = group('RevOps_Sales_Ops_Role', 'RevOps: Sales Ops', 'Users of the Sales Ops role.');
export const dealDeskUsers = group(
  'RevOps_Finance_Legal_Role',
  'RevOps: Deal Desk (Finance and Legal)',
  'Users of the Finance and Legal role: the deal desk.',
);
export const adminUsers = group('RevOps_Admin_Role', 'RevOps: Admins', 'Users of the RevOps Admin role.');

export const publicGroups = [
  sdrUsers,
  aeUsers,
  managerUsers,
  engineerUsers,
  successUsers,
  marketingUsers,
  salesOpsUsers,
  dealDeskUsers,
  adminUsers,
];

const ACTIVE_DISCOUNT_DECISIONS = ['Pending', 'Approved', 'Rejected'];

export const sharingRules = [
  sharingOwnerRule(Opportunity, 'AE_Deals_To_Sales_Managers', {
    label: 'AE deals to sales managers',
    description: 'Managers coach, override forecasts and reopen the deals of their AEs.',
    access: 'Edit',
    to: managerUsers,
    ownedBy: aeUsers,
    locked: true,
  }),
  sharingOwnerRule(Opportunity, 'AE_Deals_To_Sales_Ops', {
    label: 'AE deals to Sales Ops',
    description: 'Sales Ops reassigns deals (territory changes, leavers); it edits no deal field.',
    access: 'Edit',
    to: salesOpsUsers,
    ownedBy: aeUsers,
    locked: true,
  }),
  sharingCriteriaRule(Opportunity, 'Discount_Requests_To_Deal_Desk', {
    label: 'Discount requests to the deal desk',
    description: 'The deal desk decides discounts above the ladder: it edits the deals that ask.',
    access: 'Edit',
    to: dealDeskUsers,
    criteria: [criterion(Opportunity.field('Discount_Approval_Status__c'), 'equals', ...ACTIVE_DISCOUNT_DECISIONS)],
    locked: true,
  }),
  sharingCriteriaRule(Opportunity, 'Validation_Deals_To_Sales_Engineers', {
    label: 'Deals in validation to sales engineers',
    description: 'Sales engineers record technical and security validation on deals from Value Demo to Business Case.',
    access: 'Edit',
    to: engineerUsers,
    criteria: [criterion(Opportunity.field('StageName'), 'equals', 'Value Demo', 'Validation', 'Business Case')],
    locked: true,
  }),
  sharingCriteriaRule(DealException, 'Exceptions_To_Deal_Desk', {
    label: 'Exceptions to the deal desk',
    description: 'The deal desk reviews, decides and expires every exception.',
    access: 'Edit',
    to: dealDeskUsers,
    criteria: [criterion(DealException.field('Status__c'), 'equals', 'Requested', 'Approved', 'Rejected', 'Expired')],
    locked: true,
  }),
];
