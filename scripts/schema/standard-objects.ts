import type { DescribeFieldType, SchemaField } from './types.ts';

/**
 * The standard objects and fields RevOps OS builds on, with the types an sObject describe
 * reports for them. Standard picklists that the model redefines (Opportunity stages, lead
 * statuses) take their values from the model, not from here.
 */
type Extra = Partial<Omit<SchemaField, 'name' | 'label' | 'type' | 'custom'>>;
type Spec = readonly [type: DescribeFieldType, label: string, extra?: Extra];

const ref = (label: string, relationshipName: string, ...referenceTo: string[]): Spec => [
  'reference',
  label,
  { referenceTo, relationshipName },
];
const owner: Spec = ref('Owner ID', 'Owner', 'User');
const recordType: Spec = ref('Record Type ID', 'RecordType', 'RecordType');
const audit = {
  Id: ['id', 'Record ID', { nillable: false }],
  IsDeleted: ['boolean', 'Deleted', { nillable: false }],
  CreatedById: ref('Created By ID', 'CreatedBy', 'User'),
  CreatedDate: ['datetime', 'Created Date', { nillable: false }],
  LastModifiedById: ref('Last Modified By ID', 'LastModifiedBy', 'User'),
  LastModifiedDate: ['datetime', 'Last Modified Date', { nillable: false }],
  SystemModstamp: ['datetime', 'System Modstamp', { nillable: false }],
} as const satisfies Record<string, Spec>;

const address = (prefix: string, label: string): Record<string, Spec> => ({
  [`${prefix}Street`]: ['textarea', `${label} Street`],
  [`${prefix}City`]: ['string', `${label} City`],
  [`${prefix}State`]: ['string', `${label} State/Province`],
  [`${prefix}PostalCode`]: ['string', `${label} Zip/Postal Code`],
  [`${prefix}Country`]: ['string', `${label} Country`],
  [`${prefix}Address`]: ['address', `${label} Address`],
});

