/**
 * The funnel: Opportunity stages (probability, forecast category, exit criteria), lead
 * statuses, the sales and lead processes that pick from them, and Path.
 */
import type { FieldRef } from '../../core/model-types.ts';

/**
 * Forecast categories as reps see them (blueprint 002's confidence bands: Commit 90%+, Best Case
 * 60-89%, Pipeline 20-59%, Upside below 20%, Omitted); the generator maps them to metadata names.
 * Salesforce's ForecastCategories enum has no Upside: an Upside stage forecasts as Pipeline in
 * the org, and the model tells the two apart (see FORECAST_CATEGORY_METADATA).
 */
export type ForecastCategory = 'Upside' | 'Pipeline' | 'Best Case' | 'Commit' | 'Closed' | 'Omitted';

/** One exit criterion of a stage: a field that must be filled (a checkbox: ticked) to advance. */
export interface ExitCriterion {
  readonly field: FieldRef;
  /** What the rep must do, shown on the field, in Path and in the stage-gate checklist. */
  readonly guidance: string;
  /** Validation rule name; derived from stage and field unless given (max 40 characters). */
  readonly ruleName?: string;
  /**
   * The segments the criterion applies to (`['ENT']`), read from the stages' `segmentField`;
   * every deal when absent. Exit criteria differ by segment where the blueprint says so.
   */
  readonly segments?: readonly string[];
}
export const required = (
  field: FieldRef,
  guidance: string,
  options: { ruleName?: string; segments?: readonly string[] } = {},
): ExitCriterion => ({
  field,
  guidance,
  ...options,
});

export interface StageDef {
  readonly name: string;
  readonly probability: number;
  readonly forecast: ForecastCategory;
  readonly closed: boolean;
  readonly won: boolean;
  /** Coaching text for Path. */
  readonly guidance?: string;
  /** Criteria a deal must meet before it may move past this stage. */
  readonly exit: readonly ExitCriterion[];
  /** Short name used in generated rule names (defaults to the name without spaces). */
  readonly key?: string;
  /**
   * The key fields Path shows for the stage (at most 5, Salesforce's limit); the exit criteria's
   * fields when not given. A stage with more than 5 exit criteria must choose.
   */
  readonly pathFields?: readonly FieldRef[];
}

interface StageOptions {
  probability: number;
  forecast: ForecastCategory;
  guidance?: string;
  exit?: readonly ExitCriterion[];
  key?: string;
  pathFields?: readonly FieldRef[];
}
export const stage = (name: string, o: StageOptions): StageDef => ({ name, closed: false, won: false, exit: [], ...o });
export const closedWon = (name = 'Closed Won', o: Omit<StageOptions, 'probability' | 'forecast'> = {}): StageDef => ({
  name,
  probability: 100,
  forecast: 'Closed',
  closed: true,
  won: true,
  exit: [],
  ...o,
});
export const closedLost = (name = 'Closed Lost', o: Partial<Omit<StageOptions, 'probability'>> = {}): StageDef => ({
  name,
  probability: 0,
  forecast: 'Omitted',
  closed: true,
  won: false,
  exit: [],
  ...o,
});

export interface OpportunityStagesDef {
  readonly kind: 'opportunityStages';
  readonly stages: readonly StageDef[];
  /** Custom permission whose holders bypass stage gates (integrations, admins). */
  readonly bypassPermission?: string;
  /**
   * The picklist a criterion's `segments` are read from, as a formula path from the opportunity
   * (`Account.Segment__c`).
   */
  readonly segmentField?: string;
  readonly locked?: boolean;
}
export const defineStages = (
  stages: readonly StageDef[],
  options: { bypassPermission?: string; segmentField?: string; locked?: boolean } = {},
): OpportunityStagesDef => ({ kind: 'opportunityStages', stages, ...options });

export interface LeadStatusDef {
  readonly name: string;
  readonly label: string;
  readonly converted: boolean;
  readonly default: boolean;
  readonly description?: string;
}
export const leadStatus = (name: string, o: { converted?: boolean; default?: boolean; description?: string } = {}) =>
  ({ name, label: name, converted: false, default: false, ...o }) satisfies LeadStatusDef;
export interface LeadStatusesDef {
  readonly kind: 'leadStatuses';
  readonly statuses: readonly LeadStatusDef[];
  readonly locked?: boolean;
}
export const defineLeadStatuses = (
  statuses: readonly LeadStatusDef[],
  o: { locked?: boolean } = {},
): LeadStatusesDef => ({
  kind: 'leadStatuses',
  statuses,
  ...o,
});

/** A sales process: which stages a kind of deal may use. */
export interface BusinessProcessDef {
  readonly kind: 'businessProcess';
  readonly object: 'Opportunity' | 'Lead';
  readonly name: string;
  readonly description?: string;
  /** Stage (or lead status) names, in order; a lead process's default is the first (a sales process has none). */
  readonly values: readonly string[];
  readonly locked?: boolean;
}
export const businessProcess = (
  object: BusinessProcessDef['object'],
  name: string,
  o: { values: readonly string[]; description?: string; locked?: boolean },
): BusinessProcessDef => ({ kind: 'businessProcess', object, name, ...o });

/** Path shows at most this many key fields a step. */
export const MAX_PATH_FIELDS = 5;

export interface PathStepDef {
  readonly value: string;
  readonly fields: readonly FieldRef[];
  readonly guidance?: string;
}
/** Path: key fields and guidance per picklist value, shown at the top of the record page. */
export interface PathDef {
  readonly kind: 'path';
  readonly name: string;
  readonly label: string;
  readonly object: string;
  readonly field: string;
  readonly steps: readonly PathStepDef[];
  /** The record type the path shows on (its API name); all records (`__MASTER__`) when absent. */
  readonly recordType?: string;
  readonly locked?: boolean;
}
export const path = (
  name: string,
  o: {
    label: string;
    field: FieldRef;
    steps: readonly PathStepDef[];
    recordType?: { readonly name: string };
    locked?: boolean;
  },
): PathDef => ({
  kind: 'path',
  name,
  label: o.label,
  object: o.field.object,
  field: o.field.field,
  steps: o.steps,
  recordType: o.recordType?.name,
  locked: o.locked,
});

/** What this family adds to the model. */
export interface StagesModel {
  readonly opportunityStages?: OpportunityStagesDef;
  readonly leadStatuses?: LeadStatusesDef;
  readonly businessProcesses: readonly BusinessProcessDef[];
  readonly paths: readonly PathDef[];
}
