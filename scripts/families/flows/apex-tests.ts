/**
 * The Apex test class of a record-triggered flow, generated from its test cases: one class per
 * flow, one test method per case. One class per flow because coverage is counted per flow (a
 * production deploy needs each active flow covered), a failing run names the flow, a deploy can
 * run exactly the tests of the flows it changes, and the class comes and goes with its flow.
 *
 * Each method creates a user holding the cases' permission sets (RevOpsTestUsers, hand-written
 * test support), and as that user inserts the records set up, then the triggering record, saves
 * the update, re-reads the record WITH USER_MODE and asserts every expected field. The output is
 * already Prettier-formatted (scripts/core/apex.ts).
 */
import {
  apexString,
  block,
  call,
  group,
  hardline,
  indent,
  listOf,
  newSObject,
  printApex,
  soql,
  testMethodName,
  type ApexDoc,
} from '../../core/apex.ts';
import type { DescribeFieldType, Schema } from '../../schema/types.ts';
import type { FlowDef, FlowTestCase, TestValue, TestValues } from './builders.ts';

export { testMethodName } from '../../core/apex.ts';

/** The hand-written test support class every generated test uses to get its running user. */
export const TEST_USERS_CLASS = 'RevOpsTestUsers';

/** Salesforce caps Apex class names at 40 characters. */
export const MAX_CLASS_NAME = 40;

export const flowTestClassName = (flow: FlowDef): string => flow.tests?.className ?? `${flow.name}_Test`;

/** The variables a generated method declares; a record set up may not take their names. */
export const RESERVED_VARIABLES = ['runner', 'record', 'saved', 'startedAt'] as const;

interface Context {
  readonly schema: Schema;
  readonly object: string;
}

const fieldType = (ctx: Context, object: string, field: string): DescribeFieldType | undefined =>
  ctx.schema.object(object)?.field(field)?.type;

const apexDate = (iso: string): string => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `Date.newInstance(${y}, ${m}, ${d})`;
};

const apexDateTime = (iso: string): string => {
  const t = new Date(iso);
  const parts = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes()];
  return `DateTime.newInstanceGmt(${[...parts, t.getUTCSeconds()].join(', ')})`;
};

/** A test value as an Apex expression of the field's type. */
function apexValue(value: TestValue, type: DescribeFieldType | undefined, scale?: number): string {
  if (value === null) return 'null';
  if (typeof value === 'object') {
    if ('idOf' in value) return `${value.idOf}.Id`;
    if ('today' in value) return value.today === 0 ? 'Date.today()' : `Date.today().addDays(${value.today})`;
    return 'DateTime.now()';
  }
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number')
    return scale === undefined ? String(value) : `Decimal.valueOf('${value.toFixed(scale)}')`;
  if (type === 'date') return apexDate(value);
  if (type === 'datetime') return apexDateTime(value);
  return apexString(value);
}

const fieldsOf = (ctx: Context, object: string, values: TestValues): [string, ApexDoc][] =>
  Object.entries(values).map(([field, value]) => [field, apexValue(value, fieldType(ctx, object, field))]);

/** Asserts for one expected field: equality, or for a time stamped by the save, that it falls within the test. */
function assertions(ctx: Context, testCase: FlowTestCase, field: string, expected: TestValue): ApexDoc[] {
  const actual = `saved.${field}`;
  const message = (what = '') => apexString(`${testCase.name}: ${field}${what}`);
  if (typeof expected === 'object' && expected !== null && 'savedAt' in expected)
    return [
      call('Assert.isTrue', [`${actual} >= startedAt`, message(' is stamped during the save')]),
      call('Assert.isTrue', [`${actual} <= DateTime.now()`, message(' is stamped during the save')]),
    ].map((a) => [a, ';']);
  const schemaField = ctx.schema.object(ctx.object)?.field(field);
  // Numbers are compared as Decimals of the field's scale: Assert.areEqual(1, 1.0) fails.
  const scale = typeof expected === 'number' ? (schemaField?.scale ?? decimals(expected)) : undefined;
  return [[call('Assert.areEqual', [apexValue(expected, schemaField?.type, scale), actual, message()]), ';']];
}

const decimals = (n: number): number => (String(n).split('.')[1] ?? '').length;

/** The statements of one case, run as the test user. */
function caseStatements(ctx: Context, testCase: FlowTestCase): ApexDoc[] {
  const { object } = ctx;
  const expected = Object.entries(testCase.expect);
  const stamped = expected.some(([, v]) => typeof v === 'object' && v !== null && 'savedAt' in v);
  return [
    ...testCase.given.flatMap((g) => [
      [`${g.object} ${g.name} = `, newSObject(g.object, fieldsOf(ctx, g.object, g.values)), ';'],
      `insert ${g.name};`,
    ]),
    [`${object} record = `, newSObject(object, fieldsOf(ctx, object, testCase.insert)), ';'],
    ...(stamped
      ? ['// Date/time fields keep whole seconds.', 'DateTime startedAt = DateTime.now().addSeconds(-1);']
      : []),
    'Test.startTest();',
    'insert record;',
    ...(testCase.update
      ? [['update ', newSObject(object, [['Id', 'record.Id'], ...fieldsOf(ctx, object, testCase.update)]), ';']]
      : []),
    'Test.stopTest();',
    [
      `${object} saved = `,
      soql(
        expected.map(([f]) => f),
        object,
        ['WHERE Id = :record.Id', 'WITH USER_MODE'],
      ),
      ';',
    ],
    ...expected.flatMap(([field, value]) => assertions(ctx, testCase, field, value)),
  ];
}

function testMethod(ctx: Context, testCase: FlowTestCase): ApexDoc {
  return [
    '@isTest',
    hardline,
    block(`static void ${testMethodName(testCase.name)}()`, [
      `User runner = ${TEST_USERS_CLASS}.withPermissionSets(PERMISSION_SETS);`,
      block('System.runAs(runner)', caseStatements(ctx, testCase)),
    ]),
  ];
}

/** The header comment: what the class is, where its cases live, that it is generated. */
function header(flow: FlowDef, origin: string | undefined): string {
  const from = origin ? `, defined in ${origin.replace(/:\d+$/, '')}` : '';
  return [
    '/**',
    ` * Test cases of the flow ${flow.name}${from}.`,
    ' * Generated by `revops generate`: change the cases in the model, never this file. npm test',
    ' * runs the same cases offline (scripts/families/flows/cases.ts); here they run in the org,',
    ' * as a user holding the permission sets below, and give the flow the test coverage a',
    ' * production deploy needs.',
    ' */',
  ].join('\n');
}

/** The test class of `flow` (which has test cases), formatted as Prettier formats it. */
export function flowTestClass(flow: FlowDef, schema: Schema, origin?: string): string {
  const object = flow.start.object!;
  const tests = flow.tests!;
  const ctx: Context = { schema, object };
  const members: ApexDoc[] = [
    [
      'private static final List<String> PERMISSION_SETS = ',
      listOf('String', tests.runAs.permissionSets.map(apexString)),
      ';',
    ],
    ...tests.cases.map((c) => testMethod(ctx, c)),
  ];
  const body = indent(members.map((m, i) => [hardline, ...(i > 0 ? [hardline] : []), m]));
  return printApex([
    header(flow, origin),
    hardline,
    '@isTest',
    hardline,
    group(`private class ${flowTestClassName(flow)} {`),
    body,
    hardline,
    '}',
  ]);
}
