/**
 * The type checker: a parsed formula against the schema → a typed tree (typed-ast.ts) the compiler
 * consumes, the formula's result type, and what it reads. Every problem is a positioned
 * FormulaError. Merge fields are resolved in check-globals.ts / check-fields.ts, operators in
 * check-operators.ts, function calls through the function table (check-calls.ts).
 */
import type { FormulaAst } from './ast.ts';
import { checkCall } from './check-calls.ts';
import { resolveMergeField } from './check-globals.ts';
import { checkBinary, checkUnary } from './check-operators.ts';
import {
  asText,
  lit,
  type CheckScope,
  type Expect,
  type FieldReference,
  type Span,
  type Usage,
} from './check-scope.ts';
import { FormulaError } from './errors.ts';
import { formatCount, MAX_FORMULA_LENGTH } from './limits.ts';
import { parse, sourceOf } from './parser.ts';
import type { TNode } from './typed-ast.ts';
import {
  isNumeric,
  normaliseReturnType,
  typeLabel,
  type FormulaContext,
  type FormulaType,
  type ReturnTypeName,
} from './types.ts';
import type { Schema, SchemaObject } from '../schema/types.ts';

export type { FieldReference } from './check-scope.ts';

export interface CheckOptions {
  readonly schema: Schema;
  /** The object the formula belongs to (API name, case-insensitive). */
  readonly object: string;
  /** Where the formula runs. Validation rules must return Checkbox. Default `any`. */
  readonly context?: FormulaContext;
  /** The declared result type (formula fields, flow formulas). Validation rules imply Checkbox. */
  readonly returnType?: ReturnTypeName | FormulaType;
  /** Treat blank number, currency and percent fields as zero (formula fields' "Treat blank fields as zeroes"). */
  readonly blankAsZero?: boolean;
  /** Decimal places of a Number/Currency/Percent result (formula fields); the result is rounded half up. */
  readonly scale?: number;
  /** Source text when `check` is given a tree that did not come from `parse`. */
  readonly source?: string;
}

export interface CheckedFormula {
  readonly source: string;
  readonly ast: FormulaAst;
  readonly typed: TNode;
  readonly object: string;
  readonly context: FormulaContext;
  readonly blankAsZero: boolean;
  /** The type the expression computes. */
  readonly type: FormulaType;
  /** The type the compiled function returns (declared, or inferred). */
  readonly returnType: Exclude<FormulaType, 'Null' | 'Picklist' | 'MultiPicklist'>;
  readonly scale: number | undefined;
  /** Distinct `Object.Field` names the formula reads (relationship fields included), sorted. */
  readonly references: readonly string[];
  readonly fields: readonly FieldReference[];
  /** Custom permissions referenced through `$Permission`. */
  readonly permissions: readonly string[];
  /** `Type__mdt.Record.Field__c` referenced through `$CustomMetadata`. */
  readonly customMetadata: readonly string[];
  /** Upper-cased function names used. */
  readonly functions: readonly string[];
  /** Uses TODAY / NOW / TIMENOW (needs `now` to evaluate). */
  readonly usesClock: boolean;
  /** Uses ISCHANGED / PRIORVALUE / ISNEW / ISCLONE. */
  readonly usesPrior: boolean;
}

/** Type-checks a formula against the schema; every problem is a positioned FormulaError. */
export function check(formula: string | FormulaAst, options: CheckOptions): CheckedFormula {
  const source = typeof formula === 'string' ? formula : (options.source ?? sourceOf(formula) ?? '');
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(
      'syntax',
      `Formula is too long (${formatCount(source.length)} characters). Maximum length is ${formatCount(MAX_FORMULA_LENGTH)} characters.`,
      source,
      MAX_FORMULA_LENGTH,
      source.length - MAX_FORMULA_LENGTH,
    );
  }
  const ast = typeof formula === 'string' ? parse(formula) : formula;
  try {
    return new Checker(source, options).run(ast);
  } catch (e) {
    if (e instanceof RangeError)
      throw new FormulaError('syntax', 'The formula is too complex (nested too deeply)', source, 0, source.length);
    throw e;
  }
}

type ResultType = CheckedFormula['returnType'];

class Checker implements CheckScope {
  readonly source: string;
  readonly schema: Schema;
  readonly root: SchemaObject;
  readonly context: FormulaContext;
  readonly blankAsZero: boolean;
  readonly usage: Usage = {
    fields: [],
    permissions: new Set(),
    customMetadata: new Set(),
    functions: new Set(),
    usesClock: false,
    usesPrior: false,
  };
  priorDepth = 0;
  private readonly options: CheckOptions;

  constructor(source: string, options: CheckOptions) {
    this.source = source;
    this.options = options;
    this.schema = options.schema;
    const root = options.schema.object(options.object);
    if (!root)
      throw new FormulaError(
        'reference',
        `Object ${options.object} does not exist in the schema`,
        source,
        0,
        source.length,
      );
    this.root = root;
    this.context = options.context ?? 'any';
    this.blankAsZero = options.blankAsZero ?? false;
  }

