import {
  ACCESS_FROM_PARENT,
  access,
  editable,
  fieldsOf,
  permissionSet,
  permissionSetGroup,
  readOnly,
} from '../../scripts/dsl/index.ts';
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
import {
  DealDesk,
  ForecastOverride,
  GovernanceBypass,
  LeadReassign,
  ReopenWonDeal,
} from '../governance/permissions.ts';
import { DiscountLadder } from '../governance/discount-ladder.ts';
import { StageGateCriterion } from '../governance/stage-gates.ts';
import { dataObjects } from '../data-objects.ts';
import { NewBusinessDeal } from '../governance/sales-process.ts';
import { LifecycleCalendarType, LifecycleJobType, LifecycleThresholdType } from '../automation/lifecycle.ts';
import { LifecycleAction } from '../revops/lifecycle-action.ts';
import { Q2CFailure } from '../quote-to-cash/q2c-failure.ts';
import { OpportunityProduct, PriceBookEntry, Product } from '../quote-to-cash/products.ts';
import { Quote, QuoteLine } from '../quote-to-cash/quotes.ts';
import { Poc } from '../revops/poc.ts';
import { routingAutomationFields } from '../routing/lead-fields.ts';
import { RoutingBypass } from '../routing/permissions.ts';
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
const contractTerms = ['StartDate', 'ContractTerm', 'SpecialTerms', 'CustomerSignedId', 'CustomerSignedDate'] as const;
/** The quote's signer (Contact Name): the AE records who signed the order form. */
const quoteSignature = ['ContactId'] as const;
const std = {
  opp: oppWork.map((f) => Opportunity.field(f)),
  account: accountCare.map((f) => Account.field(f)),
  lead: leadWork.map((f) => Lead.field(f)),
  contact: contactWork.map((f) => Contact.field(f)),
  contract: contractTerms.map((f) => Contract.field(f)),
  quote: quoteSignature.map((f) => Quote.field(f)),
};

/** Attribution snapshots and the SLA timestamps: automation stamps them, people read them. */
const snapshots = {
  Lead: [
    'Lead_Source_Original__c',
    'Most_Recent_Source__c',
    'First_Touch_Campaign__c',
    'Segment_Fit_Score_At_MQL__c',
    'MQL_Date__c',
    'First_Touch_At__c',
    'Last_Governance_Bypass__c',
  ],
};
/** Lead fields only automation sets: the snapshots, and the scores, routing and SLA stamps (model/routing). */
const leadAutomation = [...snapshots.Lead, ...routingAutomationFields];
/** The BANT qualification the SDR records; others read it. */
const qualification = ['Budget_Confirmed__c', 'Authority_Confirmed__c', 'Need_Confirmed__c', 'Timeline_Confirmed__c'];
/**
 * Set by automation on a deal: slip counters, the attribution snapshot, stage-entry dates, the
 * MEDDICC score, the bypass audit stamp, and the approval matrix's
 * recorded level and approvers (the deal desk names them). AEs may set Discount_Approval_Status__c to Pending;
 * only the deal desk decides (a rule). The forecast override reason is the sales manager's.
 */
