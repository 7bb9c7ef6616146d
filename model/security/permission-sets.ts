import { access, editable, fieldsOf, permissionSet, permissionSetGroup, readOnly } from '../../scripts/dsl/index.ts';
import { Account } from '../objects/account.ts';
import { Campaign } from '../objects/campaign.ts';
import { Contact } from '../objects/contact.ts';
import { Contract } from '../objects/contract.ts';
import { Lead } from '../objects/lead.ts';
import { Opportunity } from '../objects/opportunity.ts';
import { Commitment } from '../revops/commitment.ts';
import { Concession } from '../revops/concession.ts';
import { DealException } from '../revops/deal-exception.ts';
import { HandoffPacket } from '../revops/handoff-packet.ts';
import { Touch } from '../marketing/touch.ts';
import { DealDesk, GovernanceBypass } from '../governance/permissions.ts';
import { DiscountLadder } from '../governance/discount-ladder.ts';
import { StageGateCriterion } from '../governance/stage-gates.ts';
import { dataObjects } from '../data-objects.ts';
import { NewBusinessDeal } from '../governance/sales-process.ts';
import {
  ForecastAdminSet,
  ForecastManagerSet,
  ForecastRep,
  forecastAdminFields,
  forecastAdminObjectAccess,
} from '../forecasting/permissions.ts';

/**
 * Role-based edit scopes (blueprint 000 §1): SDR → leads and contacts, AE → opportunities,
 * Sales Ops → accounts and territories, Finance/Legal → contracts, concessions and discount
 * approval, RevOps admin → everything. Field access comes from the model (fieldsOf), so a new
 * field reaches every role that should see it. View All / Modify All only for the admin.
 */
/**
 * Standard fields each role works with. Custom fields come from fieldsOf; standard ones are
 * listed, because most standard fields are profile territory. Required standard fields
 * (StageName, CloseDate, Name, LastName...) come with object access and cannot be listed.
 */
const oppWork = ['NextStep', 'Amount', 'Type', 'LeadSource', 'Description'] as const;
const accountCare = ['ParentId', 'Website', 'Industry', 'NumberOfEmployees', 'AnnualRevenue', 'Type', 'Phone'] as const;
const leadWork = ['Email', 'Phone', 'Title', 'Website', 'LeadSource', 'Industry'] as const;
const contactWork = ['Email', 'Phone', 'Title'] as const;
const contractTerms = ['StartDate', 'ContractTerm', 'SpecialTerms'] as const;
const std = {
  opp: oppWork.map((f) => Opportunity.field(f)),
  account: accountCare.map((f) => Account.field(f)),
  lead: leadWork.map((f) => Lead.field(f)),
  contact: contactWork.map((f) => Contact.field(f)),
  contract: contractTerms.map((f) => Contract.field(f)),
};

const snapshots = {
  Lead: [
    'Lead_Source_Original__c',
    'Most_Recent_Source__c',
    'First_Touch_Campaign__c',
    'Segment_Fit_Score_At_MQL__c',
    'MQL_Date__c',
  ],
};
/** Set by automation. AEs may set Discount_Approval_Status__c to Pending; only the deal desk decides (a rule). */
const automationOwned = ['Push_Count__c', 'Last_Slip_Date__c', 'Lead_Source_Original__c', 'MEDDICC_Score__c'];

export const SDR = permissionSet('RevOps_SDR', {
  label: 'RevOps: SDR',
  description:
    'Works leads and contacts, hands qualified leads to AEs by converting them (which creates the account and the deal). Reads campaigns.',
  objects: {
    Lead: access('CRE'),
    Contact: access('CRE'),
    // Conversion creates the account and the opportunity; the SDR edits neither afterwards.
    Account: access('CR'),
    Opportunity: access('CR'),
    Campaign: access('R'),
    Handoff_Packet__c: access('CRE'),
    Touch__c: access('R'),
  },
  fields: [
    fieldsOf(Lead, { readOnlyFields: snapshots.Lead }),
    fieldsOf(Touch, { edit: false }),
    fieldsOf(Contact, { readOnlyFields: ['Original_Source__c'] }),
    fieldsOf(Account, { edit: false }),
    fieldsOf(Campaign, { edit: false }),
    fieldsOf(Opportunity, { edit: false }),
    fieldsOf(HandoffPacket),
    editable(...std.lead, ...std.contact),
    readOnly(...std.account),
  ],
  recordTypes: [NewBusinessDeal],
  userPermissions: ['ConvertLeads'],
  locked: true,
});

