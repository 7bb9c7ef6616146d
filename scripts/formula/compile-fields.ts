/**
 * Reading merge fields in compiled code: navigating the record (or `$User`, the prior record …)
 * along relationship names, where a missing link reads as blank, and converting the raw value to
 * the internal representation of its formula type.
 */
import type { CodeScope } from './compile-scope.ts';
import type { TField } from './typed-ast.ts';
import type { FormulaType } from './types.ts';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const prop = (name: string): string => (IDENT.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);

/** The object a field scope reads from, and whether it can be missing. */
function baseOf(scope: CodeScope, n: TField): { base: string; maybeNull: boolean } {
  switch (n.scope) {
    case 'record':
      return { base: 'r', maybeNull: false };
    case 'prior':
      scope.prelude('prior', 'const p = ctx.prior || r;');
      return { base: 'p', maybeNull: false };
    case 'user':
      return { base: 'ctx.user', maybeNull: true };
    case 'organization':
      return { base: 'ctx.organization', maybeNull: true };
    case 'profile':
      return { base: `${scope.h('profileOf')}(ctx)`, maybeNull: true };
    case 'userRole':
      return { base: `${scope.h('userRoleOf')}(ctx)`, maybeNull: true };
    case 'recordType':
      return { base: `${scope.h('recordTypeOf')}(ctx)`, maybeNull: true };
  }
}

export function fieldCode(scope: CodeScope, n: TField): string {
  const { base, maybeNull } = baseOf(scope, n);
  const steps = n.path.length;
  let access: string;
  if (!maybeNull && steps === 1) {
    access = `${base}${prop(n.path[0] as string)}`;
  } else {
    // Navigate the path; any missing link reads as blank.
    let cur = base;
    access = '';
    if (maybeNull) {
      cur = scope.tmp();
      access = `(${cur} = ${base}) == null ? undefined : `;
    }
    for (let i = 0; i < steps - 1; i++) {
      const next = scope.tmp();
      access += `(${next} = ${cur}${prop(n.path[i] as string)}) == null ? undefined : `;
      cur = next;
    }
    access = `(${access}${cur}${prop(n.path[steps - 1] as string)})`;
  }
  const t = scope.tmp();
  return readValue(scope, n.type, n.fieldType, access, t);
}

/** Converts a raw value (JS expression) to the internal representation of `type`. */
export function readValue(
  scope: CodeScope,
  type: FormulaType,
  fieldType: string,
  raw: string,
  t = scope.tmp(),
): string {
  const bz = scope.checked.blankAsZero;
  switch (type) {
    case 'Text':
    case 'Picklist':
    case 'MultiPicklist':
      if (fieldType === 'id' || fieldType === 'reference') return `${scope.h('id15')}(${raw})`;
      return `(typeof (${t} = ${raw}) === 'string' ? ${t} : ${scope.h('str')}(${t}))`;
    case 'Checkbox':
      return `((${t} = ${raw}) === true || (${t} !== false && ${t} != null && ${scope.h('bool')}(${t})))`;
    case 'Number':
    case 'Currency':
      return `(typeof (${t} = ${raw}) === 'number' ? ${t} : ${scope.h(bz ? 'num0' : 'num')}(${t}))`;
    case 'Percent':
      return `${scope.h(bz ? 'pct0' : 'pct')}(${raw})`;
    case 'Date':
      return `${scope.h('date')}(${raw})`;
    case 'DateTime':
      return `${scope.h('datetime')}(${raw})`;
    case 'Time':
      return `${scope.h('time')}(${raw})`;
    case 'Null':
      return 'null';
  }
}
