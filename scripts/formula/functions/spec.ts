/**
 * What one entry of the function table is, and what the checker and the compiler hand an entry
 * when they meet a call. The checker and the compiler know no function by name: everything a
 * function needs (arity, argument and return types, blank handling, the generated code, the
 * documentation link) lives in its entry.
 */
import type { FormulaAst } from '../ast.ts';
import type { FormulaError, FormulaErrorKind } from '../errors.ts';
import type * as Runtime from '../runtime.ts';
import type { TCall, TNode } from '../typed-ast.ts';
import type { FormulaType } from '../types.ts';

export type FunctionCategory = 'logical' | 'text' | 'math' | 'date' | 'advanced';

/** Number, Currency and Percent: what Salesforce accepts wherever a function asks for a number. */
export const NUMERIC: readonly FormulaType[] = ['Number', 'Currency', 'Percent'];
export const TEXT: readonly FormulaType[] = ['Text'];
export const CHECKBOX: readonly FormulaType[] = ['Checkbox'];

export interface Param {
  /** The argument's name on the Salesforce help page. */
  readonly name: string;
  /** Accepted types, or `any` when the entry's own type rule decides. */
  readonly types: readonly FormulaType[] | 'any';
  readonly optional?: boolean;
  /** The last parameter may repeat (AND, OR, MAX, CASE …). */
  readonly repeats?: boolean;
  /** Picklist and multi-select picklist values are allowed here. */
  readonly picklist?: boolean;
}

/**
 * The result type: a fixed type, or the type of argument `sameAs` (`ifNull` when that argument is
 * the NULL literal), or — for entries with their own type rule — a description for the reference.
 */
export type ReturnRule = FormulaType | { readonly sameAs: number; readonly ifNull: FormulaType } | string;

/**
 * Whether the result can be blank (null): `propagates` (when any argument is), `never` (text
 * results are then empty text, not null), `always` (e.g. VALUE of a blank text), or `own` for
 * entries whose type rule decides (they describe it in `blankNote`).
 */
export type BlankRule = 'propagates' | 'never' | 'always' | 'own';

/** The checker's view of one call, handed to an entry's type rule. */
export interface CallCheck {
  readonly name: string;
  readonly args: readonly FormulaAst[];
  /** `function 'NAME()'`, as Salesforce words its messages. */
  readonly where: string;
  /** The API name of the object the formula belongs to. */
  readonly rootObject: string;
  /** Checks argument `i` and requires one of `types` (NULL becomes a blank text where Text is accepted). */
  arg(i: number, types: readonly FormulaType[]): TNode;
  /** Checks argument `i` without a type requirement. */
  node(i: number, options?: { readonly picklist?: boolean }): TNode;
  /** Checks an argument with field references read from the prior record (PRIORVALUE, ISCHANGED). */
  prior(i: number): TNode;
  /** Whether argument `i` is a field of the formula's own record (not a relationship or a `$` global). */
  isOwnField(i: number): boolean;
  /** The common type of two values (Number for mixed numbers); an error points at `at`. */
  unifyType(a: FormulaType, b: FormulaType, at: { start: number; end: number }): FormulaType;
  /** Two values converted to their common type (NULL becomes "" where the type is Text). */
  unify(a: TNode, b: TNode): [TNode, TNode, FormulaType];
  expectType(t: TNode, types: readonly FormulaType[], at: { start: number; end: number }): TNode;
  /** The checked call. */
  result(type: FormulaType, args: readonly TNode[], nullable: boolean): TCall;
  /** A positioned error; by default it covers the whole call. */
  error(kind: FormulaErrorKind, message: string, at?: { start: number; end: number }): FormulaError;
}

export type RuntimeHelper = {
  [K in keyof typeof Runtime]: (typeof Runtime)[K] extends (...args: never[]) => unknown ? K : never;
}[keyof typeof Runtime];

/** The compiler's view of one checked call, handed to an entry's compiled form. */
export interface CallCompile {
  readonly call: TCall;
  /** The checked argument `i`. */
  node(i: number): TNode;
  /** Generated code for argument `i`. */
  arg(i: number): string;
  /** A run-time helper (runtime.ts) by name. */
  helper(name: RuntimeHelper): string;
  /** A run-time error callback positioned at this call. */
  fail(): string;
  tmp(): string;
  constant(value: unknown): string;
  /** `body` over the arguments' values, or blank when any nullable argument is blank. */
  nullSafe(body: (...values: string[]) => string): string;
  /** All (`&&`) or any (`||`) of `args`, with Salesforce's three-valued logic. */
  logical(op: '&&' | '||', args: readonly TNode[]): string;
  /** Negation that keeps blank blank. */
  not(code: string, nullable: boolean): string;
  /** `code` in parentheses unless it is already an atom. */
  wrap(code: string): string;
}

export interface Example {
  readonly formula: string;
  /** The value as `evaluateValue` returns it (dates as text, blank as null). */
  readonly result: boolean | number | string | null;
}

export interface FunctionSpec {
  readonly name: string;
  readonly category: FunctionCategory;
  /** One line, for the function reference. */
  readonly summary: string;
  readonly params: readonly Param[];
  readonly returns: ReturnRule;
  readonly blanks: BlankRule;
  /** How blank arguments are handled, in words, where the rule alone would not say it. */
  readonly blankNote?: string;
  /** The Salesforce help page. */
  readonly doc: string;
  /** A formula using the function and its value on the reference's example Opportunity (examples.ts). */
  readonly example: Example;
  /** Only where a record is being saved: not in formula fields or default values. */
  readonly recordChange?: boolean;
  /** Reads the current time (the evaluation context's `now`). */
  readonly clock?: boolean;
  /** A type rule of its own; without it the parameters, `returns` and `blanks` decide. */
  readonly check?: (call: CallCheck) => TNode;
  readonly compile: (call: CallCompile) => string;
}

const HELP = 'https://help.salesforce.com/s/articleView?type=5&id=platform.customize_functions_';

/** The help page of a function: Salesforce names them after the function. */
export const helpPage = (name: string): string => `${HELP}${name.toLowerCase()}.htm`;

/** Shorthand for a parameter. */
export const param = (name: string, types: Param['types'], extra: Omit<Param, 'name' | 'types'> = {}): Param => ({
  name,
  types,
  ...extra,
});
