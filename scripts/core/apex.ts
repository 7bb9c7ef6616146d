/**
 * Writes generated Apex already in the project's Prettier format (prettier-plugin-apex with the
 * project's .prettierrc for force-app: 4-space indent, 120 columns, no trailing commas), without
 * running Prettier: it spawns a native parser per file, which would make generation slow and
 * impure. Generators build a small document — text, groups that break as a unit, indentation —
 * and `printApex` lays it out with Prettier's own algorithm (a group stays on one line when it
 * fits up to the next line break, otherwise its lines break). The builders below produce the
 * documents Prettier's Apex printer produces for the constructs generators use; tests compare
 * the output with Prettier's.
 */

export type ApexDoc =
  | string
  | readonly ApexDoc[]
  | { readonly kind: 'group'; readonly contents: ApexDoc }
  | { readonly kind: 'indent'; readonly contents: ApexDoc }
  | { readonly kind: 'line'; readonly soft: boolean; readonly hard: boolean };

const WIDTH = 120;
const INDENT = 4;

/** A space, or a line break when its group breaks. */
export const line: ApexDoc = { kind: 'line', soft: false, hard: false };
/** Nothing, or a line break when its group breaks. */
export const softline: ApexDoc = { kind: 'line', soft: true, hard: false };
/** Always a line break. */
export const hardline: ApexDoc = { kind: 'line', soft: false, hard: true };
export const group = (contents: ApexDoc): ApexDoc => ({ kind: 'group', contents });
export const indent = (contents: ApexDoc): ApexDoc => ({ kind: 'indent', contents });
export const join = (separator: ApexDoc, docs: readonly ApexDoc[]): ApexDoc[] =>
  docs.flatMap((d, i) => (i === 0 ? [d] : [separator, d]));

/** `open` items `close`, on one line or one item a line: argument lists. */
const bracketed = (open: string, items: readonly ApexDoc[], close: string): ApexDoc =>
  items.length === 0 ? [open, close] : group([open, indent([softline, join([',', line], items)]), softline, close]);

/** `callee(arg, ...)`. */
export const call = (callee: string, args: readonly ApexDoc[]): ApexDoc => [callee, bracketed('(', args, ')')];

/** `new Account(Name = 'Acme', ...)`. */
export const newSObject = (type: string, fields: readonly (readonly [string, ApexDoc])[]): ApexDoc =>
  bracketed(
    `new ${type}(`,
    fields.map(([name, value]) => [name, ' = ', value]),
    ')',
  );

/** `new List<String>{ 'a', 'b' }`. */
export const listOf = (type: string, items: readonly ApexDoc[]): ApexDoc =>
  group([`new List<${type}>{`, indent([line, join([',', line], items)]), line, '}']);

/** `[SELECT a, b FROM X WHERE ... WITH USER_MODE]`: one line, or a clause a line. */
export const soql = (fields: readonly string[], from: string, clauses: readonly string[]): ApexDoc =>
  group([
    '[',
    indent([
      softline,
      'SELECT',
      group(indent([line, join([',', line], fields)])),
      line,
      `FROM ${from}`,
      ...clauses.flatMap((c) => [line, c]),
    ]),
    softline,
    ']',
  ]);

/** `upper case, scheme and www are normalised` → `upperCaseSchemeAndWwwAreNormalised`. */
export function testMethodName(caseName: string): string {
  const words = caseName.replace(/['’]/g, '').match(/[A-Za-z0-9]+/g) ?? [];
  const name = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return /^[a-z]/.test(name) ? name : `case${name}`;
}

/** A string literal: single quotes, with `\` and `'` escaped (and line breaks, which a literal cannot hold). */
export const apexString = (value: string): string =>
  `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;

/** A block: `{`, statements one a line, `}`. */
export const block = (head: string, statements: readonly ApexDoc[]): ApexDoc => [
  `${head} {`,
  indent(statements.map((s) => [hardline, s])),
  hardline,
  '}',
];

type Mode = 'break' | 'flat';
type Command = readonly [indentation: number, mode: Mode, doc: ApexDoc];
type Node = Exclude<ApexDoc, string | readonly ApexDoc[]>;

const isList = (doc: ApexDoc): doc is readonly ApexDoc[] => Array.isArray(doc);

/** Whether `next` fits in `width` columns, followed by the rest of the document up to its next line break. */
function fits(next: Command, rest: readonly Command[], width: number): boolean {
  const stack: Command[] = [next];
  let restIndex = rest.length;
  while (width >= 0) {
    const command = stack.pop() ?? (restIndex > 0 ? rest[--restIndex] : undefined);
    if (!command) return true;
    const [ind, mode, doc] = command;
    if (typeof doc === 'string') width -= doc.length;
    else if (isList(doc)) for (let i = doc.length - 1; i >= 0; i--) stack.push([ind, mode, doc[i]!]);
    else if (doc.kind !== 'line') stack.push([ind, mode, doc.contents]);
    else if (mode === 'break' || doc.hard) return true;
    else if (!doc.soft) width -= 1;
  }
  return false;
}

/** Lays the document out in 120 columns, as Prettier does; ends with one newline. */
export function printApex(doc: ApexDoc): string {
  let out = '';
  let column = 0;
  const commands: Command[] = [[0, 'break', doc]];
  const print = (text: string) => {
    out += text;
    column += text.length;
  };
  const node = (ind: number, mode: Mode, current: Node) => {
    if (current.kind === 'indent') commands.push([ind + INDENT, mode, current.contents]);
    else if (current.kind === 'group') {
      const flat: Command = [ind, 'flat', current.contents];
      commands.push(mode === 'flat' || fits(flat, commands, WIDTH - column) ? flat : [ind, 'break', current.contents]);
    } else if (mode === 'flat' && !current.hard) print(current.soft ? '' : ' ');
    else {
      // A line break drops the spaces before it, as Prettier does.
      out = `${out.replace(/[ \t]+$/, '')}\n`;
      column = 0;
      print(' '.repeat(ind));
    }
  };
  while (commands.length) {
    const [ind, mode, current] = commands.pop()!;
    if (typeof current === 'string') print(current);
    else if (isList(current)) for (let i = current.length - 1; i >= 0; i--) commands.push([ind, mode, current[i]!]);
    else node(ind, mode, current);
  }
  return `${out.replace(/\s+$/, '')}\n`;
}
