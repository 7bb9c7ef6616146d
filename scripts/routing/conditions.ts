/**
 * One typed condition tree — all / any / not over field tests — that the model writes, the
 * routing family stores as `Routing_Condition__mdt` rows, and both routers interpret with the
 * same semantics (RoutingCondition.cls is the Apex twin of `evaluate` below):
 *
 * - A field's value is blank when it is null, missing or ''. Every test on a blank value is
 *   false, except `ne`, `notIn` and `blank` (true) and a boolean test, where blank means false
 *   (a checkbox is never blank in Salesforce).
 * - Text compares case-insensitively, as Apex `==` does; numbers compare as numbers.
 * - `domainIn` reads the domain of an email (after `@`) or a website (host, without `www.`) and
 *   matches a listed domain or any subdomain of it (`edu` matches `mit.edu`).
 * - `withinDays` holds when a date or date/time is at most N days before the clock (or after it).
 */
import { hostOf } from './domains.ts';

export type Scalar = string | number | boolean;
export type ConditionValue = Scalar | readonly Scalar[];

export const OPERATORS = {
  eq: 'equals',
  ne: 'does not equal',
  in: 'is one of',
  notIn: 'is none of',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  blank: 'is blank',
  notBlank: 'is not blank',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
  containsAny: 'contains any of',
  domainIn: 'has a domain in',
  withinDays: 'is within days of now:',
} as const;
export type Operator = keyof typeof OPERATORS;

/** What each operator takes as its value. */
export const OPERAND: Record<Operator, 'scalar' | 'list' | 'number' | 'none'> = {
  eq: 'scalar',
  ne: 'scalar',
  in: 'list',
  notIn: 'list',
  gt: 'number',
  gte: 'number',
  lt: 'number',
  lte: 'number',
  blank: 'none',
  notBlank: 'none',
  contains: 'scalar',
  startsWith: 'scalar',
  endsWith: 'scalar',
  containsAny: 'list',
  domainIn: 'list',
  withinDays: 'number',
};

export interface FieldTest {
  readonly field: string;
  readonly op: Operator;
  readonly value?: ConditionValue;
}
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | FieldTest;

/** A lead as the routers see it: API field name → value (dates and date/times as ISO strings). */
export type LeadValues = Record<string, unknown>;

const DAY_MS = 86_400_000;

export const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '';

const lower = (v: unknown): string => String(v).toLowerCase();

function equalsValue(actual: unknown, expected: Scalar): boolean {
  if (typeof expected === 'boolean') return (actual === true || actual === 'true') === expected;
  if (isBlank(actual)) return false;
  if (typeof expected === 'number') return Number(actual) === expected;
  return lower(actual) === expected.toLowerCase();
}

function timeOf(v: unknown): number {
  return typeof v === 'number' ? v : Date.parse(String(v));
}

function domainMatches(actual: unknown, domains: readonly Scalar[]): boolean {
  const host = hostOf(String(actual));
  if (!host) return false;
  return domains.some((d) => {
    const domain = String(d).toLowerCase();
    return host === domain || host.endsWith(`.${domain}`);
  });
}

/** One field test against a lead at `clockMs`. */
export function testField(t: FieldTest, lead: LeadValues, clockMs: number): boolean {
  const actual = lead[t.field];
  const value = t.value as ConditionValue;
  switch (t.op) {
    case 'eq':
      return equalsValue(actual, value as Scalar);
    case 'ne':
      return !equalsValue(actual, value as Scalar);
    case 'in':
      return (value as readonly Scalar[]).some((v) => equalsValue(actual, v));
    case 'notIn':
      return !(value as readonly Scalar[]).some((v) => equalsValue(actual, v));
    case 'blank':
      return isBlank(actual);
    case 'notBlank':
      return !isBlank(actual);
    default:
      return isBlank(actual) ? false : testPresent(t.op, actual, value, clockMs);
  }
}