const automationOwned = [
  'Push_Count__c',
  'Last_Slip_Date__c',
  'Lead_Source_Original__c',
  'MEDDICC_Score__c',
  'Discovery_Entered_On__c',
  'Value_Demo_Entered_On__c',
  'Validation_Entered_On__c',
  'Business_Case_Entered_On__c',
  'Commercials_Entered_On__c',
  'Last_Governance_Bypass__c',
  'Stage_Entered_On__c',
  'Last_Activity_On__c',
  'Renewal_Key__c',
  // The approval matrix: the approval process records the level, the deal desk names the approvers.
  'Approved_Level__c',
  'Deal_Desk_Approver__c',
  'Finance_Approver__c',
  'CRO_Approver__c',
];
/** Hand-off and POC fields set by automation or integrations, never typed. */
const handoffClock = ['Submitted_At__c', 'Accepted_At__c', 'SLA_Breached__c'];
const stamp = ['Last_Governance_Bypass__c'];
const forecast = Opportunity.field('ForecastCategoryName');

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
    fieldsOf(Lead, { readOnlyFields: leadAutomation }),
    fieldsOf(Touch, { edit: false }),
    fieldsOf(Contact, { readOnlyFields: ['Original_Source__c', ...stamp] }),
    fieldsOf(Account, { edit: false }),
    fieldsOf(Campaign, { edit: false }),
    fieldsOf(Opportunity, { edit: false }),
    fieldsOf(HandoffPacket, { readOnlyFields: [...handoffClock, ...stamp] }),
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
    Campaign: access('R'),
    Contact: access('CRE'),
    Contract: access('R'),
    Handoff_Packet__c: access('CRE'),
    Commitment__c: access('CRE'),
    Deal_Exception__c: access('CRE'),
    Concession__c: access('R'),
    Touch__c: access('R'),
    POC__c: access('CRE'),
    // Quoting: the catalogue is read only; the AE sells it as opportunity products, which (like
    // price book entries) have no object permission: they come with Opportunity and Product2.
    Product2: access('R'),
    // The AE quotes the deal; quote lines come with the quote.
    Quote: access('CRE'),
  },
  fields: [
    fieldsOf(Product, { edit: false }),
    fieldsOf(PriceBookEntry, { edit: false }),
    fieldsOf(OpportunityProduct),
    fieldsOf(Quote),
    fieldsOf(QuoteLine),
    fieldsOf(Opportunity, { readOnlyFields: [...automationOwned, 'Forecast_Override_Reason__c'] }),
    fieldsOf(Touch, { edit: false }),
    fieldsOf(Poc, { readOnlyFields: ['Last_Activity_At__c'] }),
    fieldsOf(Account, { edit: false }),
    // Converting a lead the AE accepted: the lead's own fields stay the SDR's.
    fieldsOf(Lead, { edit: false }),
    fieldsOf(Campaign, { edit: false }),
    fieldsOf(Contact, { readOnlyFields: ['Original_Source__c', ...stamp] }),
    fieldsOf(Contract, { edit: false }),
    fieldsOf(HandoffPacket, { readOnlyFields: [...handoffClock, ...stamp] }),
    fieldsOf(Commitment, { readOnlyFields: ['Overdue__c', ...stamp] }),
    fieldsOf(DealException, { readOnlyFields: ['Reviewer__c', ...stamp] }),
    fieldsOf(Concession, { edit: false }),
    editable(...std.opp, ...std.contact, ...std.quote),
    readOnly(...std.account, ...std.contract, forecast),
  ],
  apexClasses: ['StageGateController'],
  customMetadataTypes: [StageGateCriterion, DiscountLadder],
  recordTypes: [NewBusinessDeal],
  userPermissions: ['ConvertLeads'],
  locked: true,
});

export const SalesOps = permissionSet('RevOps_Sales_Ops', {
  label: 'RevOps: Sales Ops',
  description:
    'Owns accounts, hierarchies, territories, campaigns and their touches; reads the pipeline and reassigns deals (Transfer Record, edit through sharing, no deal field editable).',
  objects: {
    Account: access('CRUD'),
    Contact: access('CRE'),
    Lead: access('CRE'),
    Campaign: access('CRE'),
    Touch__c: access('CRE'),
    // Edit only to change a deal's owner: no deal field is editable (fieldsOf edit: false).
    Opportunity: access('RE'),
    Contract: access('R'),
  },
  fields: [
    fieldsOf(Account, { readOnlyFields: stamp }),
    fieldsOf(Touch, { readOnlyFields: stamp }),
    fieldsOf(Contact, { readOnlyFields: ['Original_Source__c', ...stamp] }),
    fieldsOf(Lead, { readOnlyFields: [...leadAutomation, ...qualification] }),
    fieldsOf(Campaign, { readOnlyFields: stamp }),
    fieldsOf(Opportunity, { edit: false }),
    fieldsOf(Contract, { edit: false }),
    editable(...std.account, ...std.lead, ...std.contact),
    readOnly(...std.opp, ...std.contract, forecast),
  ],
  customMetadataTypes: [DiscountLadder],
  customPermissions: [LeadReassign.name],
  userPermissions: ['TransferAnyEntity'],
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
    // The deal desk reads the quote-to-cash failures it is alerted to (the flow writes them).
    Q2C_Failure__c: access('R'),
    Product2: access('R'),
    // The deal desk reviews the quotes it approves.
    Quote: access('R'),
  },
  fields: [
    fieldsOf(Product, { edit: false }),
    fieldsOf(PriceBookEntry, { edit: false }),
    fieldsOf(OpportunityProduct, { edit: false }),
    fieldsOf(Quote, { edit: false }),
    fieldsOf(QuoteLine, { edit: false }),
    fieldsOf(Contract, { readOnlyFields: stamp }),
    fieldsOf(Q2CFailure, { edit: false }),
    fieldsOf(Concession, { readOnlyFields: stamp }),
    fieldsOf(DealException, { readOnlyFields: stamp }),
    fieldsOf(Opportunity, {
      edit: false,
      editableFields: [
        'Discount_Approval_Status__c',
        'Deal_Desk_Approver__c',
        'Finance_Approver__c',
        'CRO_Approver__c',
      ],
    }),
    fieldsOf(Account, { edit: false }),
    fieldsOf(Commitment, { edit: false }),
    editable(...std.contract),
    readOnly(...std.opp, ...std.account, ...std.quote, forecast),
  ],
  customPermissions: [DealDesk.name],
  customMetadataTypes: [DiscountLadder],
  locked: true,
});

