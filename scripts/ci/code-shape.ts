/**
 * The shape rules ARCHITECTURE.md promises, measured on the source itself: how long each
 * function is, and which modules import which (to find import circles). Used by
 * tests/architecture.test.ts, and runnable for a report:
 *
 *   node scripts/ci/code-shape.ts [DIR...]      # functions over 80 lines, import circles
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** The longest a function may be; two functions may say why they are longer (LONG_FUNCTION_MARK). */
export const MAX_FUNCTION_LINES = 80;
/** A comment starting with this, right above a function, records why it is longer than the rule. */
export const LONG_FUNCTION_MARK = 'long-function:';

export interface FunctionSpan {
  readonly file: string;
  readonly name: string;
  readonly line: number;
  readonly lines: number;
  /** The reason given in a LONG_FUNCTION_MARK comment, if any. */
  readonly justified?: string;
}

/** TypeScript sources under `dirs`, test files and __tests__ folders excluded (test suites are not design units). */
export async function sourceFiles(root: string, dirs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const dir of dirs) {
    const entries = await readdir(join(root, dir), { withFileTypes: true, recursive: true }).catch(() => []);
    for (const e of entries) {
      const path = join(e.parentPath, e.name);
      if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.test.ts')) continue;
      if (path.split(sep).includes('__tests__') || path.split(sep).includes('node_modules')) continue;
      files.push(path);
    }
  }
  return files.sort();
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `${parent.expression.getText(source).slice(0, 40)}(…) callback`;
  return '(anonymous)';
}

/** Every function of a file (declarations, methods, arrows, expressions) with its length in lines. */
export function functionSpans(file: string, text: string): FunctionSpan[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const spans: FunctionSpan[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const statement = ts.isVariableDeclaration(node.parent) ? node.parent.parent.parent : node;
      const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
      const mark = comments
        .map((c) => text.slice(c.pos, c.end).replace(/^\/[/*]+\s*/, ''))
        .find((c) => c.startsWith(LONG_FUNCTION_MARK));
      spans.push({
        file,
        name: nameOf(node, source),
        line: start + 1,
        lines: end - start + 1,
        justified: mark?.slice(LONG_FUNCTION_MARK.length).trim(),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return spans;
}

/** Relative imports of a file (type-only ones included: a circle of types is still a circle to read). */
export function relativeImports(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)];
  return specifiers.map((m) => resolve(dirname(file), m[1]!));
}

/** Import circles among `files`: each as the list of files around it (shortest first found per file). */
export function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const circles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') {
        const circle = stack.slice(stack.indexOf(next));
        const key = [...circle].sort().join('|');
        if (!seen.has(key)) circles.push(circle);
        seen.add(key);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return circles;
}

export interface CodeShape {
  readonly files: number;
  readonly functions: number;
  readonly long: readonly FunctionSpan[];
  readonly circles: readonly string[][];
}

export async function measureCodeShape(root: string, dirs: readonly string[]): Promise<CodeShape> {
  const files = await sourceFiles(root, dirs);
  const graph = new Map<string, string[]>();
  const spans: FunctionSpan[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const rel = relative(root, file).split(sep).join('/');
    spans.push(...functionSpans(rel, text));
    graph.set(
      rel,
      relativeImports(file, text).map((p) => relative(root, p).split(sep).join('/')),
    );
  }
  return {
    files: files.length,
    functions: spans.length,
    long: spans.filter((s) => s.lines > MAX_FUNCTION_LINES).sort((a, b) => b.lines - a.lines),
    circles: importCircles(graph),
  };
}

if (import.meta.main) {
  const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['scripts', 'model', 'bin'];
  const shape = await measureCodeShape(process.cwd(), dirs);
  console.log(`${shape.files} files, ${shape.functions} functions in ${dirs.join(', ')}`);
  console.log(`${shape.long.length} functions over ${MAX_FUNCTION_LINES} lines:`);
  for (const s of shape.long)
    console.log(
      `  ${s.lines} lines  ${s.file}:${s.line} ${s.name}${s.justified ? `  (justified: ${s.justified})` : ''}`,
    );
  console.log(`${shape.circles.length} import circles:`);
  for (const c of shape.circles) console.log(`  ${[...c, c[0]].join(' → ')}`);
}