function testPresent(op: Operator, actual: unknown, value: ConditionValue, clockMs: number): boolean {
  switch (op) {
    case 'gt':
      return Number(actual) > (value as number);
    case 'gte':
      return Number(actual) >= (value as number);
    case 'lt':
      return Number(actual) < (value as number);
    case 'lte':
      return Number(actual) <= (value as number);
    case 'contains':
      return lower(actual).includes(lower(value));
    case 'startsWith':
      return lower(actual).startsWith(lower(value));
    case 'endsWith':
      return lower(actual).endsWith(lower(value));
    case 'containsAny':
      return (value as readonly Scalar[]).some((v) => lower(actual).includes(lower(v)));
    case 'domainIn':
      return domainMatches(actual, value as readonly Scalar[]);
    case 'withinDays':
      return clockMs - timeOf(actual) <= (value as number) * DAY_MS;
    default:
      throw new Error(`unknown operator ${op}`);
  }
}

/** Interprets a tree: the reference semantics (compile() must agree with it). */
export function evaluate(c: Condition, lead: LeadValues, clockMs: number): boolean {
  if ('all' in c) return c.all.every((x) => evaluate(x, lead, clockMs));
  if ('any' in c) return c.any.some((x) => evaluate(x, lead, clockMs));
  if ('not' in c) return !evaluate(c.not, lead, clockMs);
  return testField(c, lead, clockMs);
}

export type CompiledCondition = (lead: LeadValues, clockMs: number) => boolean;

/**
 * A tree as one closure, for the simulator and the benchmark: lists become sets of lower-cased
 * strings, and each node's test is chosen once. Same answers as `evaluate`.
 */
