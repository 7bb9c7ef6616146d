/**
 * A flow's test cases, checked before anything is generated: every active record-triggered flow
 * has some (a production deploy needs Apex tests covering each active flow), and each case is
 * one both the simulator and the generated Apex can run — fields that exist, values of their
 * types, lookups to records set up earlier, permission sets that exist and let the test read
 * what it asserts (the Apex test queries WITH USER_MODE).
 */
import type { CheckContext } from '../../core/checks.ts';
import { originOf } from '../../core/origin.ts';
import type { SchemaField } from '../../schema/types.ts';
import type { SecurityModel } from '../security/index.ts';
import type { FlowDef, FlowTestCase, FlowTests, TestValue, TestValues } from './builders.ts';
import { flowTestClassName, MAX_CLASS_NAME, RESERVED_VARIABLES, testMethodName } from './apex-tests.ts';

const APEX_VARIABLE = /^[a-z][A-Za-z0-9]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const NUMERIC = new Set(['double', 'int', 'currency', 'percent']);

export function checkFlowTests(model: SecurityModel, flow: FlowDef, check: CheckContext): void {
  const c = `Flow ${flow.name}`;
  const { start, tests } = flow;
  if (start.type !== 'recordTriggered') {
    if (tests) check.report(flow, c, 'test cases are for record-triggered flows only');
    return;
  }
  if (!tests?.cases.length) {
    if (flow.active)
      check.report(
        flow,
        c,
        'is an active record-triggered flow without test cases: a production deploy needs Apex tests that cover every active flow; add `tests: { runAs, cases }` (npm test runs them offline, revops generate writes the Apex test)',
      );
    return;
  }
  if (start.on === 'Delete') {
    check.report(flow, c, 'test cases of delete-triggered flows are not supported yet');
    return;
  }
  check.apiName(flow, c, flowTestClassName(flow), '', MAX_CLASS_NAME);
  checkRunAs(model, flow, tests, check);
  check.unique(
    tests.cases,
    (t) => testMethodName(t.name),
    (t) => `${c} (test case "${t.name}")`,
    'test case name (as an Apex method name)',
    flow,
  );
  for (const testCase of tests.cases) new CaseChecker(flow, start.object, testCase, check).run();
}

function checkRunAs(model: SecurityModel, flow: FlowDef, tests: FlowTests, check: CheckContext): void {
  const c = `Flow ${flow.name}`;
  if (tests.runAs.permissionSets.length === 0)
    check.report(flow, c, 'test cases run as a user holding permission sets: name at least one in `runAs`');
  for (const name of tests.runAs.permissionSets)
    if (!model.permissionSets.some((p) => p.name === name))
      check.report(flow, c, `test cases run as permission set ${name}, which the model does not define`);
  const object = flow.start.object!;
  const granted = model.permissionSets.filter((p) => tests.runAs.permissionSets.includes(p.name));
  if (granted.length && !granted.some((p) => p.objects[object]?.read)) {
    check.report(flow, c, `the test user cannot read ${object}: no permission set in \`runAs\` grants it`);
    return;
  }
  const expected = new Set(tests.cases.flatMap((t) => Object.keys(t.expect)));
  for (const field of [...expected].filter((f) => f.endsWith('__c')).sort()) {
    const readable = granted.some((p) => p.fields.some((a) => a.field.object === object && a.field.field === field));
    if (granted.length && !readable)
      check.report(
        flow,
        c,
        `the Apex test reads ${object}.${field} WITH USER_MODE, but no permission set in \`runAs\` grants access to it`,
      );
  }
}

/** One case's records: names, fields, values and lookups. */
class CaseChecker {
  private readonly component: string;
  private readonly flow: FlowDef;
  private readonly object: string;
  private readonly testCase: FlowTestCase;
  private readonly check: CheckContext;
  /** Records set up so far, by name → object. */
  private readonly given = new Map<string, string>();

  constructor(flow: FlowDef, object: string, testCase: FlowTestCase, check: CheckContext) {
    this.flow = flow;
    this.object = object;
    this.testCase = testCase;
    this.check = check;
    this.component = `Flow ${flow.name} (test case "${testCase.name}")`;
  }

