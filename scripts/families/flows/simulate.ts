/**
 * The flow interpreter: runs one record-triggered flow of the model over a record being saved and
 * its prior version, with Salesforce's semantics, so that a flow's test cases run offline and
 * agree with the generated Apex tests that run them in an org.
 *
 * Modelled: the trigger (create / update), entry conditions with `and` / `or` logic and both
 * "when to run for updated records" options, decisions (outcomes in order, the first that holds
 * wins, then the flow rejoins), assignments to `$Record` fields, Update Records on the triggering
 * record (before save: a field update; after save: a second save, see cases.ts), `$Record` (and
 * its parents: `$Record.Account.Name`), `$Record__Prior`, `$Flow.CurrentDate` /
 * `$Flow.CurrentDateTime` from an injected clock, `$GlobalConstant`, and flow formulas evaluated
 * by the project's formula engine (a formula that fails evaluates to null, as in a flow).
 *
 * Not modelled (a flow that uses them fails to simulate, naming the step): Create Records,
 * Update Records on other records, delete-triggered and scheduled flows.
 *
 * Unlike the families' generate hooks, this module evaluates formulas: it is an entry point of its
 * own (the flow-case tests import it), not part of the pipeline behind scripts/families/registry.ts.
 */
import { compileFormula, type EvalContext } from '../../formula/index.ts';
import { resolveFieldPath } from '../../schema/resolve.ts';
import type { DescribeFieldType, Schema } from '../../schema/types.ts';
import type { FlowCondition, FlowDef, FlowOperator, FlowStep, FlowValue, RecordTriggerStart } from './builders.ts';
import { FORMULA_RETURN_TYPES, resolvedFormula } from './formulas.ts';

export type Values = Readonly<Record<string, unknown>>;

/** The clock a flow interview sees: `$Flow.CurrentDateTime` and, in `timeZone`, `$Flow.CurrentDate`. */
export interface FlowClock {
  /** ISO 8601 instant with a zone. */
  readonly now: string;
  /** IANA time zone of the running user (default UTC). */
  readonly timeZone?: string;
}

export interface SimulationContext {
  readonly schema: Schema;
  readonly clock: FlowClock;
  /** Custom permissions the running user holds (`$Permission` in formulas). */
  readonly permissions?: readonly string[];
  /** Fields of the running user (`$User`). */
  readonly user?: Values;
}

/** One save of the triggering record: `prior` is null when it is being created. */
export interface TriggeringSave {
  readonly record: Values;
  readonly prior: Values | null;
}

export interface FlowRun {
  /** False when the trigger or the entry conditions kept the flow from running. */
  readonly ran: boolean;
  /** `$Record` once the flow has finished. */
  readonly record: Values;
  /** The elements the interview went through, in order (decision outcomes as `Decision.Outcome`). */
  readonly path: readonly string[];
  /** After save: an Update Records element changed the triggering record (Salesforce saves it again). */
  readonly updatedTriggeringRecord: boolean;
  /** Formulas that failed to evaluate (a flow treats them as null); for messages. */
  readonly formulaErrors: readonly string[];
}

export class FlowSimulationError extends Error {
  constructor(flow: FlowDef, message: string) {
    super(`Flow ${flow.name}: ${message}`);
    this.name = 'FlowSimulationError';
  }
}

/** Runs `flow` for one save of its triggering record. */
export function runFlow(flow: FlowDef, save: TriggeringSave, ctx: SimulationContext): FlowRun {
  const start = recordTriggerStart(flow);
  const interview = new Interview(flow, start.object, save, ctx);
  if (!triggeredBy(start, save) || !interview.entryConditionsMet(start)) {
    return { ran: false, record: save.record, path: [], updatedTriggeringRecord: false, formulaErrors: [] };
  }
  interview.run(flow.steps);
  return {
    ran: true,
    record: interview.record,
    path: interview.path,
    updatedTriggeringRecord: interview.updatedTriggeringRecord,
    formulaErrors: interview.formulaErrors,
  };
}

function recordTriggerStart(flow: FlowDef): RecordTriggerStart {
  if (flow.start.type !== 'recordTriggered')
    throw new FlowSimulationError(flow, 'only record-triggered flows run here');
  if (flow.start.on === 'Delete') throw new FlowSimulationError(flow, 'delete-triggered flows are not simulated');
  return flow.start;
}

function triggeredBy(start: RecordTriggerStart, save: TriggeringSave): boolean {
  if (save.prior === null) return start.on === 'Create' || start.on === 'CreateAndUpdate';
  return start.on === 'Update' || start.on === 'CreateAndUpdate';
}

// ------------------------------------------------------------------------------ values

/** A value ready to compare: text, number, boolean, a date as `YYYY-MM-DD`, a date/time as epoch ms. */
type Comparable = string | number | boolean | null;

