/**
 * A flow's test cases, run offline the way the generated Apex test runs them in an org: as a user
 * holding the case's permission sets, insert the records set up (`given`, parents first), then
 * insert the triggering record, then save its update, and read the fields the case expects.
 *
 * Each save goes through what the org does with it for the model's definitions: the object's
 * active before-save flows (in model order), formula fields, every active validation rule of the
 * object (with the running user's custom permissions: a rule that blocks is a problem, because it
 * would fail the Apex test), field lengths and number scales, then its after-save flows; an
 * after-save flow that updates the triggering record saves it again (before-save flows and rules
 * run again; an after-save flow runs once per record). Required fields are not checked here: the
 * org reports them.
 */
import { compileFormula } from '../../formula/index.ts';
import type { Schema } from '../../schema/types.ts';
import type { ObjectsModel } from '../objects/index.ts';
import type { SecurityModel } from '../security/index.ts';
import type { ValidationRulesModel } from '../validation-rules/index.ts';
import type { FlowDef, FlowsModel, FlowTestCase, TestValue, TestValues } from './builders.ts';
import { comparable, FlowSimulationError, localDate, runFlow, type FlowClock, type Values } from './simulate.ts';

/** What the cases read of the model: flows, and what a save runs or needs beside them. */
export type FlowCaseModel = FlowsModel & ValidationRulesModel & ObjectsModel & SecurityModel;

export interface FlowCaseOptions {
  readonly schema: Schema;
  readonly clock: FlowClock;
}

export interface FlowCaseResult {
  /** Empty when the case holds; otherwise each names what went wrong (a field, a rule...). */
  readonly problems: readonly string[];
  /** The triggering record as saved (undefined when a save failed). */
  readonly record?: Values;
}

/** The Id the offline org gives a record: its name in the case (`given`), `record` for the triggering one. */
const TRIGGERING = 'record';

/** Runs one test case of `flow`; the result lists every expectation the saved record does not meet. */
export function runFlowCase(
  model: FlowCaseModel,
  flow: FlowDef,
  testCase: FlowTestCase,
  options: FlowCaseOptions,
): FlowCaseResult {
  const object = flow.start.object;
  if (flow.start.type !== 'recordTriggered' || !object) return { problems: ['only record-triggered flows have cases'] };
  const org = new OfflineOrg(model, options, runAsPermissions(model, flow));
  try {
    for (const given of testCase.given) org.insert(given.object, given.name, given.values);
    const inserted = org.insert(object, TRIGGERING, testCase.insert);
    const saved = testCase.update ? org.update(object, inserted, testCase.update) : inserted;
    return { problems: [...org.problems, ...org.expectationProblems(object, testCase.expect, saved)], record: saved };
  } catch (e) {
    if (e instanceof FlowSimulationError || e instanceof SaveRejected)
      return { problems: [...org.problems, e.message] };
    throw e;
  }
}

/** Custom permissions held through the permission sets the flow's tests run as. */
function runAsPermissions(model: FlowCaseModel, flow: FlowDef): string[] {
  const names = new Set(flow.tests?.runAs.permissionSets ?? []);
  return model.permissionSets.filter((p) => names.has(p.name)).flatMap((p) => p.customPermissions);
}

class SaveRejected extends Error {}

/** Adds `days` to a `YYYY-MM-DD` date. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The org, as far as the saves of one case go: records by Id, and what went wrong. */
class OfflineOrg {
  readonly problems: string[] = [];
  private readonly saved = new Map<string, Values>();
  private readonly model: FlowCaseModel;
  private readonly options: FlowCaseOptions;
  private readonly permissions: readonly string[];

  constructor(model: FlowCaseModel, options: FlowCaseOptions, permissions: readonly string[]) {
    this.model = model;
    this.options = options;
    this.permissions = permissions;
  }

  insert(object: string, id: string, values: TestValues): Values {
    const record = this.save(object, { ...this.resolve(object, values), Id: id }, null);
    this.saved.set(id, record);
    return record;
  }

  update(object: string, before: Values, changes: TestValues): Values {
    const record = this.save(object, { ...before, ...this.resolve(object, changes) }, before);
    this.saved.set(String(before.Id), record);
    return record;
  }