export const STANDARD_OBJECTS = {
  Account: {
    label: 'Account',
    fields: {
      ...audit,
      Name: ['string', 'Account Name', { nillable: false, length: 255 }],
      ParentId: ref('Parent Account ID', 'Parent', 'Account'),
      Type: [
        'picklist',
        'Account Type',
        {
          picklistValues: [
            'Prospect',
            'Customer - Direct',
            'Customer - Channel',
            'Channel Partner / Reseller',
            'Installation Partner',
            'Technology Partner',
            'Other',
          ],
        },
      ],
      Industry: [
        'picklist',
        'Industry',
        {
          picklistValues: [
            'Agriculture',
            'Apparel',
            'Banking',
            'Biotechnology',
            'Chemicals',
            'Communications',
            'Construction',
            'Consulting',
            'Education',
            'Electronics',
            'Energy',
            'Engineering',
            'Entertainment',
            'Environmental',
            'Finance',
            'Food & Beverage',
            'Government',
            'Healthcare',
            'Hospitality',
            'Insurance',
            'Machinery',
            'Manufacturing',
            'Media',
            'Not For Profit',
            'Recreation',
            'Retail',
            'Shipping',
            'Technology',
            'Telecommunications',
            'Transportation',
            'Utilities',
            'Other',
          ],
        },
      ],
      AccountSource: [
        'picklist',
        'Account Source',
        { picklistValues: ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'] },
      ],
      Website: ['url', 'Website', { length: 255 }],
      Phone: ['phone', 'Account Phone'],
      AnnualRevenue: ['currency', 'Annual Revenue', { precision: 18, scale: 0 }],
      NumberOfEmployees: ['int', 'Employees', { precision: 8, scale: 0 }],
      Description: ['textarea', 'Account Description', { length: 32000 }],
      AccountNumber: ['string', 'Account Number', { length: 40 }],
      Rating: ['picklist', 'Account Rating', { picklistValues: ['Hot', 'Warm', 'Cold'] }],
      Ownership: ['picklist', 'Ownership', { picklistValues: ['Public', 'Private', 'Subsidiary', 'Other'] }],
      Site: ['string', 'Account Site', { length: 80 }],
      LastActivityDate: ['date', 'Last Activity'],
      RecordTypeId: recordType,
      OwnerId: owner,
      ...address('Billing', 'Billing'),
      ...address('Shipping', 'Shipping'),
    },
  },
  Contact: {
    label: 'Contact',
    fields: {
      ...audit,
      AccountId: ref('Account ID', 'Account', 'Account'),
      FirstName: ['string', 'First Name', { length: 40 }],
      LastName: ['string', 'Last Name', { nillable: false, length: 80 }],
      Name: ['string', 'Full Name', { nillable: false, length: 121 }],
      Email: ['email', 'Email', { length: 80 }],
      Phone: ['phone', 'Business Phone'],
      Title: ['string', 'Title', { length: 128 }],
      Department: ['string', 'Department', { length: 80 }],
      LeadSource: [
        'picklist',
        'Lead Source',
        { picklistValues: ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'] },
      ],
      ReportsToId: ref('Reports To ID', 'ReportsTo', 'Contact'),
      HasOptedOutOfEmail: ['boolean', 'Email Opt Out', { nillable: false }],
      MobilePhone: ['phone', 'Mobile Phone'],
      Birthdate: ['date', 'Birthdate'],
      LastActivityDate: ['date', 'Last Activity'],
      RecordTypeId: recordType,
      OwnerId: owner,
      ...address('Mailing', 'Mailing'),
    },
  },
  Lead: {
    label: 'Lead',
    fields: {
      ...audit,
      FirstName: ['string', 'First Name', { length: 40 }],
      LastName: ['string', 'Last Name', { nillable: false, length: 80 }],
      Name: ['string', 'Full Name', { nillable: false, length: 121 }],
      Company: ['string', 'Company', { nillable: false, length: 255 }],
      Email: ['email', 'Email', { length: 80 }],
      Phone: ['phone', 'Phone'],
      Title: ['string', 'Title', { length: 128 }],
      Website: ['url', 'Website', { length: 255 }],
      Status: ['picklist', 'Lead Status', { nillable: false }],
      LeadSource: [
        'picklist',
        'Lead Source',
        { picklistValues: ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'] },
      ],
      Industry: ['picklist', 'Industry'],
      Rating: ['picklist', 'Rating', { picklistValues: ['Hot', 'Warm', 'Cold'] }],
      NumberOfEmployees: ['int', 'Employees', { precision: 8, scale: 0 }],
      AnnualRevenue: ['currency', 'Annual Revenue', { precision: 18, scale: 0 }],
      IsConverted: ['boolean', 'Converted', { nillable: false }],
      ConvertedDate: ['date', 'Converted Date'],
      ConvertedAccountId: ref('Converted Account ID', 'ConvertedAccount', 'Account'),
      ConvertedContactId: ref('Converted Contact ID', 'ConvertedContact', 'Contact'),
      ConvertedOpportunityId: ref('Converted Opportunity ID', 'ConvertedOpportunity', 'Opportunity'),
      IsUnreadByOwner: ['boolean', 'Unread By Owner', { nillable: false }],
      MobilePhone: ['phone', 'Mobile Phone'],
      Description: ['textarea', 'Description', { length: 32000 }],
      HasOptedOutOfEmail: ['boolean', 'Email Opt Out', { nillable: false }],
      LastActivityDate: ['date', 'Last Activity'],
      RecordTypeId: recordType,
      OwnerId: ref('Owner ID', 'Owner', 'User', 'Group'),
      ...address('', ''),
    },
  },
  Opportunity: {
    label: 'Opportunity',
    fields: {
      ...audit,
      Name: ['string', 'Name', { nillable: false, length: 120 }],
      AccountId: ref('Account ID', 'Account', 'Account'),
      StageName: ['picklist', 'Stage', { nillable: false }],
      Amount: ['currency', 'Amount', { precision: 18, scale: 2 }],
      Probability: ['percent', 'Probability (%)', { precision: 3, scale: 0 }],
      ExpectedRevenue: ['currency', 'Expected Amount', { precision: 18, scale: 2, calculated: true }],
      CloseDate: ['date', 'Close Date', { nillable: false }],
      Type: [
        'picklist',
        'Opportunity Type',
        {
          picklistValues: [
            'Existing Customer - Upgrade',
            'Existing Customer - Replacement',
            'Existing Customer - Downgrade',
            'New Customer',
          ],
        },
      ],
      NextStep: ['string', 'Next Step', { length: 255 }],
      LeadSource: [
        'picklist',
        'Lead Source',
        { picklistValues: ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'] },
      ],
      IsClosed: ['boolean', 'Closed', { nillable: false }],
      IsWon: ['boolean', 'Won', { nillable: false }],
      ForecastCategory: [
        'picklist',
        'Forecast Category',
        { nillable: false, picklistValues: ['Omitted', 'Pipeline', 'BestCase', 'Forecast', 'Closed'] },
      ],
      ForecastCategoryName: [
        'picklist',
        'Forecast Category',
        { picklistValues: ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'] },
      ],
      CampaignId: ref('Campaign ID', 'Campaign', 'Campaign'),
      ContractId: ref('Contract ID', 'Contract', 'Contract'),
      Description: ['textarea', 'Description', { length: 32000 }],
      HasOpportunityLineItem: ['boolean', 'Has Line Item', { nillable: false }],
      LastActivityDate: ['date', 'Last Activity'],
      LastStageChangeDate: ['datetime', 'Last Stage Change Date'],
      FiscalQuarter: ['int', 'Fiscal Quarter'],
      FiscalYear: ['int', 'Fiscal Year'],
      Fiscal: ['string', 'Fiscal Period', { length: 6 }],
      TotalOpportunityQuantity: ['double', 'Quantity', { precision: 18, scale: 2 }],
      IsPrivate: ['boolean', 'Private', { nillable: false }],
      RecordTypeId: recordType,
      OwnerId: owner,
    },
  },
  Contract: {
    label: 'Contract',
    fields: {
      ...audit,
      AccountId: ref('Account ID', 'Account', 'Account'),
      ContractNumber: ['string', 'Contract Number', { nillable: false, length: 30 }],
      Status: [
        'picklist',
        'Status',
        { nillable: false, picklistValues: ['In Approval Process', 'Activated', 'Draft'] },
      ],
      StartDate: ['date', 'Contract Start Date'],
      EndDate: ['date', 'Contract End Date'],
      ContractTerm: ['int', 'Contract Term (months)', { precision: 4, scale: 0 }],
      OwnerExpirationNotice: [
        'picklist',
        'Owner Expiration Notice',
        { picklistValues: ['15', '30', '45', '60', '90', '120'] },
      ],
      SpecialTerms: ['textarea', 'Special Terms', { length: 4000 }],
      Description: ['textarea', 'Description', { length: 32000 }],
      CustomerSignedId: ref('Customer Signed By ID', 'CustomerSigned', 'Contact'),
      CustomerSignedDate: ['date', 'Customer Signed Date'],
      ActivatedDate: ['datetime', 'Activated Date'],
      RecordTypeId: recordType,
      OwnerId: owner,
      ...address('Billing', 'Billing'),
    },
  },
  Campaign: {
    label: 'Campaign',
    fields: {
      ...audit,
      Name: ['string', 'Campaign Name', { nillable: false, length: 80 }],
      Type: [
        'picklist',
        'Type',
        {
          picklistValues: [
            'Conference',
            'Webinar',
            'Trade Show',
            'Public Relations',
            'Partners',
            'Referral Program',
            'Advertisement',
            'Banner Ads',
            'Direct Mail',
            'Email',
            'Telemarketing',
            'Other',
          ],
        },
      ],
      Status: ['picklist', 'Status', { picklistValues: ['In Progress', 'Completed', 'Aborted', 'Planned'] }],
      StartDate: ['date', 'Start Date'],
      EndDate: ['date', 'End Date'],
      IsActive: ['boolean', 'Active', { nillable: false }],
      BudgetedCost: ['currency', 'Budgeted Cost in Campaign', { precision: 18, scale: 0 }],
      ActualCost: ['currency', 'Actual Cost in Campaign', { precision: 18, scale: 0 }],
      ExpectedRevenue: ['currency', 'Expected Revenue in Campaign', { precision: 18, scale: 0 }],
      ParentId: ref('Parent Campaign ID', 'Parent', 'Campaign'),
      RecordTypeId: recordType,
      OwnerId: owner,
    },
  },
  User: {
    label: 'User',
    fields: {
      ...audit,
      Username: ['string', 'Username', { nillable: false, length: 80 }],
      FirstName: ['string', 'First Name', { length: 40 }],
      LastName: ['string', 'Last Name', { nillable: false, length: 80 }],
      Name: ['string', 'Full Name', { nillable: false, length: 121 }],
      Alias: ['string', 'Alias', { nillable: false, length: 8 }],
      Email: ['email', 'Email', { nillable: false, length: 128 }],
      Title: ['string', 'Title', { length: 80 }],
      Department: ['string', 'Department', { length: 80 }],
      Division: ['string', 'Division', { length: 80 }],
      IsActive: ['boolean', 'Active', { nillable: false }],
      ProfileId: ref('Profile ID', 'Profile', 'Profile'),
      UserRoleId: ref('Role ID', 'UserRole', 'UserRole'),
      ManagerId: ref('Manager ID', 'Manager', 'User'),
      TimeZoneSidKey: ['picklist', 'Time Zone', { nillable: false }],
      LocaleSidKey: ['picklist', 'Locale', { nillable: false }],
      LanguageLocaleKey: ['picklist', 'Language', { nillable: false }],
      CommunityNickname: ['string', 'Nickname', { length: 40 }],
      CompanyName: ['string', 'Company Name', { length: 80 }],
      Phone: ['phone', 'Phone'],
      FederationIdentifier: ['string', 'Federation ID', { length: 512 }],
      EmployeeNumber: ['string', 'Employee Number', { length: 20 }],
      UserType: [
        'picklist',
        'User Type',
        {
          nillable: false,
          picklistValues: [
            'Standard',
            'PowerPartner',
            'CspLitePortal',
            'CustomerSuccess',
            'PowerCustomerSuccess',
            'CsnOnly',
            'Guest',
          ],
        },
      ],
    },
  },
  Profile: {
    label: 'Profile',
    fields: {
      Id: ['id', 'Profile ID', { nillable: false }],
      Name: ['string', 'Name', { nillable: false, length: 255 }],
    },
  },
  UserRole: {
    label: 'Role',
    fields: {
      Id: ['id', 'Role ID', { nillable: false }],
      Name: ['string', 'Name', { nillable: false, length: 80 }],
      DeveloperName: ['string', 'Developer Name', { nillable: false, length: 80 }],
    },
  },
  Organization: {
    label: 'Organization',
    fields: {
      Id: ['id', 'Organization ID', { nillable: false }],
      Name: ['string', 'Name', { nillable: false, length: 80 }],
      Division: ['string', 'Division', { length: 80 }],
      Street: ['textarea', 'Street'],
      City: ['string', 'City', { length: 40 }],
      State: ['string', 'State/Province', { length: 80 }],
      PostalCode: ['string', 'Zip/Postal Code', { length: 20 }],
      Country: ['string', 'Country', { length: 80 }],
      Phone: ['phone', 'Phone'],
      DefaultLocaleSidKey: ['picklist', 'Locale', { nillable: false }],
      TimeZoneSidKey: ['picklist', 'Default Time Zone', { nillable: false }],
      LanguageLocaleKey: ['picklist', 'Language', { nillable: false }],
      OrganizationType: ['picklist', 'Edition', { nillable: false }],
      IsSandbox: ['boolean', 'Is Sandbox', { nillable: false }],
      FiscalYearStartMonth: ['int', 'Fiscal Year Starts In', { nillable: false }],
    },
  },
  RecordType: {
    label: 'Record Type',
    fields: {
      Id: ['id', 'Record Type ID', { nillable: false }],
      Name: ['string', 'Name', { nillable: false, length: 80 }],
      DeveloperName: ['string', 'Developer Name', { nillable: false, length: 80 }],
      SobjectType: ['picklist', 'SObject Type Name', { nillable: false }],
      IsActive: ['boolean', 'Active', { nillable: false }],
    },
  },
} as const satisfies Record<string, { label: string; fields: Record<string, Spec> }>;

export type StandardObjectName = keyof typeof STANDARD_OBJECTS;
export type StandardFieldName<O extends StandardObjectName> = keyof (typeof STANDARD_OBJECTS)[O]['fields'] & string;

/** The standard fields of an object as describe-shaped fields (empty for custom objects). */
export function standardFields(objectName: string): SchemaField[] {
  const entry = (STANDARD_OBJECTS as Record<string, { fields: Record<string, Spec> }>)[objectName];
  if (!entry) return [];
  return Object.entries(entry.fields).map(([name, [type, label, extra]]) => ({
    name,
    label,
    type,
    custom: false,
    nillable: true,
    ...extra,
  }));
}

export function isStandardObject(name: string): name is StandardObjectName {
  return Object.hasOwn(STANDARD_OBJECTS, name);
}

/** Fields every custom object has, whatever the model says. */
export function customObjectSystemFields(objectName: string): SchemaField[] {
  return Object.entries({ ...audit, OwnerId: owner }).map(([name, [type, label, extra]]) => ({
    name,
    label: label.replace('Record', objectName),
    type,
    custom: false,
    nillable: true,
    ...extra,
  }));
}