const NUMERIC: ReadonlySet<DescribeFieldType> = new Set(['double', 'int', 'currency', 'percent']);

/** Normalises a value read from a record or a formula by the type it has there. */
export function comparable(value: unknown, type: DescribeFieldType | undefined): Comparable {
  // A checkbox is never blank: unset reads as false.
  if (type === 'boolean') return value === true || value === 'true';
  if (value === null || value === undefined || value === '') return null;
  if (type === 'datetime' && typeof value === 'string') return Date.parse(value);
  if (type === 'date' && typeof value === 'string') return value.slice(0, 10);
  if (type && NUMERIC.has(type)) return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

const FORMULA_FIELD_TYPES: Readonly<Record<string, DescribeFieldType>> = {
  Boolean: 'boolean',
  Currency: 'currency',
  Date: 'date',
  DateTime: 'datetime',
  Number: 'double',
  String: 'string',
};

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(instant: string, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return parts.format(new Date(instant));
}

// ------------------------------------------------------------------------------ the interview

class Interview {
  record: Record<string, unknown>;
  readonly path: string[] = [];
  readonly formulaErrors: string[] = [];
  updatedTriggeringRecord = false;
  private readonly flow: FlowDef;
  private readonly object: string;
  private readonly save: TriggeringSave;
  private readonly ctx: SimulationContext;

  constructor(flow: FlowDef, object: string, save: TriggeringSave, ctx: SimulationContext) {
    this.flow = flow;
    this.object = object;
    this.save = save;
    this.ctx = ctx;
    this.record = { ...save.record };
  }

  /** The start element's conditions, and "only when updated to meet them": the prior must not have met them. */
  entryConditionsMet(start: RecordTriggerStart): boolean {
    if (start.filters.length === 0) return true;
    const conditions = start.filters.map((f) => ({ left: `$Record.${f.field}`, operator: f.operator, right: f.value }));
    if (!this.holds(conditions, start.filterLogic, this.record, this.save.prior)) return false;
    if (start.runOnUpdate === 'everyTime' || this.save.prior === null) return true;
    // The prior record is judged as a record of its own: it has no prior, so IsChanged is false.
    return !this.holds(conditions, start.filterLogic, this.save.prior, null);
  }

  run(steps: readonly FlowStep[]): void {
    for (const step of steps) {
      this.path.push(step.name);
      switch (step.step) {
        case 'assign':
          for (const [target, value] of Object.entries(step.set)) this.assign(step.name, target, value);
          break;
        case 'decision': {
          const chosen = step.outcomes.find((o) => this.holds(o.conditions, o.logic, this.record, this.save.prior));
          this.path.push(`${step.name}.${chosen?.name ?? 'default'}`);
          if (chosen) this.run(chosen.then);
          break;
        }
        case 'updateRecords':
          if (!('triggeringRecord' in step.target))
            throw new FlowSimulationError(this.flow, `step ${step.name} updates other records: not simulated`);
          for (const [field, value] of Object.entries(step.set)) this.assign(step.name, `$Record.${field}`, value);
          if (this.flow.start.type === 'recordTriggered' && this.flow.start.timing === 'AfterSave')
            this.updatedTriggeringRecord = true;
          break;
        case 'createRecord':
          throw new FlowSimulationError(this.flow, `step ${step.name} creates records: not simulated`);
        case 'sendEmail':
          throw new FlowSimulationError(this.flow, `step ${step.name} sends an email: not simulated`);
      }
    }
  }

  private assign(step: string, target: string, value: FlowValue): void {
    const field = /^\$Record\.([A-Za-z0-9_]+)$/.exec(target)?.[1];
    if (!field)
      throw new FlowSimulationError(this.flow, `step ${step} assigns ${target}: only $Record fields are simulated`);
    const resolved = this.value(value);
    this.record[field] = resolved === '' ? null : resolved;
  }

  private holds(
    conditions: readonly FlowCondition[],
    logic: 'and' | 'or',
    record: Values,
    prior: Values | null,
  ): boolean {
    const results = conditions.map((c) => this.condition(c, record, prior));
    return logic === 'and' ? results.every(Boolean) : results.some(Boolean);
  }

  private condition(c: FlowCondition, record: Values, prior: Values | null): boolean {
    const type = this.typeOf(c.left);
    if (c.operator === 'IsChanged') {
      const field = /^\$Record\.([A-Za-z0-9_]+)$/.exec(c.left)?.[1];
      if (!field) throw new FlowSimulationError(this.flow, `IsChanged needs a $Record field, not ${c.left}`);
      // On create there is no prior: nothing has changed (as ISCHANGED() in a formula).
      const changed = prior !== null && comparable(record[field], type) !== comparable(prior[field], type);
      return changed === (this.value(c.right, record, prior) === true);
    }
    const left = comparable(this.reference(c.left, record, prior), type);
    if (c.operator === 'IsNull') return (left === null) === (this.value(c.right, record, prior) === true);
    const right = comparable(this.value(c.right, record, prior), type ?? this.typeOfValue(c.right));
    return compare(c.operator, left, right);
  }

  private value(value: FlowValue, record: Values = this.record, prior: Values | null = this.save.prior): unknown {
    if (typeof value !== 'object') return value;
    if ('date' in value) return value.date;
    return this.reference(value.ref, record, prior);
  }

  /** What an element reference reads: `$Record.X`, `$Record__Prior.X`, `$Flow.*`, `$GlobalConstant.*`, a formula. */
  private reference(ref: string, record: Values, prior: Values | null): unknown {
    const [head, ...path] = ref.split('.');
    switch (head!.toLowerCase()) {
      case '$record':
        return readPath(record, path);
      case '$record__prior':
        return prior === null ? null : readPath(prior, path);
      case '$flow':
        return this.flowGlobal(path.join('.'));
      case '$globalconstant':
        return { emptystring: null, true: true, false: false }[path.join('.').toLowerCase()] ?? null;
    }
    if (this.flow.formulas[ref]) return this.formula(ref, record, prior);
    throw new FlowSimulationError(this.flow, `unknown reference ${ref}`);
  }

  private flowGlobal(name: string): unknown {
    const { now, timeZone } = this.ctx.clock;
    if (name.toLowerCase() === 'currentdatetime') return new Date(now).toISOString();
    if (name.toLowerCase() === 'currentdate') return localDate(now, timeZone);
    throw new FlowSimulationError(this.flow, `$Flow.${name} is not simulated`);
  }

  private formula(name: string, record: Values, prior: Values | null): unknown {
    const def = this.flow.formulas[name]!;
    const compiled = compileFormula(resolvedFormula(this.flow, name), {
      schema: this.ctx.schema,
      object: this.object,
      context: 'flow',
      returnType: FORMULA_RETURN_TYPES[def.dataType],
      ...(def.scale !== undefined ? { scale: def.scale } : {}),
    });
    const evaluation: EvalContext = {
      record,
      prior,
      isNew: prior === null,
      now: this.ctx.clock.now,
      timeZone: this.ctx.clock.timeZone ?? 'UTC',
      permissions: this.ctx.permissions ?? [],
      user: this.ctx.user ?? {},
    };
    try {
      return compiled(evaluation);
    } catch (e) {
      // A flow formula that fails at run time is null (Salesforce: "the formula returns null").
      this.formulaErrors.push(`${name}: ${(e as Error).message}`);
      return null;
    }
  }

  /** The data type of what a condition's left side reads (its field's, or its formula's). */
  private typeOf(ref: string): DescribeFieldType | undefined {
    const [head, ...path] = ref.split('.');
    if (head === '$Record' || head === '$Record__Prior')
      return resolveFieldPath(this.ctx.schema, this.object, path.join('.'))?.type;
    const formula = this.flow.formulas[ref];
    if (formula) return FORMULA_FIELD_TYPES[formula.dataType];
    if (ref === '$Flow.CurrentDate') return 'date';
    if (ref === '$Flow.CurrentDateTime') return 'datetime';
    return undefined;
  }

  private typeOfValue(value: FlowValue): DescribeFieldType | undefined {
    if (typeof value === 'object') return 'date' in value ? 'date' : this.typeOf(value.ref);
    return undefined;
  }
}

/** `path` read from a record, parents nested under their relationship name (`Account.Name`). */
function readPath(record: Values, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const segment of path) {
    if (current === null || current === undefined || typeof current !== 'object') return null;
    current = (current as Values)[segment];
  }
  return current ?? null;
}

/** A flow condition's operator; a blank on either side of an ordering comparison is false, as in Flow. */
function compare(
  operator: Exclude<FlowOperator, 'IsChanged' | 'IsNull'>,
  left: Comparable,
  right: Comparable,
): boolean {
  switch (operator) {
    case 'EqualTo':
      return left === right;
    case 'NotEqualTo':
      return left !== right;
    case 'Contains':
      return typeof left === 'string' && typeof right === 'string' && left.includes(right);
    case 'StartsWith':
      return typeof left === 'string' && typeof right === 'string' && left.startsWith(right);
  }
  if (left === null || right === null) return false;
  switch (operator) {
    case 'GreaterThan':
      return left > right;
    case 'GreaterThanOrEqualTo':
      return left >= right;
    case 'LessThan':
      return left < right;
    case 'LessThanOrEqualTo':
      return left <= right;
  }
}
