/**
 * The Salesforce fields the report reads, per object: one list that decides what the DuckDB
 * staging loads from a dataset's NDJSON files and what `--target-org` queries through Bulk API
 * 2.0. A dataset may lack an optional object or field (the seed has no CreatedDate, owners or
 * OpportunityHistory): it reads as empty/NULL, and the report says which metric that leaves out.
 */

export type SourceColumn =
  | { readonly name: string; readonly type: 'text' | 'number' | 'date' | 'datetime' | 'boolean' }
  /**
   * A lookup, written as in a dataset: `{"Account": {"External_Id__c": "ACC-1"}}`; from an org the
   * parent's External_Id__c, or its Salesforce Id where it has none (`idField`).
   */
  | {
      readonly name: string;
      readonly type: 'lookup';
      readonly idField: string;
      /** The parent field the lookup holds: External_Id__c, or Name for users. */
      readonly key: 'External_Id__c' | 'Name';
    };

export interface SourceObject {
  readonly sobject: string;
  /** Without it there is nothing to report (an error, not a missing metric). */
  readonly required: boolean;
  /** Only an org has it (Salesforce writes it; a dataset cannot load it). */
  readonly orgOnly?: boolean;
  /** A SOQL filter for the extract (the report's own scope). */
  readonly where?: string;
  readonly columns: readonly SourceColumn[];
}

const text = (name: string) => ({ name, type: 'text' }) as const;
const number = (name: string) => ({ name, type: 'number' }) as const;
const date = (name: string) => ({ name, type: 'date' }) as const;
const datetime = (name: string) => ({ name, type: 'datetime' }) as const;
const lookup = (name: string, idField: string, key: 'External_Id__c' | 'Name' = 'External_Id__c') =>
  ({ name, type: 'lookup', idField, key }) as const;

export const EXTERNAL_ID = 'External_Id__c';

export const SOURCE_OBJECTS: readonly SourceObject[] = [
  {
    sobject: 'Account',
    required: true,
    columns: [text(EXTERNAL_ID), text('Segment__c'), text('Website_Domain__c')],
  },
  {
    sobject: 'Lead',
    required: false,
    columns: [
      text(EXTERNAL_ID),
      text('Status'),
      text('Segment__c'),
      text('Lead_Source_Original__c'),
      text('Email'),
      datetime('MQL_Date__c'),
      datetime('First_Touch_At__c'),
      text('Disqualification_Reason__c'),
      lookup('ConvertedOpportunity', 'ConvertedOpportunityId'),
    ],
  },
  {
    sobject: 'Opportunity',
    required: true,
    columns: [
      text(EXTERNAL_ID),
      lookup('Account', 'AccountId'),
      lookup('Contract', 'ContractId'),
      text('Type'),
      text('StageName'),
      date('CloseDate'),
      number('Amount'),
      text('NextStep'),
      date('Next_Step_Date__c'),
      text('Lead_Source_Original__c'),
      text('Primary_Competitor__c'),
      text('Loss_Reason__c'),
      text('Slip_Reason__c'),
      number('Push_Count__c'),
      datetime('CreatedDate'),
      lookup('Owner', 'OwnerId', 'Name'),
    ],
  },
  {
    sobject: 'Contract',
    required: false,
    columns: [
      text(EXTERNAL_ID),
      lookup('Account', 'AccountId'),
      text('Status'),
      date('StartDate'),
      number('ContractTerm'),
      number('ARR__c'),
      text('Renewal_Type__c'),
      text('Churn_Reason__c'),
      number('Uplift_Percent__c'),
    ],
  },
  {
    sobject: 'Handoff_Packet__c',
    required: false,
    where: "Handoff_Type__c = 'SDR to AE'",
    columns: [
      text(EXTERNAL_ID),
      text('Handoff_Type__c'),
      lookup('Lead__r', 'Lead__c'),
      lookup('Opportunity__r', 'Opportunity__c'),
    ],
  },
  {
    // Salesforce keeps one row per change of stage, amount, close date or probability.
    sobject: 'OpportunityHistory',
    required: false,
    orgOnly: true,
    columns: [
      text(EXTERNAL_ID),
      lookup('Opportunity', 'OpportunityId'),
      datetime('CreatedDate'),
      text('StageName'),
      number('Amount'),
      date('CloseDate'),
      number('Probability'),
      text('ForecastCategory'),
    ],
  },
];
