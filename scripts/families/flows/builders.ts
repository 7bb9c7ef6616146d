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
/**
 * Sends an email through Flow's standard Send Email action (`emailSimple`): no template, no IDs to
 * look up. `to` is a comma-separated address list or a reference to one; subject and body are
 * values or references to text formulas.
 */
export interface SendEmailStep {
  readonly step: 'sendEmail';
  readonly name: string;
  readonly label: string;
  readonly to: FlowValue;
  readonly subject: FlowValue;
  readonly body: FlowValue;
}
export type FlowStep = AssignStep | UpdateRecordsStep | CreateRecordStep | DecisionStep | SendEmailStep;

export const sendEmail = (
  name: string,
  label: string,
  o: { to: FlowValue; subject: FlowValue; body: FlowValue },
): SendEmailStep => ({ step: 'sendEmail', name, label, ...o });

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
  /**
   * Flow Builder's "When to Run the Flow for Updated Records": `everyTime` the updated record
   * meets the entry conditions (the default), or `onlyWhenUpdatedToMeet` them, i.e. only when
   * the record before the update did not (`doesRequireRecordChangedToMeetCriteria`).
   */
  readonly runOnUpdate: 'everyTime' | 'onlyWhenUpdatedToMeet';
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

// ------------------------------------------------------------------------------ test cases

/** The ID of a record a test case set up (`idOf('acme')`): a lookup to it. */
export interface SetupRecordId {
  readonly idOf: string;
}
/** A date relative to the day the test runs (`today(30)`): Apex cannot fix the clock. */
export interface RelativeDate {
  readonly today: number;
}
/** In `expect` only: a date/time stamped during the save (`$Flow.CurrentDateTime`). */
export interface SavedAt {
  readonly savedAt: true;
}
/**
 * A field value in a test case, as the REST API and Apex see it: text and picklist values as
 * strings, numbers, checkboxes, dates `YYYY-MM-DD`, date/times ISO 8601 with a zone, `null` for
 * blank, plus `idOf`, `today` and (expectations only) `savedAt`.
 */
export type TestValue = string | number | boolean | null | SetupRecordId | RelativeDate | SavedAt;
export type TestValues = Readonly<Record<string, TestValue>>;

export const idOf = (name: string): SetupRecordId => ({ idOf: name });
export const today = (days = 0): RelativeDate => ({ today: days });
export const savedAt = (): SavedAt => ({ savedAt: true });

/** A record a case inserts before the triggering record (a parent it looks up), named for `idOf`. */
export interface SetupRecord {
  readonly name: string;
  readonly object: string;
  readonly values: TestValues;
}
export const setupRecord = (name: string, object: string, values: TestValues): SetupRecord => ({
  name,
  object,
  values,
});

/**
 * One test case of a record-triggered flow: the records set up first (`given`, parents first),
 * the triggering record as inserted, for update flows the change saved afterwards, and the
 * values of the triggering record's fields once everything is saved. The TypeScript simulator
 * and the generated Apex test run the same case.
 */
export interface FlowTestCase {
  /** What the case shows, as a sentence; unique in the flow (it names the Apex test method). */
  readonly name: string;
  readonly given: readonly SetupRecord[];
  readonly insert: TestValues;
  /** Fields an update changes after the insert (only what the user edits: Apex updates just these). */
  readonly update?: TestValues;
  readonly expect: TestValues;
}
export const flowTest = (
  name: string,
  o: { given?: readonly SetupRecord[]; insert: TestValues; update?: TestValues; expect: TestValues },
): FlowTestCase => ({ name, given: o.given ?? [], insert: o.insert, update: o.update, expect: o.expect });

/** How a flow's test cases run: as a user holding these permission sets (API names). */
export interface FlowTestRunAs {
  readonly permissionSets: readonly string[];
}
export interface FlowTests {
  readonly runAs: FlowTestRunAs;
  readonly cases: readonly FlowTestCase[];
  /** The generated Apex test class; `<flow name>_Test` by default (Apex class names stop at 40 characters). */
  readonly className?: string;
}

// ------------------------------------------------------------------------------ flows

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
  /** Record-triggered flows: test cases, run offline and generated as an Apex test class. */
  readonly tests?: FlowTests;
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

function flow(name: string, o: FlowOptions & EntryOptions, start: FlowDef['start'], tests?: FlowTests): FlowDef {
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
    ...(tests ? { tests } : {}),
  };
}

export const recordTriggeredFlow = (
  name: string,
  o: FlowOptions &
    EntryOptions & {
      object: string;
      timing: RecordTriggerStart['timing'];
      on: RecordTriggerStart['on'];
      runOnUpdate?: RecordTriggerStart['runOnUpdate'];
      /** Test cases, run as a user holding `runAs` permission sets (given as definitions or API names). */
      tests?: { runAs: readonly (string | { name: string })[]; cases: readonly FlowTestCase[]; className?: string };
    },
): FlowDef =>
  flow(
    name,
    o,
    {
      type: 'recordTriggered',
      object: o.object,
      timing: o.timing,
      on: o.on,
      filters: o.entry ?? [],
      filterLogic: o.entryLogic ?? 'and',
      runOnUpdate: o.runOnUpdate ?? 'everyTime',
    },
    o.tests && {
      runAs: { permissionSets: o.tests.runAs.map((p) => (typeof p === 'string' ? p : p.name)) },
      cases: o.tests.cases,
      ...(o.tests.className ? { className: o.tests.className } : {}),
    },
  );

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