  run(): void {
    if (!this.testCase.name.trim()) this.report('a test case needs a name');
    for (const record of this.testCase.given) {
      if (!APEX_VARIABLE.test(record.name) || (RESERVED_VARIABLES as readonly string[]).includes(record.name))
        this.report(
          `record "${record.name}" set up: name it like an Apex variable (lowerCamelCase), not ${RESERVED_VARIABLES.join(', ')}`,
        );
      if (this.given.has(record.name)) this.report(`two records set up are named "${record.name}"`);
      if (!this.check.schema.object(record.object))
        this.report(`record "${record.name}" is of unknown object ${record.object}`);
      else this.values(record.object, record.values, `record "${record.name}"`, false);
      this.given.set(record.name, record.object);
    }
    this.values(this.object, this.testCase.insert, 'insert', false);
    if (this.testCase.update) this.values(this.object, this.testCase.update, 'update', false);
    if (Object.keys(this.testCase.expect).length === 0)
      this.report('expects nothing: name the fields and their values after the save');
    this.values(this.object, this.testCase.expect, 'expect', true);
  }

  /** Against the case's own line when the model built it with flowTest, else the flow's. */
  private report(message: string): void {
    this.check.report(originOf(this.testCase) ? this.testCase : this.flow, this.component, message);
  }

  private values(object: string, values: TestValues, where: string, expectation: boolean): void {
    for (const [name, value] of Object.entries(values)) {
      const field = this.check.schema.object(object)?.field(name);
      if (!field) {
        this.check.fieldExists(
          originOf(this.testCase) ? this.testCase : this.flow,
          this.component,
          { object, field: name },
          where,
        );
        continue;
      }
      if (field.name !== name) this.report(`${where}: write ${object}.${name} as ${field.name}`);
      if (!expectation && (field.calculated || name === 'Id'))
        this.report(`${where}: ${object}.${field.name} is not writable (a formula field or the Id)`);
      const problem = this.valueProblem(field, value, expectation);
      if (problem) this.report(`${where}: ${object}.${field.name} ${problem}`);
    }
  }

  /** Why `value` cannot be a value of `field` here, if it cannot. */
  private valueProblem(field: SchemaField, value: TestValue, expectation: boolean): string | undefined {
    if (value === null) return field.type === 'boolean' ? 'is a checkbox: use false, not null' : undefined;
    if (typeof value === 'object') {
      if ('savedAt' in value)
        return !expectation
          ? 'savedAt() is for expectations only'
          : field.type === 'datetime'
            ? undefined
            : 'savedAt() needs a date/time field';
      if ('today' in value) return field.type === 'date' ? undefined : 'today() needs a date field';
      const target = this.given.get(value.idOf);
      if (!target) return `idOf("${value.idOf}") names no record set up before it`;
      return field.type === 'reference' && field.referenceTo?.includes(target)
        ? undefined
        : `cannot hold the Id of a ${target}`;
    }
    return typeProblem(field, value);
  }
}

function typeProblem(field: SchemaField, value: string | number | boolean): string | undefined {
  const must = (ok: boolean, what: string) => (ok ? undefined : `must be ${what}, got ${JSON.stringify(value)}`);
  if (field.type === 'boolean') return must(typeof value === 'boolean', 'true or false');
  if (NUMERIC.has(field.type)) return must(typeof value === 'number', 'a number');
  if (field.type === 'date')
    return must(typeof value === 'string' && DATE.test(value), 'a date "YYYY-MM-DD" or today(n)');
  if (field.type === 'datetime')
    return must(typeof value === 'string' && DATE_TIME.test(value), 'an ISO 8601 date/time with a zone');
  if (field.type === 'reference') return 'is a lookup: use idOf() of a record set up';
  if (field.type === 'time') return 'is a time field: not supported in test cases';
  if (typeof value !== 'string') return must(false, 'a string');
  if (field.picklistValues?.length && field.type === 'picklist' && !field.picklistValues.includes(value))
    return `has no value "${value}"`;
  return undefined;
}
