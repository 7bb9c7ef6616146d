/**
 * The routing configuration as the org holds it: custom metadata records, one array per type,
 * each record as Apex sees it (`DeveloperName`, `MasterLabel` and the type's fields). This is
 * the contract between the two routers. The routing family writes these records from the model
 * (scripts/families/routing/records.ts) and deploys them; the Apex router reads them with
 * `getAll()`; the TypeScript router compiles the same records (config.ts); the conformance
 * vectors carry them to the org's tests as a static resource, where Apex deserializes them into
 * the same custom metadata types. Every field is a scalar of 255 characters at most, because
 * `getAll()` returns only the first 255 characters of longer text.
 */

export interface CmdtRecord {
  readonly DeveloperName: string;
  readonly MasterLabel: string;
}

/** One record of settings (`Routing_Setting__mdt.Default`). */
export interface SettingRecord extends CmdtRecord {
  readonly MQL_Threshold__c: number;
  readonly Hot_Threshold__c: number;
  /** Fit and engagement points are capped (002: fit at most 40, engagement at most 60). */
  readonly Fit_Max__c: number;
  readonly Engagement_Max__c: number;
  /** Fast path: segment fit at least this (001: 70) and the fast-path condition. */
  readonly Fast_Path_Fit__c: number;
  readonly Fallback_Queue__c: string;
  readonly Disqualified_Queue__c: string;
  readonly Hold_Queue__c: string;
  /** Calendar for owners who have none and decisions outside a pool (named accounts). */
  readonly Default_Calendar__c: string;
  /** Comma-separated: email domains that never identify a company (gmail.com...). */
  readonly Free_Mail_Domains__c: string;
  /** Comma-separated: suffixes under which companies register (co.uk...): never a company's domain. */
  readonly Public_Suffixes__c: string;
}

export interface CalendarRecord extends CmdtRecord {
  /** IANA time zone (`America/New_York`). */
  readonly Time_Zone__c: string;
  /** Working windows per weekday, `09:00-17:00` or `09:00-12:00,13:00-17:00`; blank when closed. */
  readonly Monday__c: string | null;
  readonly Tuesday__c: string | null;
  readonly Wednesday__c: string | null;
  readonly Thursday__c: string | null;
  readonly Friday__c: string | null;
  readonly Saturday__c: string | null;
  readonly Sunday__c: string | null;
}

export interface HolidayRecord extends CmdtRecord {
  readonly Calendar__c: string;
  /** `YYYY-MM-DD`, a local date of the calendar. */
  readonly Date__c: string;
}

export type AfterHours = 'Assign' | 'Prefer Working' | 'Hold';
export type NobodyAvailable = 'Hold' | 'Queue' | 'Pool';

export interface PoolRecord extends CmdtRecord {
  readonly Calendar__c: string;
  readonly Daily_Cap__c: number | null;
  readonly Weekly_Cap__c: number | null;
  /** What working hours mean for the pool (see engine.ts). */
  readonly After_Hours__c: AfterHours;
  readonly When_Nobody_Available__c: NobodyAvailable;
  /** The queue or pool `Queue` and `Pool` send to. */
  readonly Overflow__c: string | null;
  readonly Description__c: string | null;
}

export type RuleAction = 'Account Owner' | 'Pool' | 'Queue';

export interface RuleRecord extends CmdtRecord {
  readonly Order__c: number;
  readonly Action__c: RuleAction;
  /** The pool or queue (blank for Account Owner). */
  readonly Target__c: string | null;
  readonly Active__c: boolean;
  readonly Description__c: string | null;
}

export type ConditionLogic = 'All' | 'Any' | 'Not' | 'Field';

/**
 * One node of a condition tree. The tree of a rule, signal, disqualifier or SLA is the set of
 * records with its `Owner__c` (`Rule.Enterprise`); `Node__c` is the node's path (`1`, `1.2`,
 * `1.2.1`), children in the order of their last number.
 */
export interface ConditionRecord extends CmdtRecord {
  readonly Owner__c: string;
  readonly Node__c: string;
  readonly Logic__c: ConditionLogic;
  readonly Field__c: string | null;
  readonly Operator__c: string | null;
  /** The value as JSON: `500`, `"Web"`, `true`, `["A","B"]`. */
  readonly Value__c: string | null;
}

export type SignalCategory = 'Fit' | 'Engagement' | 'Negative';

export interface SignalRecord extends CmdtRecord {
  readonly Order__c: number;
  readonly Category__c: SignalCategory;
  readonly Points__c: number;
  /** Points fade `Decay_Per_Week__c` a week once the date in `Decay_Field__c` is older than `Decay_After_Days__c`. */
  readonly Decay_Field__c: string | null;
  readonly Decay_After_Days__c: number | null;
  readonly Decay_Per_Week__c: number | null;
}

export interface DisqualifierRecord extends CmdtRecord {
  readonly Order__c: number;
  /** A value of the Disqualification Reason value set. */
  readonly Reason__c: string;
}

export interface SlaRecord extends CmdtRecord {
  readonly Order__c: number;
  /** Lead date/time fields, set by automation, that start and stop the clock. */
  readonly Start_Field__c: string;
  readonly Stop_Field__c: string;
  readonly Minutes__c: number;
  /** Minutes for fast-path leads (blank: the same). */
  readonly Fast_Path_Minutes__c: number | null;
  /** Re-route the lead when this clock breaches (002: no action in 30 minutes). */
  readonly Reroute_On_Breach__c: boolean;
}

/** The custom metadata types, by API name, and their records. */
export interface RoutingRecords {
  readonly Routing_Setting__mdt: readonly SettingRecord[];
  readonly Routing_Calendar__mdt: readonly CalendarRecord[];
  readonly Routing_Holiday__mdt: readonly HolidayRecord[];
  readonly Routing_Pool__mdt: readonly PoolRecord[];
  readonly Routing_Rule__mdt: readonly RuleRecord[];
  readonly Routing_Condition__mdt: readonly ConditionRecord[];
  readonly Lead_Score_Signal__mdt: readonly SignalRecord[];
  readonly Lead_Disqualifier__mdt: readonly DisqualifierRecord[];
  readonly Lead_SLA__mdt: readonly SlaRecord[];
}

export const RECORD_TYPES = [
  'Routing_Setting__mdt',
  'Routing_Calendar__mdt',
  'Routing_Holiday__mdt',
  'Routing_Pool__mdt',
  'Routing_Rule__mdt',
  'Routing_Condition__mdt',
  'Lead_Score_Signal__mdt',
  'Lead_Disqualifier__mdt',
  'Lead_SLA__mdt',
] as const satisfies readonly (keyof RoutingRecords)[];

/** The one settings record the routers read. */
export const SETTINGS_RECORD = 'Default';

/** Condition owners: what a tree belongs to, as `Owner__c` spells it. */
export const conditionOwner = {
  rule: (name: string) => `Rule.${name}`,
  signal: (name: string) => `Signal.${name}`,
  disqualifier: (name: string) => `Disqualifier.${name}`,
  fastPath: () => 'FastPath',
} as const;
