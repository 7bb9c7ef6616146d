/**
 * Duplicate keys in the model's object literals. `fields: { Competition__c: ..., Competition__c:
 * ... }` is valid JavaScript: the second silently replaces the first, so by the time the model
 * runs, nothing is left to check. This reads the model's source instead: a small scanner (strings,
 * template literals with `${}`, comments, brackets) that collects the keys written directly inside
 * each `{ }` and reports a key written twice. Fast enough to run on every load (a TypeScript parse
 * of model/ would cost about a second of start-up).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface DuplicateKey {
  /** Project-relative `file:line` of the second occurrence. */
  readonly origin: string;
  readonly key: string;
  readonly firstLine: number;
}

interface Frame {
  readonly open: string;
  /** Keys written directly in this `{ }`, with their lines. */
  readonly keys: Map<string, number>;
  /** Whether the next token may start a property (after `{` or `,`). */
  expectKey: boolean;
}

const IDENT = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const CLOSE: Record<string, string> = { '}': '{', ')': '(', ']': '[' };

/** Skips a quoted string starting at `i` (the quote); returns the index after it and its content. */
function readString(text: string, i: number): { end: number; value: string } {
  const quote = text[i]!;
  let j = i + 1;
  let value = '';
  while (j < text.length && text[j] !== quote) {
    if (text[j] === '\\') j += 1;
    value += text[j];
    j += 1;
  }
  return { end: j + 1, value };
}

/** The key at `i` if a property starts there (`name:`, `'name':`, `name,` shorthand), else undefined. */
function keyAt(text: string, i: number): { key: string; end: number } | undefined {
  let key: string;
  let end: number;
  if (text[i] === "'" || text[i] === '"') ({ value: key, end } = readString(text, i));
  else {
    IDENT.lastIndex = i;
    const m = IDENT.exec(text);
    if (!m) return undefined;
    [key, end] = [m[0], i + m[0].length];
  }
  let k = end;
  while (/\s/.test(text[k] ?? '')) k += 1;
  return text[k] === ':' || text[k] === ',' || text[k] === '}' ? { key, end } : undefined;
}

/** Every key written twice directly inside the same `{ }` of one source file. */
export function findDuplicateKeys(text: string): { key: string; line: number; firstLine: number }[] {
  const found: { key: string; line: number; firstLine: number }[] = [];
  const stack: Frame[] = [];
  let line = 1;
  let i = 0;
  const top = () => stack[stack.length - 1];
  while (i < text.length) {
    const c = text[i]!;
    const frame = top();
    if (c === '\n') line += 1;
    if (frame?.open === '`') {
      // Inside a template literal: only `${` and the closing backtick matter.
      if (c === '\\') i += 2;
      else if (c === '`') {
        stack.pop();
        i += 1;
      } else if (c === '$' && text[i + 1] === '{') {
        stack.push({ open: '${', keys: new Map(), expectKey: false });
        i += 2;
      } else i += 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      line += (text.slice(i, stop).match(/\n/g) ?? []).length;
      i = stop;
      continue;
    }
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (frame?.open === '{' && frame.expectKey) {
      frame.expectKey = false;
      const property = keyAt(text, i);
      if (property) {
        const first = frame.keys.get(property.key);
        if (first !== undefined) found.push({ key: property.key, line, firstLine: first });
        else frame.keys.set(property.key, line);
        i = property.end;
        continue;
      }
    }
    if (c === "'" || c === '"') i = readString(text, i).end;
    else if (c === '`' || c === '{' || c === '(' || c === '[') {
      stack.push({ open: c, keys: new Map(), expectKey: c === '{' });
      i += 1;
    } else if (c in CLOSE) {
      if (frame?.open === '${' && c === '}') stack.pop();
      else if (frame?.open === CLOSE[c]) stack.pop();
      i += 1;
    } else {
      if (c === ',' && frame?.open === '{') frame.expectKey = true;
      i += 1;
    }
  }
  return found;
}

/** Duplicate keys in every TypeScript file under `dir` (the model folder), by project-relative file:line. */
export async function modelDuplicateKeys(projectRoot: string, dir = 'model'): Promise<DuplicateKey[]> {
  const entries = await readdir(join(projectRoot, dir), { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const duplicates: DuplicateKey[] = [];
  for (const file of files) {
    const rel = relative(projectRoot, file).split(sep).join('/');
    for (const d of findDuplicateKeys(await readFile(file, 'utf8')))
      duplicates.push({ origin: `${rel}:${d.line}`, key: d.key, firstLine: d.firstLine });
  }
  return duplicates;
}
