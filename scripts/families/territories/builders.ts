/**
 * Enterprise Territory Management as model data (blueprint 000 §3, 002 Phase 9 territory-design):
 * one territory model with its types, a Geo → Segment → Vertical hierarchy whose leaves carry
 * account assignment rules, named-account territories (accounts assigned by relationship, by hand),
 * overlay roles (a solutions engineer shared across a capped number of AEs), the balancing
 * criteria `revops territory plan` scores with, and the change log the fiscal-year rule reads.
 * People are not model data: who owns which territory is the dataset's territories.json.
 */

/** Operations a Territory2RuleItem accepts (Metadata API FilterOperation, the ones rules use). */
export type TerritoryRuleOperation = 'equals' | 'notEqual' | 'contains' | 'startsWith' | 'includes' | 'excludes';

export interface TerritoryRuleItem {
  /** An Account field, unqualified (`Geo__c`); written `Account.Geo__c` as a retrieve does. */
  readonly field: string;
  readonly operation: TerritoryRuleOperation;
  /** One value, or several: an account matches any of them (written comma-separated). */
  readonly values: readonly string[];
}

export interface TerritoryTypeDef {
  readonly kind: 'territoryType';
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  /** Opportunity territory assignment picks the account's territory of the highest priority. */
  readonly priority: number;
}

export type AccessLevel = 'Read' | 'Edit' | 'All' | 'None';

export interface TerritoryDef {
  readonly kind: 'territory';
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly type: string;
  readonly parent?: string;
  /** Account rule: every item must hold (AND). Absent on roll-up and named-account territories. */
  readonly rule?: readonly TerritoryRuleItem[];
  /** Accounts come by relationship (manual ObjectTerritory2Association), not by rule. */
  readonly named: boolean;
  readonly accountAccess: AccessLevel;
  readonly opportunityAccess: AccessLevel;
  readonly contactAccess: AccessLevel;
  readonly caseAccess: AccessLevel;
}

export interface OverlayRoleDef {
  readonly name: string;
  readonly label: string;
  /** How many distinct AEs (territory owners) one person in this role may cover at most. */
  readonly maxAEs: number;
}

/** 002 territory-design.yaml `balancing_criteria`: weights in percent, summing to 100. */
export interface BalancingCriteria {
  readonly addressableAccounts: number;
  readonly revenuePotential: number;
  readonly pipeline: number;
  readonly density: number;
}

export type ChangeException = 'Termination' | 'Promotion';

/** A change to the territory design or its ownership, effective on a date. */
export interface TerritoryChangeDef {
  readonly kind: 'territoryChange';
  readonly territory: string;
  readonly effective: string;
  readonly summary: string;
  /** Why it may land off a fiscal-year boundary, and the record that approved it (an RFC, a ticket). */
  readonly exception?: { readonly reason: ChangeException; readonly record: string };
}

export interface TerritoryDesignDef {
  readonly kind: 'territoryDesign';
  /** Territory2Model developer name. */
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  /** Month (1-12) the fiscal year starts; territory changes land on its first day. */
  readonly fiscalYearStartMonth: number;
  readonly types: readonly TerritoryTypeDef[];
  readonly territories: readonly TerritoryDef[];
  readonly overlayRoles: readonly OverlayRoleDef[];
  readonly balancing: BalancingCriteria;
  /** No rep may hold more than this multiple of another rep's TAM (002: 2x). */
  readonly maxTamRatio: number;
  /** Open pipeline a territory needs per quarter, as a multiple of its quarterly bookings run-rate (004: 4x). */
  readonly pipelineCoverage: number;
  /** Share of a new territory's pipeline target marketing seeds (002: 25 %). */
  readonly newTerritoryPipelineSeed: number;
  /** Reasons a change may land between fiscal-year boundaries (002: termination, promotion). */
  readonly changeExceptions: readonly ChangeException[];
  readonly changes: readonly TerritoryChangeDef[];
  readonly locked?: boolean;
}

export const territoryType = (
  name: string,
  o: { label: string; priority: number; description?: string },
): TerritoryTypeDef => ({ kind: 'territoryType', name, ...o });

export const ruleItem = (field: string, operation: TerritoryRuleOperation, ...values: string[]): TerritoryRuleItem => ({
  field,
  operation,
  values,
});

export interface TerritoryOptions {
  label: string;
  type: TerritoryTypeDef;
  parent?: TerritoryDef;
  description?: string;
  rule?: readonly TerritoryRuleItem[];
  named?: boolean;
  accountAccess?: AccessLevel;
  opportunityAccess?: AccessLevel;
  contactAccess?: AccessLevel;
  caseAccess?: AccessLevel;
}

/** Access defaults: owners edit their accounts and deals, read contacts, see no cases. */
export const territory = (name: string, o: TerritoryOptions): TerritoryDef => ({
  kind: 'territory',
  name,
  label: o.label,
  description: o.description,
  type: o.type.name,
  parent: o.parent?.name,
  rule: o.rule,
  named: o.named ?? false,
  accountAccess: o.accountAccess ?? 'Edit',
  opportunityAccess: o.opportunityAccess ?? 'Edit',
  contactAccess: o.contactAccess ?? 'Read',
  caseAccess: o.caseAccess ?? 'None',
});

export const territoryChange = (
  territory: TerritoryDef | string,
  o: { effective: string; summary: string; exception?: TerritoryChangeDef['exception'] },
): TerritoryChangeDef => ({
  kind: 'territoryChange',
  territory: typeof territory === 'string' ? territory : territory.name,
  ...o,
});

export const territoryDesign = (name: string, o: Omit<TerritoryDesignDef, 'kind' | 'name'>): TerritoryDesignDef => ({
  kind: 'territoryDesign',
  name,
  ...o,
});

/** What this family adds to the model. */
export interface TerritoriesModel {
  readonly territoryDesign: TerritoryDesignDef | undefined;
}
