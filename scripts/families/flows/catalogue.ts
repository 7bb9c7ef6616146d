/** Flows: what starts them, their entry conditions, formulas and steps, as a reader follows them. */
import { flowTestClassName } from './apex-tests.ts';
import type { FlowCondition, FlowDef, FlowStep, FlowValue, TestValues, UpdateRecordsStep } from './builders.ts';
import {
  INDEX_PAGE,
  LOCK,
  lockBadge,
  sortBy,
  summaryRow,
  type Catalogue,
  type CataloguePage,
  type Ranked,
} from '../../core/catalogue.ts';
import { anchor, code, codeBlock, heading, href, link, page, table, text, yesNo } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import type { FlowsModel } from './builders.ts';
import { FLOWS_PAGE } from './page.ts';

const FROM = FLOWS_PAGE;

const OPERATOR: Record<FlowCondition['operator'], string> = {
  EqualTo: 'equals',
  NotEqualTo: 'does not equal',
  GreaterThan: 'is greater than',
  GreaterThanOrEqualTo: 'is at least',
  LessThan: 'is less than',
  LessThanOrEqualTo: 'is at most',
  IsNull: 'is null',
  IsChanged: 'is changed',
  Contains: 'contains',
  StartsWith: 'starts with',
};

function valueText(value: FlowValue): string {
  if (typeof value === 'object') return 'ref' in value ? code(`{!${value.ref}}`) : code(value.date);
  if (typeof value === 'string') return code(JSON.stringify(value));
  return code(String(value));
}

function condition(left: string, operator: FlowCondition['operator'], right: FlowValue): string {
  if ((operator === 'IsNull' || operator === 'IsChanged') && typeof right === 'boolean') {
    const verb = operator === 'IsNull' ? 'null' : 'changed';
    return `${code(left)} is ${right ? '' : 'not '}${verb}`;
  }
  return `${code(left)} ${OPERATOR[operator]} ${valueText(right)}`;
}

function assignments(set: Readonly<Record<string, FlowValue>>): string {
  return Object.entries(set)
    .map(([target, value]) => `${code(target)} ← ${valueText(value)}`)
    .join('; ');
}

function target(step: UpdateRecordsStep): string {
  if ('triggeringRecord' in step.target) return 'the triggering record';
  const filters = step.target.filters.map((f) => condition(f.field, f.operator, f.value)).join(' and ');
  return `${code(step.target.object)} records where ${filters || 'any'}`;
}

/** Steps as a nested ordered list (decision outcomes hold their own steps). */
function steps(list: readonly FlowStep[], depth = 0): string[] {
  const indent = '   '.repeat(depth);
  return list.flatMap((step, i) => {
    const head = `${indent}${i + 1}. `;
    switch (step.step) {
      case 'assign':
        return [`${head}**Assign** ${code(step.name)} (${text(step.label)}): ${assignments(step.set)}`];
      case 'updateRecords':
        return [`${head}**Update** ${target(step)} ${code(step.name)} (${text(step.label)}): ${assignments(step.set)}`];
      case 'createRecord':
        return [
          `${head}**Create** a ${code(step.object)} ${code(step.name)} (${text(step.label)}): ${assignments(step.set)}`,
        ];
      case 'sendEmail':
        return [`${head}**Send email** ${code(step.name)} (${text(step.label)}) to ${text(JSON.stringify(step.to))}`];
      case 'decision':
        return [
          `${head}**Decision** ${code(step.name)} (${text(step.label)})`,
          ...step.outcomes.flatMap((o) => [
            `${indent}   - **${text(o.label)}** ${code(o.name)}, when ${o.logic === 'and' ? 'all' : 'any'} of: ${o.conditions
              .map((c) => condition(c.left, c.operator, c.right))
              .join('; ')}`,
            ...(o.then.length ? steps(o.then, depth + 2) : [`${indent}      (no steps)`]),
          ]),
          `${indent}   - **${text(step.defaultLabel)}** (default outcome): continue`,
        ];
    }
  });
}

function start(flow: FlowDef): [string, string][] {
  const s = flow.start;
  if (s.type === 'recordTriggered') {
    const when = { Create: 'created', Update: 'updated', CreateAndUpdate: 'created or updated', Delete: 'deleted' }[
      s.on
    ];
    return [
      ['Type', `Record-triggered, ${s.timing === 'BeforeSave' ? 'before save (fast field updates)' : 'after save'}`],
      ['Runs when', `${code(s.object)} record ${when}`],
    ];
  }
  return [
    ['Type', `Scheduled, ${s.frequency.toLowerCase()}`],
    ['Starts', `${code(s.startDate)} at ${code(s.startTime)}`],
    ['Runs for', s.object ? `each ${code(s.object)} record matching the entry conditions` : 'once'],
  ];
}

