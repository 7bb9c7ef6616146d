import { access, fieldsOf, permissionSet, permissionSetGroup } from '../../scripts/dsl/index.ts';
import { Account } from '../objects/account.ts';
import { Contact } from '../objects/contact.ts';
import { Opportunity } from '../objects/opportunity.ts';
import { GovernanceBypass } from '../governance/permissions.ts';
import { StageGateCriterion } from '../governance/stage-gates.ts';

/** Account executives own opportunities (blueprint §1: role-based edit scopes). */
export const AccountExecutive = permissionSet('RevOps_Account_Executive', {
  label: 'RevOps: Account Executive',
  description: 'Works opportunities through the stage gates; reads accounts; edits contacts on their deals.',
  objects: {
    Opportunity: access('CRE'),
    Account: access('R'),
    Contact: access('CRE'),
  },
  fields: [
    fieldsOf(Opportunity, { readOnlyFields: ['Lead_Source_Original__c', 'Push_Count__c', 'Last_Slip_Date__c'] }),
    fieldsOf(Account, { edit: false }),
    fieldsOf(Contact, { readOnlyFields: ['Original_Source__c'] }),
  ],
  apexClasses: ['StageGateController'],
  customMetadataTypes: [StageGateCriterion],
  locked: true,
});

/** RevOps admins may bypass governance rules; still no delete of opportunities. */
export const RevOpsAdmin = permissionSet('RevOps_Admin', {
  label: 'RevOps: Admin',
  description: 'Maintains RevOps data; exempt from governance rules through the bypass custom permission.',
  objects: {
    Opportunity: access('CRE', { viewAll: true }),
    Account: access('CRE', { viewAll: true }),
    Contact: access('CRE', { viewAll: true }),
  },
  fields: [fieldsOf(Opportunity), fieldsOf(Account), fieldsOf(Contact)],
  customPermissions: [GovernanceBypass.name],
  apexClasses: ['StageGateController'],
  customMetadataTypes: [StageGateCriterion],
  locked: true,
});

export const SalesTeam = permissionSetGroup('RevOps_Sales', {
  label: 'RevOps: Sales',
  description: 'Everything an account executive needs.',
  permissionSets: [AccountExecutive],
});