/** Every data object with an object permission of its own (opportunity products and price book entries have none). */
const ALL = dataObjects.filter((o) => !ACCESS_FROM_PARENT[o.apiName]);
/** The admin still sees and edits every field, those included. */
const ALL_FIELDS = dataObjects;

export const RevOpsAdmin = permissionSet('RevOps_Admin', {
  label: 'RevOps: Admin',
  description:
    'Maintains the whole RevOps data model; exempt from governance rules through the bypass custom permission (every bypassed save is stamped). Never decides discounts or exceptions: that is the deal desk (separation of duties).',
  objects: {
    ...Object.fromEntries(ALL.map((o) => [o.apiName, access('CRUD', { viewAll: true, modifyAll: true })])),
    ...forecastAdminObjectAccess,
    // The lifecycle ledger is written by the jobs only.
    [LifecycleAction.apiName]: access('R', { viewAll: true }),
    // Q2C failures are written by the flow only.
    [Q2CFailure.apiName]: access('R', { viewAll: true }),
    [Quote.apiName]: access('CRUD', { viewAll: true, modifyAll: true }),
  },
  fields: [
    ...ALL_FIELDS.map((o) => fieldsOf(o)),
    fieldsOf(Quote),
    fieldsOf(QuoteLine),
    ...forecastAdminFields,
    fieldsOf(LifecycleAction, { edit: false }),
    fieldsOf(Q2CFailure, { edit: false }),
    editable(...std.opp, ...std.account, ...std.lead, ...std.contact, ...std.contract, ...std.quote, forecast),
  ],
  customPermissions: [GovernanceBypass.name, RoutingBypass.name],
  apexClasses: ['StageGateController'],
  customMetadataTypes: [StageGateCriterion, DiscountLadder],
  recordTypes: [NewBusinessDeal],
  userPermissions: ['ConvertLeads'],
  locked: true,
});

/**
 * Sales managers (blueprint 000 §5, 001 Epic 4): coach and inspect their team's deals, override
 * the forecast category within bounds and with a reason, reopen a won deal booked in error, and
 * take escalated exceptions. They edit their AEs' deals through sharing (model/security/sharing.ts).
 * They never decide discounts or exceptions (the deal desk does).
 */
export const SalesManager = permissionSet('RevOps_Sales_Manager', {
  label: 'RevOps: Sales Manager',
  description:
    "Edits the team's deals, overrides forecast categories (one step, with a reason) and reopens won deals; reads the registries to handle escalations.",
  objects: {
    Opportunity: access('CRE'),
    Account: access('R'),
    Contact: access('R'),
    Lead: access('R'),
    Campaign: access('R'),
    Contract: access('R'),
    Deal_Exception__c: access('R'),
    Concession__c: access('R'),
    Commitment__c: access('R'),
    Handoff_Packet__c: access('R'),
  },
  fields: [
    fieldsOf(Opportunity, { readOnlyFields: automationOwned }),
    fieldsOf(Account, { edit: false }),
    fieldsOf(Contact, { edit: false }),
    fieldsOf(Lead, { edit: false }),
    fieldsOf(Campaign, { edit: false }),
    fieldsOf(Contract, { edit: false }),
    fieldsOf(DealException, { edit: false }),
    fieldsOf(Concession, { edit: false }),
    fieldsOf(Commitment, { edit: false }),
    fieldsOf(HandoffPacket, { edit: false }),
    editable(...std.opp, forecast),
    readOnly(...std.account, ...std.contract),
  ],
  customPermissions: [ForecastOverride.name, ReopenWonDeal.name, LeadReassign.name],
  apexClasses: ['StageGateController'],
  customMetadataTypes: [StageGateCriterion, DiscountLadder],
  recordTypes: [NewBusinessDeal],
  locked: true,
});