function entry(flow: FlowDef): string {
  const { filters, filterLogic } = flow.start;
  if (filters.length === 0) return 'none';
  const joined = filters.map((f) => condition(f.field, f.operator, f.value));
  const onlyWhenMet = flow.start.type === 'recordTriggered' && flow.start.runOnUpdate === 'onlyWhenUpdatedToMeet';
  return `${filterLogic === 'and' ? 'all of' : 'any of'}: ${joined.join('; ')}${onlyWhenMet ? ' (an update runs the flow only when the record did not meet them before)' : ''}`;
}

/** `Field = value` pairs of a test case, as a reviewer reads them. */
function testValues(values: TestValues | undefined): string {
  if (!values) return '';
  return Object.entries(values)
    .map(([field, v]) => {
      const shown =
        v === null
          ? 'blank'
          : typeof v !== 'object'
            ? JSON.stringify(v)
            : 'idOf' in v
              ? `→ ${v.idOf}`
              : 'today' in v
                ? `today${v.today ? (v.today > 0 ? ` + ${v.today}` : ` − ${-v.today}`) : ''}`
                : 'the time of the save';
      return code(`${field} = ${shown}`);
    })
    .join('<br>');
}

function testCases(flow: FlowDef): string[] {
  const tests = flow.tests;
  if (!tests?.cases.length) return [];
  return [
    heading(3, `${flow.name} test cases`),
    `Run offline by \`npm test\` and in the org by the generated Apex test ${code(flowTestClassName(flow))}, as a user holding ${tests.runAs.permissionSets.map((p) => code(p)).join(', ')}.`,
    table(
      ['Case', 'Set up first', 'Inserted', 'Then updated', 'Expected after save'],
      tests.cases.map((t) => [
        text(t.name),
        t.given.map((g) => `${code(g.name)} (${code(g.object)}): ${testValues(g.values)}`).join('<br>'),
        testValues(t.insert),
        testValues(t.update),
        testValues(t.expect),
      ]),
    ),
  ];
}

function flowBlock(cat: Catalogue<FlowsModel>, flow: FlowDef): string[] {
  const origin = cat.origin(flow);
  const formulas = Object.entries(flow.formulas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    heading(2, flow.name),
    flow.locked ? lockBadge('flow') : undefined,
    `${text(flow.label)}${flow.description ? `: ${text(flow.description)}` : ''}`,
    table(
      ['Property', 'Value'],
      [
        ...start(flow),
        ['Entry conditions', entry(flow)],
        ['Active', yesNo(flow.active)],
        ['Locked', flow.locked ? `${LOCK} yes` : 'no'],
        ...(origin ? [['Defined in', code(origin)] as [string, string]] : []),
      ],
    ),
    ...(formulas.length
      ? [
          heading(3, `${flow.name} formulas`),
          ...formulas.flatMap(([name, f]) => [
            `${code(name)}: ${f.dataType}${f.scale !== undefined ? `, scale ${f.scale}` : ''}`,
            codeBlock(f.expression),
          ]),
        ]
      : []),
    heading(3, `${flow.name} steps`),
    flow.steps.length ? steps(flow.steps).join('\n') : 'No steps.',
    ...testCases(flow),
  ].filter((b): b is string => b !== undefined);
}

export function renderFlowsPage(cat: Catalogue<FlowsModel>): CataloguePage {
  const flows = sortBy(cat.model.flows, (f) => f.name);
  return {
    path: FROM,
    content: page([
      heading(1, 'Flows'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Flows`,
      flows.length
        ? table(
            ['Flow', 'Label', 'Object', 'Start', 'Active', 'Locked'],
            flows.map((f) => [
              link(code(f.name), `#${anchor(f.name)}`, { raw: true }),
              text(f.label),
              f.start.object ? cat.objectLink(FROM, f.start.object) : '',
              f.start.type === 'recordTriggered'
                ? `${f.start.timing === 'BeforeSave' ? 'before' : 'after'} save, ${f.start.on}`
                : `scheduled, ${f.start.frequency}`,
              f.active,
              f.locked ? LOCK : '',
            ]),
          )
        : 'The model defines no flows.',
      ...flows.flatMap((f) => flowBlock(cat, f)),
    ]),
  };
}

export const flowsIndex = (cat: Catalogue<FlowsModel>) => ({
  links: [`${link('Flows', href(INDEX_PAGE, FROM))}: triggers, entry conditions and steps`],
  summary: [summaryRow('Flows', cat.model.flows, FROM)],
});

/** An object's related definitions: the flows that start on it. */
export const flowsRelated = (cat: Catalogue<FlowsModel>, object: ObjectDef, from: string): Ranked<string>[] =>
  sortBy(
    cat.model.flows.filter((f) => f.start.object?.toLowerCase() === object.apiName.toLowerCase()),
    (f) => f.name,
  ).map((f) => ({
    rank: 20,
    value: `Flow ${link(code(f.name), href(from, FROM, anchor(f.name)), { raw: true })}: ${text(f.label)}`,
  }));
