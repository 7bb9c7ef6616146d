/**
 * The code's shape, as ARCHITECTURE.md promises it: no function over 80 lines in scripts/
 * (two at most may say why in a `long-function:` comment), no import circles, and a core that
 * imports no family, so every arrow points down.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  MAX_FUNCTION_LINES,
  functionSpans,
  importCircles,
  measureCodeShape,
  relativeImports,
  sourceFiles,
} from '../scripts/ci/code-shape.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const shape = measureCodeShape(ROOT, ['scripts', 'model', 'bin']);

describe('code shape', () => {
  test(`no function in scripts/ is over ${MAX_FUNCTION_LINES} lines, but two that say why`, async () => {
    const { long } = await shape;
    const unjustified = long.filter((s) => !s.justified).map((s) => `${s.file}:${s.line} ${s.name} (${s.lines} lines)`);
    assert.deepEqual(unjustified, []);
    assert.ok(long.length <= 2, `at most two justified exceptions, found ${long.length}`);
  });

  test('no import circles in scripts/ and model/', async () => {
    assert.deepEqual((await shape).circles, []);
  });

  test('the core (scripts/core, the schema it describes) imports no family and no pipeline', async () => {
    const core = await sourceFiles(ROOT, ['scripts/core', 'scripts/schema']);
    const allowed = /\/scripts\/(core|formula)\/|\/scripts\/schema\/(types|builder|standard-objects|resolve)\.ts$/;
    const offenders: string[] = [];
    for (const file of core) {
      if (file.endsWith('/scripts/schema/build.ts')) continue; // assembles the schema from the registry
      for (const target of relativeImports(file, await readFile(file, 'utf8')))
        if (!allowed.test(target)) offenders.push(`${file.slice(ROOT.length)} → ${target.slice(ROOT.length)}`);
    }
    assert.deepEqual(offenders, []);
  });
});

describe('the measuring itself', () => {
  test('counts a function from its first to its last line, nested ones included', () => {
    const text = ['function outer() {', '  const inner = () => {', '    return 1;', '  };', '  return inner();', '}'];
    const spans = functionSpans('x.ts', text.join('\n'));
    assert.deepEqual(
      spans.map((s) => [s.name, s.line, s.lines]),
      [
        ['outer', 1, 6],
        ['inner', 2, 3],
      ],
    );
  });

  test('reads the reason of a long-function comment', () => {
    const spans = functionSpans('x.ts', '// long-function: a table of 90 cases reads best whole\nfunction big() {}\n');
    assert.equal(spans[0]!.justified, 'a table of 90 cases reads best whole');
  });

  test('finds a circle, and none in a tree', () => {
    const circle = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    assert.deepEqual(importCircles(circle), [['a.ts', 'b.ts', 'c.ts']]);
    const tree = new Map([
      ['a.ts', ['b.ts', 'c.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', []],
    ]);
    assert.deepEqual(importCircles(tree), []);
  });
});