export function compile(c: Condition): CompiledCondition {
  if ('all' in c) {
    const parts = c.all.map(compile);
    return (lead, clock) => {
      for (const p of parts) if (!p(lead, clock)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compile);
    return (lead, clock) => {
      for (const p of parts) if (p(lead, clock)) return true;
      return false;
    };
  }
  if ('not' in c) {
    const inner = compile(c.not);
    return (lead, clock) => !inner(lead, clock);
  }
  return compileTest(c);
}

function compileTest(t: FieldTest): CompiledCondition {
  const { field } = t;
  const list = Array.isArray(t.value) ? (t.value as readonly Scalar[]) : undefined;
  const textList = list?.every((v) => typeof v === 'string') ? new Set(list.map((v) => lower(v))) : undefined;
  if ((t.op === 'in' || t.op === 'notIn') && textList) {
    const wanted = t.op === 'in';
    return (lead) => {
      const v = lead[field];
      return isBlank(v) ? !wanted : textList.has(lower(v)) === wanted;
    };
  }
  if (t.op === 'gte' || t.op === 'lt' || t.op === 'gt' || t.op === 'lte') {
    const n = t.value as number;
    const cmp =
      t.op === 'gte'
        ? (x: number) => x >= n
        : t.op === 'gt'
          ? (x: number) => x > n
          : t.op === 'lt'
            ? (x: number) => x < n
            : (x: number) => x <= n;
    return (lead) => {
      const v = lead[field];
      return isBlank(v) ? false : cmp(Number(v));
    };
  }
  return compileScalarTest(t) ?? ((lead, clock) => testField(t, lead, clock));
}

/** The tests scoring runs on every lead, specialised once; undefined for the rest (interpreted). */
function compileScalarTest(t: FieldTest): CompiledCondition | undefined {
  const { field } = t;
  if (t.op === 'eq' && typeof t.value === 'boolean') {
    const wanted = t.value;
    return (lead) => {
      const v = lead[field];
      return (v === true || v === 'true') === wanted;
    };
  }
  if (t.op === 'notBlank' || t.op === 'blank') {
    const wanted = t.op === 'notBlank';
    return (lead) => isBlank(lead[field]) !== wanted;
  }
  if (t.op === 'domainIn' && Array.isArray(t.value)) {
    const domains = new Set((t.value as readonly Scalar[]).map((d) => lower(d)));
    return (lead) => {
      const v = lead[field];
      if (isBlank(v)) return false;
      // The host or any domain above it (`mit.edu` matches `edu`).
      for (let host = hostOf(String(v)); host; host = host.includes('.') ? host.slice(host.indexOf('.') + 1) : '')
        if (domains.has(host)) return true;
      return false;
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------- as records

/** A node as a `Routing_Condition__mdt` row, without its owner and name. */
export interface ConditionRow {
  readonly node: string;
  readonly logic: 'All' | 'Any' | 'Not' | 'Field';
  readonly field: string | null;
  readonly operator: string | null;
  readonly value: string | null;
}

/** The tree as rows, depth first: `1`, `1.1`, `1.2`, `1.2.1`... */
export function conditionRows(c: Condition, node = '1'): ConditionRow[] {
  const children = (list: readonly Condition[]) => list.flatMap((x, i) => conditionRows(x, `${node}.${i + 1}`));
  if ('all' in c) return [{ node, logic: 'All', field: null, operator: null, value: null }, ...children(c.all)];
  if ('any' in c) return [{ node, logic: 'Any', field: null, operator: null, value: null }, ...children(c.any)];
  if ('not' in c) return [{ node, logic: 'Not', field: null, operator: null, value: null }, ...children([c.not])];
  return [
    {
      node,
      logic: 'Field',
      field: c.field,
      operator: c.op,
      value: c.value === undefined ? null : JSON.stringify(c.value),
    },
  ];
}

/** Compares node paths numerically (`1.10` after `1.9`). */
export function compareNodes(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** The tree back from its rows (any order); throws naming the owner when the rows do not form one. */
export function treeFromRows(owner: string, rows: readonly ConditionRow[]): Condition {
  const byNode = new Map(rows.map((r) => [r.node, r]));
  const childrenOf = (node: string) =>
    rows
      .filter((r) => r.node.startsWith(`${node}.`) && !r.node.slice(node.length + 1).includes('.'))
      .sort((a, b) => compareNodes(a.node, b.node));
  const build = (node: string): Condition => {
    const row = byNode.get(node);
    if (!row) throw new Error(`condition ${owner}: node ${node} is missing`);
    const kids = childrenOf(node).map((r) => build(r.node));
    if (row.logic === 'All') return { all: kids };
    if (row.logic === 'Any') return { any: kids };
    if (row.logic === 'Not') {
      if (kids.length !== 1) throw new Error(`condition ${owner}: node ${node} (Not) needs exactly one child`);
      return { not: kids[0]! };
    }
    if (!row.field || !row.operator || !(row.operator in OPERATORS))
      throw new Error(`condition ${owner}: node ${node} needs a field and a known operator`);
    const test: FieldTest = { field: row.field, op: row.operator as Operator };
    return row.value === null ? test : { ...test, value: JSON.parse(row.value) as ConditionValue };
  };
  return build('1');
}

/** The fields a tree reads. */
export function fieldsOf(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(fieldsOf);
  if ('any' in c) return c.any.flatMap(fieldsOf);
  if ('not' in c) return fieldsOf(c.not);
  return [c.field];
}

/** The tree in words, for the catalogue and decision reasons. */
export function describeCondition(c: Condition): string {
  if ('all' in c) return c.all.length ? c.all.map(describeNested).join(' and ') : 'always';
  if ('any' in c) return c.any.length ? c.any.map(describeNested).join(' or ') : 'never';
  if ('not' in c) return `not (${describeCondition(c.not)})`;
  const value =
    c.value === undefined
      ? ''
      : ` ${Array.isArray(c.value) ? c.value.map((v) => JSON.stringify(v)).join(', ') : JSON.stringify(c.value)}`;
  return `${c.field} ${OPERATORS[c.op]}${value}`;
}

const describeNested = (c: Condition): string =>
  ('all' in c && c.all.length > 1) || ('any' in c && c.any.length > 1)
    ? `(${describeCondition(c)})`
    : describeCondition(c);
