/**
 * Flows as a small tree: a start, then steps in order. A decision's outcomes hold their own
 * steps and rejoin the main line after the decision, as in Flow Builder's auto-layout.
 */

/** A value in a flow: a literal, or `ref('$Record.CloseDate')` / `ref('NextPushCount')`. */
export type FlowValue = string | number | boolean | { readonly ref: string } | { readonly date: string };
export const ref = (reference: string) => ({ ref: reference });

export type FlowOperator =
  | 'EqualTo'
  | 'NotEqualTo'
  | 'GreaterThan'
  | 'GreaterThanOrEqualTo'
  | 'LessThan'
  | 'LessThanOrEqualTo'
  | 'IsNull'
  | 'IsChanged'
  | 'Contains'
  | 'StartsWith';

export interface FlowCondition {
  /** `$Record.StageName`, a variable or a formula name. */
  readonly left: string;
  readonly operator: FlowOperator;
  readonly right: FlowValue;
}
export const when = (left: string, operator: FlowOperator, right: FlowValue): FlowCondition => ({
  left,
  operator,
  right,
});

/** A filter on the triggering record's own fields (the start element's entry conditions). */
export interface FlowRecordFilter {
  readonly field: string;
  readonly operator: FlowOperator;
  readonly value: FlowValue;
}
export const filter = (field: string, operator: FlowOperator, value: FlowValue): FlowRecordFilter => ({
  field,
  operator,
  value,
});

export interface AssignStep {
  readonly step: 'assign';
  readonly name: string;
  readonly label: string;
  /** `{ '$Record.Push_Count__c': ref('NextPushCount') }` */
  readonly set: Readonly<Record<string, FlowValue>>;
}
export interface UpdateRecordsStep {
  readonly step: 'updateRecords';
  readonly name: string;
  readonly label: string;
  /** Update the triggering record (after-save) or the records of `object` matching `filters`. */
  readonly target:
    { readonly triggeringRecord: true } | { readonly object: string; readonly filters: readonly FlowRecordFilter[] };
  readonly set: Readonly<Record<string, FlowValue>>;
}
export interface CreateRecordStep {
  readonly step: 'createRecord';
  readonly name: string;
  readonly label: string;
  readonly object: string;
  readonly set: Readonly<Record<string, FlowValue>>;
}
export interface DecisionOutcome {
  readonly name: string;
  readonly label: string;
  readonly logic: 'and' | 'or';
  readonly conditions: readonly FlowCondition[];
  readonly then: readonly FlowStep[];
}
export interface DecisionStep {
  readonly step: 'decision';
  readonly name: string;
  readonly label: string;
  readonly outcomes: readonly DecisionOutcome[];
  readonly defaultLabel: string;
}
export type FlowStep = AssignStep | UpdateRecordsStep | CreateRecordStep | DecisionStep;

export const assign = (name: string, label: string, set: Record<string, FlowValue>): AssignStep => ({
  step: 'assign',
  name,
  label,
  set,
});
export const updateTriggeringRecord = (
  name: string,
  label: string,
  set: Record<string, FlowValue>,
): UpdateRecordsStep => ({
  step: 'updateRecords',
  name,
  label,
  target: { triggeringRecord: true },
  set,
});
export const updateRecords = (
  name: string,
  label: string,
  o: { object: string; filters: readonly FlowRecordFilter[]; set: Record<string, FlowValue> },
): UpdateRecordsStep => ({
  step: 'updateRecords',
  name,
  label,
  target: { object: o.object, filters: o.filters },
  set: o.set,
});
export const createRecord = (
  name: string,
  label: string,
  o: { object: string; set: Record<string, FlowValue> },
): CreateRecordStep => ({
  step: 'createRecord',
  name,
  label,
  ...o,
});
export const outcome = (
  name: string,
  label: string,
  o: { all?: readonly FlowCondition[]; any?: readonly FlowCondition[]; then: readonly FlowStep[] },
): DecisionOutcome => ({ name, label, logic: o.any ? 'or' : 'and', conditions: o.any ?? o.all ?? [], then: o.then });
export const decision = (
  name: string,
  label: string,
  outcomes: readonly DecisionOutcome[],
  defaultLabel = 'Otherwise',
): DecisionStep => ({
  step: 'decision',
  name,
  label,
  outcomes,
  defaultLabel,
});

export interface FlowFormulaDef {
  readonly dataType: 'Boolean' | 'Currency' | 'Date' | 'DateTime' | 'Number' | 'String';
  readonly expression: string;
  readonly scale?: number;
}

export interface RecordTriggerStart {
  readonly type: 'recordTriggered';
  readonly object: string;
  /** Before save: fast field updates on the record itself. After save: related records, actions. */
  readonly timing: 'BeforeSave' | 'AfterSave';
  readonly on: 'Create' | 'Update' | 'CreateAndUpdate' | 'Delete';
  readonly filters: readonly FlowRecordFilter[];
  readonly filterLogic: 'and' | 'or';
}
export interface ScheduleStart {
  readonly type: 'scheduled';
  readonly frequency: 'Once' | 'Daily' | 'Weekly';
  readonly startDate: string;
  readonly startTime: string;
  /** Run once per record of `object` matching `filters`. */
  readonly object?: string;
  readonly filters: readonly FlowRecordFilter[];
  readonly filterLogic: 'and' | 'or';
}

export interface FlowDef {
  readonly kind: 'flow';
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly start: RecordTriggerStart | ScheduleStart;
  readonly formulas: Readonly<Record<string, FlowFormulaDef>>;
  readonly steps: readonly FlowStep[];
  readonly active: boolean;
  readonly locked?: boolean;
}

interface FlowOptions {
  label: string;
  description?: string;
  formulas?: Record<string, FlowFormulaDef>;
  steps: readonly FlowStep[];
  active?: boolean;
  locked?: boolean;
}

interface EntryOptions {
  entry?: readonly FlowRecordFilter[];
  entryLogic?: 'and' | 'or';
}

function flow(name: string, o: FlowOptions & EntryOptions, start: FlowDef['start']): FlowDef {
  return {
    kind: 'flow',
    name,
    label: o.label,
    description: o.description,
    start,
    formulas: o.formulas ?? {},
    steps: o.steps,
    active: o.active ?? true,
    locked: o.locked,
  };
}

export const recordTriggeredFlow = (
  name: string,
  o: FlowOptions &
    EntryOptions & { object: string; timing: RecordTriggerStart['timing']; on: RecordTriggerStart['on'] },
): FlowDef =>
  flow(name, o, {
    type: 'recordTriggered',
    object: o.object,
    timing: o.timing,
    on: o.on,
    filters: o.entry ?? [],
    filterLogic: o.entryLogic ?? 'and',
  });

export const scheduledFlow = (
  name: string,
  o: FlowOptions &
    EntryOptions & { frequency: ScheduleStart['frequency']; startDate: string; startTime: string; object?: string },
): FlowDef =>
  flow(name, o, {
    type: 'scheduled',
    frequency: o.frequency,
    startDate: o.startDate,
    startTime: o.startTime,
    object: o.object,
    filters: o.entry ?? [],
    filterLogic: o.entryLogic ?? 'and',
  });

/** What this family adds to the model. */
export interface FlowsModel {
  readonly flows: readonly FlowDef[];
}
