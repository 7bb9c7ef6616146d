/**
 * Reading an entry's parameters: its arity, the parameter an argument binds to, the generic type
 * rule (check the arguments against the parameters, then apply `returns` and `blanks`), and the
 * printed signature the function reference shows.
 */
import type { TNode } from '../typed-ast.ts';
import { typeLabel, type FormulaType } from '../types.ts';
import type { CallCheck, FunctionSpec, Param, ReturnRule } from './spec.ts';

/** "At least n" arguments: the checker reports it that way. */
export const MANY = 1000;

export function arity(spec: FunctionSpec): { min: number; max: number } {
  const min = spec.params.filter((p) => !p.optional).length;
  const max = spec.params.some((p) => p.repeats) ? MANY : spec.params.length;
  return { min, max };
}

/** The parameter argument `i` binds to: a repeating parameter takes every argument past the list. */
export function paramAt(spec: FunctionSpec, i: number): Param {
  const last = spec.params.length - 1;
  const repeating = spec.params.findIndex((p) => p.repeats);
  if (i <= last) return spec.params[i] as Param;
  return spec.params[repeating >= 0 ? repeating : last] as Param;
}

/** The type rule of entries without one of their own. */
export function checkBySignature(spec: FunctionSpec, call: CallCheck): TNode {
  const args = call.args.map((_, i) => {
    const p = paramAt(spec, i);
    return p.types === 'any' ? call.node(i, { picklist: p.picklist === true }) : call.arg(i, p.types);
  });
  const type = resultType(spec.returns, args, spec.name);
  const nullable =
    spec.blanks === 'always' ? true : spec.blanks === 'propagates' ? args.some((a) => a.nullable) : false;
  return call.result(type, args, nullable);
}

function resultType(rule: ReturnRule, args: readonly TNode[], name: string): FormulaType {
  if (typeof rule === 'object') {
    const t = args[rule.sameAs]?.type;
    return t === undefined || t === 'Null' ? rule.ifNull : t;
  }
  if (isFormulaType(rule)) return rule;
  throw new Error(`internal: ${name} describes its result type (${rule}) but has no type rule of its own`);
}

const FORMULA_TYPES: ReadonlySet<string> = new Set<FormulaType>([
  'Checkbox',
  'Number',
  'Currency',
  'Percent',
  'Text',
  'Date',
  'DateTime',
  'Time',
  'Picklist',
  'MultiPicklist',
  'Null',
]);
const isFormulaType = (s: string): s is FormulaType => FORMULA_TYPES.has(s);

/** `LPAD(text: Text, padded_length: Number[, pad_string: Text]): Text`, as the reference prints it. */
export function signatureOf(spec: FunctionSpec): string {
  let out = '';
  spec.params.forEach((p, i) => {
    const sep = i === 0 ? '' : ', ';
    const text = `${p.name}${typesOf(p)}${p.repeats ? ', …' : ''}`;
    out += p.optional ? `[${sep}${text}]` : `${sep}${text}`;
  });
  return `${spec.name}(${out}): ${returnsOf(spec)}`;
}

function typesOf(p: Param): string {
  if (p.types === 'any') return p.picklist ? ': any (picklists too)' : ': any';
  const labels = [...new Set(p.types.map((t) => (t === 'Currency' || t === 'Percent' ? 'Number' : typeLabel(t))))];
  return `: ${labels.join(' | ')}`;
}

function returnsOf(spec: FunctionSpec): string {
  const r = spec.returns;
  if (typeof r === 'object') return `type of ${spec.params[r.sameAs]?.name ?? `argument ${r.sameAs + 1}`}`;
  return isFormulaType(r) ? typeLabel(r) : r;
}

/** How the function treats blank arguments, for the reference. */
export function blanksOf(spec: FunctionSpec): string {
  if (spec.blankNote !== undefined) return spec.blankNote;
  switch (spec.blanks) {
    case 'propagates':
      return 'Blank when any argument is blank.';
    case 'always':
      return 'Blank when its argument is blank.';
    case 'never':
      return spec.returns === 'Text'
        ? 'Blank text arguments read as empty text; the result may be empty (blank) text.'
        : 'Never blank: blank text arguments read as empty text.';
    case 'own':
      return '';
  }
}
