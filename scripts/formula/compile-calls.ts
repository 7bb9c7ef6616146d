/** Function calls in compiled code: the compiler's side of the function table. */
import { wrap, type CodeScope } from './compile-scope.ts';
import { FUNCTION_TABLE } from './functions/index.ts';
import type { CallCompile } from './functions/spec.ts';
import type { TCall, TNode } from './typed-ast.ts';

export function callCode(scope: CodeScope, n: TCall): string {
  const spec = FUNCTION_TABLE.get(n.name);
  if (!spec) throw new Error(`internal: no code for function ${n.name}`);
  return spec.compile(callCompile(scope, n));
}

/** The compiler's view of one call, handed to the entry's compiled form. */
function callCompile(scope: CodeScope, n: TCall): CallCompile {
  const node = (i: number): TNode => n.args[i] as TNode;
  return {
    call: n,
    node,
    arg: (i) => scope.gen(node(i)),
    helper: (name) => scope.h(name),
    fail: () => scope.fail(n),
    tmp: () => scope.tmp(),
    constant: (v) => scope.constant(v),
    nullSafe: (body) => scope.nullSafe(n.args, body),
    logical: (kind, args) => scope.logical(kind, args),
    not: (code, nullable) => scope.not(code, nullable),
    wrap,
  };
}
