/**
 * The engine stays readable: no function in scripts/formula runs over 80 lines, and its modules
 * import one another without circles (type-only imports included).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

const ENGINE_DIR = new URL('..', import.meta.url).pathname;
const MAX_FUNCTION_LINES = 80;

function sources(dir = ENGINE_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

test(`no function in scripts/formula is longer than ${MAX_FUNCTION_LINES} lines`, () => {
  const long: string[] = [];
  for (const file of sources()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const from = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const to = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (to - from + 1 > MAX_FUNCTION_LINES)
          long.push(`${relative(ENGINE_DIR, file)}:${from + 1} (${to - from + 1} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual(long, []);
});

test('the engine has no import circles', () => {
  const graph = new Map<string, string[]>();
  for (const file of sources()) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)].map((m) =>
      normalize(join(dirname(file), m[1] as string)),
    );
    graph.set(
      file,
      targets.filter((t) => t.startsWith(ENGINE_DIR)),
    );
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === 'done') return;
    assert.notEqual(
      state.get(file),
      'visiting',
      `import circle: ${[...path, file].map((f) => relative(ENGINE_DIR, f)).join(' → ')}`,
    );
    state.set(file, 'visiting');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
});