  /** The test value as the org stores it; a lookup to a record set up also brings that record under its relationship name. */
  private resolve(object: string, values: TestValues): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
      out[field] = this.valueOf(value);
      const parent =
        typeof value === 'object' && value !== null && 'idOf' in value ? this.saved.get(value.idOf) : undefined;
      const relationship = this.options.schema.object(object)?.field(field)?.relationshipName;
      if (parent && relationship) out[relationship] = parent;
    }
    return out;
  }

  private valueOf(value: TestValue): unknown {
    if (value === null || typeof value !== 'object') return value;
    if ('idOf' in value) return value.idOf;
    if ('today' in value) return addDays(localDate(this.options.clock.now, this.options.clock.timeZone), value.today);
    return new Date(this.options.clock.now).toISOString();
  }

  private save(object: string, record: Values, prior: Values | null, afterSaveRan = new Set<string>()): Values {
    const flows = this.model.flows.filter(
      (f) => f.active && f.start.type === 'recordTriggered' && f.start.object === object && f.start.on !== 'Delete',
    );
    const context = { schema: this.options.schema, clock: this.options.clock, permissions: this.permissions };
    let current = record;
    for (const flow of flows.filter((f) => f.start.type === 'recordTriggered' && f.start.timing === 'BeforeSave'))
      current = runFlow(flow, { record: current, prior }, context).record;
    current = this.stored(object, this.withFormulaFields(object, current));
    this.validate(object, current, prior);
    for (const flow of flows.filter((f) => f.start.type === 'recordTriggered' && f.start.timing === 'AfterSave')) {
      if (afterSaveRan.has(flow.name)) continue;
      afterSaveRan.add(flow.name);
      const run = runFlow(flow, { record: current, prior }, context);
      if (run.updatedTriggeringRecord) current = this.save(object, run.record, current, afterSaveRan);
    }
    return current;
  }

  /** Values as the database keeps them: numbers at their field's scale; text longer than its field is rejected. */
  private stored(object: string, record: Values): Values {
    const out: Record<string, unknown> = { ...record };
    for (const [name, value] of Object.entries(record)) {
      const field = this.options.schema.object(object)?.field(name);
      if (!field || field.calculated || value === null || value === undefined) continue;
      if (typeof value === 'number' && field.scale !== undefined) out[name] = roundHalfUp(value, field.scale);
      if (typeof value === 'string' && field.length !== undefined && value.length > field.length)
        throw new SaveRejected(
          `the org would reject the ${object} save: ${name} holds ${field.length} characters, the value has ${value.length}`,
        );
    }
    return out;
  }

  private withFormulaFields(object: string, record: Values): Values {
    const def = this.model.objects.find((o) => o.apiName === object);
    const out: Record<string, unknown> = { ...record };
    for (const [name, field] of Object.entries(def?.fields ?? {})) {
      if (field.type !== 'Formula') continue;
      const formula = compileFormula(field.formula, {
        schema: this.options.schema,
        object,
        context: 'formulaField',
        returnType: field.returns,
        blankAsZero: field.blanks === 'zero',
      });
      out[name] = formula({ record: out, now: this.options.clock.now, permissions: this.permissions });
    }
    return out;
  }

  /** Every active validation rule of the object, as the running user: one that blocks would fail the Apex test. */
  private validate(object: string, record: Values, prior: Values | null): void {
    for (const rule of this.model.validationRules.filter((r) => r.object === object && r.active)) {
      const formula = compileFormula(rule.formula, { schema: this.options.schema, object, context: 'validationRule' });
      const context = { record, prior, now: this.options.clock.now, permissions: this.permissions };
      if (formula(context) === true)
        throw new SaveRejected(
          `validation rule ${rule.name} blocks the ${object} ${prior ? 'update' : 'insert'} ("${rule.message}"): the Apex test would fail there`,
        );
    }
  }

  /** Each expected field the saved record does not hold, as `Field: expected X, got Y`. */
  expectationProblems(object: string, expect: TestValues, saved: Values): string[] {
    const problems: string[] = [];
    for (const [name, expected] of Object.entries(expect)) {
      const type = this.options.schema.object(object)?.field(name)?.type;
      const want = comparable(this.valueOf(expected), type);
      const got = comparable(saved[name], type);
      if (want !== got) problems.push(`${name}: expected ${show(expected)}, got ${show(saved[name] ?? null)}`);
    }
    return problems;
  }
}

function roundHalfUp(value: number, scale: number): number {
  const factor = 10 ** scale;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON)) / factor;
}

function show(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    if ('today' in value) return `today(${String(value.today)})`;
    if ('savedAt' in value) return 'the time of the save';
    if ('idOf' in value) return `the Id of ${String(value.idOf)}`;
  }
  return JSON.stringify(value);
}