/**
 * Customer success and renewals (blueprint 000 §4, §7): receive the AE's hand-off, deliver the
 * commitments made in the sale, keep account health, own renewals (the contract's renewal terms,
 * renewal deals) and hand on to the renewals desk.
 */
export const CustomerSuccess = permissionSet('RevOps_Customer_Success', {
  label: 'RevOps: Customer Success and Renewals',
  description:
    'Receives hand-offs, delivers commitments, keeps account health and the renewal terms of contracts, and works renewal deals.',
  objects: {
    Account: access('RE'),
    Contact: access('CRE'),
    Contract: access('RE'),
    Opportunity: access('CRE'),
    Handoff_Packet__c: access('CRE'),
    Commitment__c: access('RE'),
    Concession__c: access('R'),
  },
  fields: [
    fieldsOf(Account, { edit: false, editableFields: ['Health_Score__c'] }),
    fieldsOf(Contact, { readOnlyFields: ['Original_Source__c', ...stamp] }),
    fieldsOf(Contract, { edit: false, editableFields: ['Renewal_Owner__c', 'Renewal_Type__c', 'Churn_Reason__c'] }),
    fieldsOf(Opportunity, { readOnlyFields: [...automationOwned, 'Forecast_Override_Reason__c'] }),
    fieldsOf(HandoffPacket, { readOnlyFields: [...handoffClock, ...stamp] }),
    fieldsOf(Commitment, { edit: false, editableFields: ['Status__c'] }),
    fieldsOf(Concession, { edit: false }),
    editable(...std.opp, ...std.contact),
    readOnly(...std.account, ...std.contract, forecast),
  ],
  apexClasses: ['StageGateController'],
  customMetadataTypes: [StageGateCriterion, DiscountLadder],
  recordTypes: [NewBusinessDeal],
  locked: true,
});

/**
 * Sales engineers (blueprint 001 Epic 3: technical and security validation in parallel): record
 * the validation evidence on the deals they support (reached through sharing), the technical
 * decision criteria, and the technical commitments made to the customer.
 */
export const SalesEngineer = permissionSet('RevOps_Sales_Engineer', {
  label: 'RevOps: Sales Engineer',
  description:
    'Records technical and security validation and decision criteria on the deals they support; records technical commitments; accepts AE to SE hand-offs.',
  objects: {
    Opportunity: access('RE'),
    Account: access('R'),
    Contact: access('R'),
    Commitment__c: access('CRE'),
    Handoff_Packet__c: access('RE'),
  },
  fields: [
    fieldsOf(Opportunity, {
      edit: false,
      editableFields: [
        'Tech_Validation_Complete__c',
        'Security_Review_Complete__c',
        'Decision_Criteria__c',
        'Risks__c',
      ],
    }),
    fieldsOf(Account, { edit: false }),
    fieldsOf(Contact, { edit: false }),
    fieldsOf(Commitment, { readOnlyFields: stamp }),
    fieldsOf(HandoffPacket, { edit: false, editableFields: ['Status__c', 'Rejection_Reason__c'] }),
    readOnly(...std.opp, ...std.account, forecast),
  ],
  apexClasses: ['StageGateController'],
  customMetadataTypes: [StageGateCriterion],
  locked: true,
});

/**
 * Marketing (blueprint 001 Epic 1): campaigns and the leads they bring, up to MQL. The SLA
 * timestamps, attribution snapshots and the SDR's qualification are read only; deals are read for
 * attribution.
 */
export const Marketing = permissionSet('RevOps_Marketing', {
  label: 'RevOps: Marketing',
  description:
    'Runs campaigns, records their touches, and creates and nurtures leads up to MQL; reads contacts, accounts and deals for attribution.',
  objects: {
    Campaign: access('CRE'),
    Touch__c: access('CRE'),
    Lead: access('CRE'),
    Contact: access('R'),
    Account: access('R'),
    Opportunity: access('R'),
  },
  fields: [
    fieldsOf(Campaign, { readOnlyFields: stamp }),
    fieldsOf(Touch, { readOnlyFields: stamp }),
    fieldsOf(Lead, { readOnlyFields: [...snapshots.Lead, ...qualification] }),
    fieldsOf(Contact, { edit: false }),
    fieldsOf(Account, { edit: false }),
    fieldsOf(Opportunity, { edit: false }),
    editable(...std.lead),
    readOnly(...std.contact, ...std.account, ...std.opp),
  ],
  locked: true,
});

