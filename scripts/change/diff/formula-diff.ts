/**
 * How a formula changed, token by token (the formula engine's lexer, so `AND(` and `AND (` are
 * the same and a comment is not a change): the removed and added runs of tokens, and the fields
 * the formula started or stopped reading. Formulas are short, so a plain LCS table does.
 */
import { tokenize, type Token } from '../../formula/lexer.ts';

export interface TokenHunk {
  readonly removed: string;
  readonly added: string;
}

export interface FormulaChange {
  readonly hunks: readonly TokenHunk[];
  readonly fieldsAdded: readonly string[];
  readonly fieldsRemoved: readonly string[];
  /** Whitespace, line breaks or comments only. */
  readonly layoutOnly: boolean;
}

const show = (t: Token): string => (t.kind === 'string' ? JSON.stringify(t.text) : t.text);

function tokens(source: string): string[] {
  try {
    return tokenize(source)
      .filter((t) => t.kind !== 'eof')
      .map(show);
  } catch {
    // Not a valid formula (it will fail verify): compare it word by word.
    return source.split(/\s+/).filter(Boolean);
  }
}

/** Field references: identifiers that are not functions or globals (`Stage__c`, `Account.Owner.Email`). */
function fields(toks: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!/^[A-Za-z_$][\w$]*$/.test(t) || toks[i + 1] === '(' || toks[i - 1] === '.') continue;
    if (/^(true|false|null|and|or|not)$/i.test(t)) continue;
    let path = t;
    while (toks[i + 1] === '.' && toks[i + 2]) {
      path += `.${toks[i + 2]}`;
      i += 2;
    }
    out.add(path);
  }
  return out;
}

export function diffFormula(before: string, after: string): FormulaChange {
  const a = tokens(before);
  const b = tokens(after);
  // LCS table over prefixes, walked back from the end. Where several alignments are equally
  // short (brackets), the hunks may split differently from a person's reading, never wrongly.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      lcs[i]![j] = a[i - 1] === b[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
  const ops: { op: '=' | '-' | '+'; token: string }[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1]) {
      ops.push({ op: '=', token: a[--i]! });
      j--;
    } else if (i > 0 && (j === 0 || lcs[i - 1]![j]! >= lcs[i]![j - 1]!)) ops.push({ op: '-', token: a[--i]! });
    else ops.push({ op: '+', token: b[--j]! });
  }
  const hunks: TokenHunk[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length || added.length) hunks.push({ removed: removed.join(' '), added: added.join(' ') });
    removed = [];
    added = [];
  };
  for (const { op, token } of ops.reverse()) {
    if (op === '=') flush();
    else (op === '-' ? removed : added).push(token);
  }
  flush();
  const fa = fields(a);
  const fb = fields(b);
  return {
    hunks,
    fieldsAdded: [...fb].filter((f) => !fa.has(f)).sort(),
    fieldsRemoved: [...fa].filter((f) => !fb.has(f)).sort(),
    layoutOnly: hunks.length === 0 && before !== after,
  };
}

/** `AND(A, B)` → `AND(A, B, C)`: "−`…` +`, C`" for a reviewer. */
export function describeFormulaChange(change: FormulaChange): string {
  if (change.layoutOnly) return 'layout or comments only; the logic is unchanged';
  const parts = change.hunks
    .slice(0, 6)
    .map((h) =>
      h.removed && h.added
        ? `\`${h.removed}\` → \`${h.added}\``
        : h.removed
          ? `removed \`${h.removed}\``
          : `added \`${h.added}\``,
    );
  if (change.hunks.length > 6) parts.push(`and ${change.hunks.length - 6} more`);
  const reads = [
    change.fieldsAdded.length ? `now reads ${change.fieldsAdded.join(', ')}` : '',
    change.fieldsRemoved.length ? `no longer reads ${change.fieldsRemoved.join(', ')}` : '',
  ].filter(Boolean);
  return [parts.join('; '), ...reads].filter(Boolean).join('; ');
}