  run(ast: FormulaAst): CheckedFormula {
    const typed = this.node(ast, {});
    const returnType = this.resultType(ast, typed.type);
    const u = this.usage;
    return {
      source: this.source,
      ast,
      typed,
      object: this.root.name,
      context: this.context,
      blankAsZero: this.blankAsZero,
      type: typed.type,
      returnType,
      scale: this.options.scale,
      references: [...new Set(u.fields.map((r) => r.qualified))].sort(),
      fields: u.fields,
      permissions: [...u.permissions].sort(),
      customMetadata: [...u.customMetadata].sort(),
      functions: [...u.functions].sort(),
      usesClock: u.usesClock,
      usesPrior: u.usesPrior,
    };
  }

  /** The declared return type when there is one (and the computed type fits it), else the computed type. */
  private resultType(ast: FormulaAst, computed: FormulaType): ResultType {
    const declared = this.declaredReturnType(ast);
    if (!declared)
      return computed === 'Null' || computed === 'Picklist' || computed === 'MultiPicklist' ? 'Text' : computed;
    const fits = computed === 'Null' || computed === declared || (isNumeric(computed) && isNumeric(declared));
    if (!fits) {
      const expected = this.context === 'validationRule' ? 'true or false' : typeLabel(declared);
      throw this.err(
        'type',
        `Formula result is data type (${typeLabel(computed)}), incompatible with expected data type (${expected}).`,
        ast,
      );
    }
    return declared;
  }

  private declaredReturnType(ast: FormulaAst): ResultType | undefined {
    if (this.context === 'validationRule') {
      if (this.options.returnType !== undefined && normaliseReturnType(this.options.returnType) !== 'Checkbox') {
        throw this.err('type', 'Validation rules must return Checkbox', ast);
      }
      return 'Checkbox';
    }
    if (this.options.returnType === undefined) return undefined;
    const t = normaliseReturnType(this.options.returnType);
    if (!t || t === 'Null' || t === 'Picklist' || t === 'MultiPicklist') {
      throw new FormulaError('type', `Unknown formula return type '${this.options.returnType}'`, this.source, 0, 1);
    }
    return t;
  }

  err(kind: FormulaError['kind'], message: string, at: Span): FormulaError {
    return new FormulaError(kind, message, this.source, at.start, Math.max(1, at.end - at.start));
  }

  node(ast: FormulaAst, expect: Expect): TNode {
    const t = this.nodeInner(ast, expect);
    if ((t.type === 'Picklist' || t.type === 'MultiPicklist') && !expect.picklist) {
      const kind = t.type === 'Picklist' ? 'picklist' : 'multi-select picklist';
      const what =
        ast.kind === 'field'
          ? `Field ${ast.path.join('.')} is a ${kind} field`
          : `${this.source.slice(ast.start, ast.end) || 'The expression'} is a ${kind} value`;
      const allowed =
        t.type === 'Picklist'
          ? 'ISPICKVAL, TEXT, CASE, ISBLANK, ISNULL, PRIORVALUE, ISCHANGED'
          : 'INCLUDES, ISBLANK, ISNULL, PRIORVALUE, ISCHANGED, PICKLISTCOUNT';
      throw this.err('type', `${what}. Picklist fields are only supported in certain functions (${allowed}).`, ast);
    }
    return t;
  }

  private nodeInner(ast: FormulaAst, expect: Expect): TNode {
    switch (ast.kind) {
      case 'number':
        return lit('Number', ast.value, ast);
      case 'string':
        return lit('Text', ast.value, ast);
      case 'boolean':
        return lit('Checkbox', ast.value, ast);
      case 'null':
        return { k: 'literal', type: 'Null', value: null, nullable: true, start: ast.start, end: ast.end };
      case 'paren':
        return { ...this.node(ast.inner, expect), start: ast.start, end: ast.end };
      case 'field':
        return resolveMergeField(this, ast, this.priorDepth > 0 ? 'prior' : undefined);
      case 'unary':
        return checkUnary(this, ast);
      case 'binary':
        return checkBinary(this, ast);
      case 'call':
        return checkCall(this, ast);
    }
  }

  expectType(t: TNode, accepted: readonly FormulaType[], where: string, at: Span): TNode {
    if (t.type === 'Null') return accepted.includes('Text') ? lit('Text', '', t) : t;
    if (accepted.includes(t.type)) return t;
    if (accepted.includes('Number') && isNumeric(t.type)) return t;
    const expected = [...new Set(accepted.map(typeLabel))].join(', ');
    throw this.err(
      'type',
      `Incorrect parameter type for ${where}. Expected ${expected}, received ${typeLabel(t.type)}`,
      at,
    );
  }

  unifyType(a: FormulaType, b: FormulaType, where: string, at: Span): FormulaType {
    if (a === 'Null') return b;
    if (b === 'Null') return a;
    if (a === b) return a;
    if (isNumeric(a) && isNumeric(b)) return 'Number';
    throw this.err(
      'type',
      `Incorrect parameter type for ${where}. Expected ${typeLabel(a)}, received ${typeLabel(b)}`,
      at,
    );
  }

  unify(x: TNode, y: TNode, where: string): [TNode, TNode, FormulaType] {
    const type = this.unifyType(x.type, y.type, where, y);
    if (type === 'Text') return [asText(x), asText(y), type];
    return [x, y, type];
  }
}