export const AccountExecutive = permissionSet('RevOps_Account_Executive', {
  label: 'RevOps: Account Executive',
  description: 'Works opportunities through the stage gates; records commitments, hand-offs and exception requests.',
  objects: {
    Opportunity: access('CRE'),
    // Converting a lead the AE accepted creates its account.
    Account: access('CR'),
    Lead: access('RE'),
    Contact: access('CRE'),
    Contract: access('R'),
    Handoff_Packet__c: access('CRE'),
    Commitment__c: access('CRE'),
    Deal_Exception__c: access('CRE'),
    Concession__c: access('R'),
    Touch__c: access('R'),
  },
  fields: [
    fieldsOf(Opportunity, { readOnlyFields: automationOwned }),
    fieldsOf(Touch, { edit: false }),
    fieldsOf(Account, { edit: false }),
    fieldsOf(Lead, { edit: false }),
    fieldsOf(Contact, { readOnlyFields: ['Original_Source__c'] }),
    fieldsOf(Contract, { edit: false }),
    fieldsOf(HandoffPacket),
    fieldsOf(Commitment),
    fieldsOf(DealException, { readOnlyFields: ['Reviewer__c'] }),
    fieldsOf(Concession, { edit: false }),
    editable(...std.opp, ...std.contact),
    readOnly(...std.account, ...std.contract),
  ],
  apexClasses: ['StageGateController'],
  customMetadataTypes: [StageGateCriterion, DiscountLadder],
  recordTypes: [NewBusinessDeal],
  userPermissions: ['ConvertLeads'],
  locked: true,
});

export const SalesOps = permissionSet('RevOps_Sales_Ops', {
  label: 'RevOps: Sales Ops',
  description: 'Owns accounts, hierarchies, territories, campaigns and their touches; reads the pipeline.',
  objects: {
    Account: access('CRUD'),
    Contact: access('CRE'),
    Lead: access('CRE'),
    Campaign: access('CRE'),
    Touch__c: access('CRE'),
    Opportunity: access('R'),
    Contract: access('R'),
  },
  fields: [
    fieldsOf(Account),
    fieldsOf(Touch),
    fieldsOf(Contact, { readOnlyFields: ['Original_Source__c'] }),
    fieldsOf(Lead, { readOnlyFields: snapshots.Lead }),
    fieldsOf(Campaign),
    fieldsOf(Opportunity, { edit: false }),
    fieldsOf(Contract, { edit: false }),
    editable(...std.account, ...std.lead, ...std.contact),
    readOnly(...std.opp, ...std.contract),
  ],
  customMetadataTypes: [DiscountLadder],
  locked: true,
});

export const FinanceLegal = permissionSet('RevOps_Finance_Legal', {
  label: 'RevOps: Finance and Legal',
  description: 'Owns contracts and concessions; the deal desk approves discounts and reviews exceptions.',
  objects: {
    Contract: access('CRE'),
    Concession__c: access('CRE'),
    Deal_Exception__c: access('RE'),
    Opportunity: access('RE'),
    Account: access('R'),
    Commitment__c: access('R'),
  },
  fields: [
    fieldsOf(Contract),
    fieldsOf(Concession),
    fieldsOf(DealException),
    fieldsOf(Opportunity, { edit: false, editableFields: ['Discount_Approval_Status__c'] }),
    fieldsOf(Account, { edit: false }),
    fieldsOf(Commitment, { edit: false }),
    editable(...std.contract),
    readOnly(...std.opp, ...std.account),
  ],
  customPermissions: [DealDesk.name],
  customMetadataTypes: [DiscountLadder],
  locked: true,
});

const ALL = dataObjects;

export const RevOpsAdmin = permissionSet('RevOps_Admin', {
  label: 'RevOps: Admin',
  description:
    'Maintains the whole RevOps data model; exempt from governance rules through the bypass custom permission.',
  objects: {
    ...Object.fromEntries(ALL.map((o) => [o.apiName, access('CRUD', { viewAll: true, modifyAll: true })])),
    ...forecastAdminObjectAccess,
  },
  fields: [
    ...ALL.map((o) => fieldsOf(o)),
    ...forecastAdminFields,
    editable(...std.opp, ...std.account, ...std.lead, ...std.contact, ...std.contract),
  ],
  customPermissions: [GovernanceBypass.name, DealDesk.name],
  apexClasses: ['StageGateController'],
  customMetadataTypes: [StageGateCriterion, DiscountLadder],
  recordTypes: [NewBusinessDeal],
  userPermissions: ['ConvertLeads'],
  locked: true,
});

export const rolePermissionSets = [SDR, AccountExecutive, SalesOps, FinanceLegal, RevOpsAdmin];

/** One group per role, so a user is assigned a role, not a list of permission sets. */
export const roleGroups = [
  permissionSetGroup('RevOps_SDR_Role', { label: 'RevOps role: SDR', permissionSets: [SDR] }),
  permissionSetGroup('RevOps_AE_Role', {
    label: 'RevOps role: Account Executive',
    permissionSets: [AccountExecutive, ForecastRep],
  }),
  // Sales managers work deals like AEs and submit the manager call on top of their team's roll-up.
  permissionSetGroup('RevOps_Sales_Manager_Role', {
    label: 'RevOps role: Sales Manager',
    permissionSets: [AccountExecutive, ForecastManagerSet],
  }),
  permissionSetGroup('RevOps_Sales_Ops_Role', { label: 'RevOps role: Sales Ops', permissionSets: [SalesOps] }),
  permissionSetGroup('RevOps_Finance_Legal_Role', {
    label: 'RevOps role: Finance and Legal',
    permissionSets: [FinanceLegal],
  }),
  permissionSetGroup('RevOps_Admin_Role', {
    label: 'RevOps role: Admin',
    permissionSets: [RevOpsAdmin, ForecastAdminSet],
  }),
];