/**
 * The user the lifecycle jobs are scheduled as (LifecycleJob.scheduleAll): reads what the jobs act on,
 * edits only the fields they set, creates renewal deals and ledger rows.
 */
export const LifecycleAutomation = permissionSet('RevOps_Lifecycle_Automation', {
  label: 'RevOps: Lifecycle Automation',
  description:
    'For the user the lifecycle jobs run as: sets the fields the jobs own, creates renewal deals, tasks and ledger rows.',
  // No View All / Modify All (only the RevOps admin set has them): the jobs see and edit what
  // sharing gives this user. Schedule them as an integration user that also holds RevOps_Admin, or
  // share the records read/write with it (exceptions and concessions share read-only by default).
  objects: {
    Account: access('R'),
    Opportunity: access('CRE'),
    Contract: access('R'),
    Handoff_Packet__c: access('RE'),
    Deal_Exception__c: access('RE'),
    Concession__c: access('RE'),
    Commitment__c: access('RE'),
    POC__c: access('RE'),
    Lifecycle_Action__c: access('CR'),
  },
  fields: [
    fieldsOf(Opportunity, {
      edit: false,
      editableFields: [
        'Loss_Reason__c',
        'Stage_Entered_On__c',
        'Renewal_Key__c',
        'ARR__c',
        'Term_Months__c',
        'Next_Step_Date__c',
        'External_Id__c',
      ],
    }),
    fieldsOf(Contract, { edit: false }),
    fieldsOf(HandoffPacket, { edit: false, editableFields: ['SLA_Breached__c'] }),
    fieldsOf(DealException, { edit: false, editableFields: ['Status__c'] }),
    fieldsOf(Concession, { edit: false, editableFields: ['Status__c'] }),
    fieldsOf(Commitment, { edit: false, editableFields: ['Overdue__c'] }),
    fieldsOf(Poc, { edit: false, editableFields: ['Status__c'] }),
    fieldsOf(LifecycleAction),
    editable(Opportunity.field('NextStep'), Opportunity.field('Amount'), Opportunity.field('Type')),
    readOnly(...std.contract),
  ],
  apexClasses: ['LifecycleJob', 'LifecycleJobs', 'LifecycleSources', 'LifecycleLedger', 'LifecycleClock'],
  customMetadataTypes: [LifecycleJobType, LifecycleThresholdType, LifecycleCalendarType],
  recordTypes: [NewBusinessDeal],
  userPermissions: ['EditTask'],
  locked: true,
});

export const rolePermissionSets = [
  SDR,
  AccountExecutive,
  SalesManager,
  SalesEngineer,
  CustomerSuccess,
  Marketing,
  SalesOps,
  FinanceLegal,
  RevOpsAdmin,
  LifecycleAutomation,
];

/** One group per role, so a user is assigned a role, not a list of permission sets. */
export const roleGroups = [
  permissionSetGroup('RevOps_SDR_Role', { label: 'RevOps role: SDR', permissionSets: [SDR] }),
  permissionSetGroup('RevOps_AE_Role', {
    label: 'RevOps role: Account Executive',
    permissionSets: [AccountExecutive, ForecastRep],
  }),
  // Sales managers work their team's deals and submit the manager call on top of the team's roll-up.
  permissionSetGroup('RevOps_Sales_Manager_Role', {
    label: 'RevOps role: Sales Manager',
    permissionSets: [SalesManager, ForecastManagerSet],
  }),
  permissionSetGroup('RevOps_Sales_Engineer_Role', {
    label: 'RevOps role: Sales Engineer',
    permissionSets: [SalesEngineer],
  }),
  permissionSetGroup('RevOps_Customer_Success_Role', {
    label: 'RevOps role: Customer Success and Renewals',
    permissionSets: [CustomerSuccess],
  }),
  permissionSetGroup('RevOps_Marketing_Role', { label: 'RevOps role: Marketing', permissionSets: [Marketing] }),
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
