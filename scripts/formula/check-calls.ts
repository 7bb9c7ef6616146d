/**
 * Function calls: the checker's side of the function table. Looks the function up, checks the
 * number of arguments and where the function may be used, records its use, and hands the call to
 * the entry's type rule (its own, or the generic one its parameters describe).
 */
import type { Call, FormulaAst } from './ast.ts';
import { unparen, suggest, type CheckScope, type Span } from './check-scope.ts';
import { FUNCTION_TABLE, FUNCTIONS, UNSUPPORTED_FUNCTIONS } from './functions/index.ts';
import { arity, checkBySignature, MANY } from './functions/signature.ts';
import type { CallCheck, FunctionSpec } from './functions/spec.ts';
import { closestNames } from './suggest.ts';
import type { TCall, TNode } from './typed-ast.ts';
import type { FormulaContext } from './types.ts';

/** Contexts where the record is not being saved, so ISCHANGED, PRIORVALUE, ISNEW and ISCLONE mean nothing. */
const NOT_IN_FORMULA_FIELDS: ReadonlySet<FormulaContext> = new Set(['formulaField', 'defaultValue']);

export function checkCall(scope: CheckScope, ast: Call): TNode {
  const spec = lookUp(scope, ast);
  checkArity(scope, ast, spec);
  const nameAt = { start: ast.start, end: ast.start + ast.rawName.length };
  if (spec.recordChange && NOT_IN_FORMULA_FIELDS.has(scope.context)) {
    throw scope.err('type', `Function ${spec.name} may not be used in this type of formula`, nameAt);
  }
  scope.usage.functions.add(spec.name);
  if (spec.clock) scope.usage.usesClock = true;
  if (spec.recordChange) scope.usage.usesPrior = true;
  const call = callCheck(scope, ast, spec.name);
  return spec.check ? spec.check(call) : checkBySignature(spec, call);
}

function lookUp(scope: CheckScope, ast: Call): FunctionSpec {
  const spec = FUNCTION_TABLE.get(ast.name);
  if (spec) return spec;
  const nameAt = { start: ast.start, end: ast.start + ast.rawName.length };
  if (UNSUPPORTED_FUNCTIONS.has(ast.name)) {
    throw scope.err('unsupported', `Function ${ast.name} is not supported by this formula engine`, nameAt);
  }
  const suggestions = closestNames(ast.name, Object.keys(FUNCTIONS));
  throw scope.err('reference', `Unknown function ${ast.name}. Check spelling.${suggest(suggestions)}`, nameAt);
}

function checkArity(scope: CheckScope, ast: Call, spec: FunctionSpec): void {
  const { min, max } = arity(spec);
  const n = ast.args.length;
  if (n >= min && n <= max) return;
  const expected = min === max ? `${min}` : max >= MANY ? `at least ${min}` : `${min} to ${max}`;
  throw scope.err(
    'type',
    `Incorrect number of parameters for function '${spec.name}()'. Expected ${expected}, received ${n}`,
    ast,
  );
}

/** The checker's view of the call that the entry's type rule works with. */
function callCheck(scope: CheckScope, ast: Call, name: string): CallCheck {
  const where = `function '${name}()'`;
  const argAt = (i: number): FormulaAst => ast.args[i] as FormulaAst;
  return {
    name,
    args: ast.args,
    where,
    rootObject: scope.root.name,
    arg: (i, types) => scope.expectType(scope.node(argAt(i), {}), types, where, argAt(i)),
    node: (i, options = {}) => scope.node(argAt(i), options),
    prior: (i) => {
      scope.priorDepth++;
      try {
        return scope.node(unparen(argAt(i)), { picklist: true });
      } finally {
        scope.priorDepth--;
      }
    },
    isOwnField: (i) => {
      const target = unparen(argAt(i));
      if (target.kind !== 'field') return false;
      const head = (target.path[0] as string).toUpperCase();
      if (head === '$RECORD') return target.path.length === 2;
      return target.path.length === 1 && !head.startsWith('$');
    },
    unifyType: (a, b, at) => scope.unifyType(a, b, where, at),
    unify: (a, b) => scope.unify(a, b, where),
    expectType: (t, types, at) => scope.expectType(t, types, where, at),
    result: (type, args, nullable): TCall => ({
      k: 'call',
      name,
      args,
      type,
      nullable,
      start: ast.start,
      end: ast.end,
    }),
    error: (kind, message, at: Span = ast) => scope.err(kind, message, at),
  };
}
