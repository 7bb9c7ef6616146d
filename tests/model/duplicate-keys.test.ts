/**
 * A key written twice in one of the model's object literals (scripts/model/duplicate-keys.ts):
 * JavaScript keeps the last silently, so the source is read and the load fails naming both lines.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { findDuplicateKeys } from '../../scripts/model/duplicate-keys.ts';
import { loadModel, openProject } from '../../scripts/project.ts';
import { ModelError } from '../../scripts/model/validate.ts';
import { projectCopy } from '../cli/project-copy.ts';

const keys = (source: string) => findDuplicateKeys(source).map((d) => `${d.key}@${d.line}<${d.firstLine}`);

describe('findDuplicateKeys', () => {
  test('two properties of one object literal', () => {
    const source = [
      'const o = {',
      "  Competition__c: text({ label: 'A' }),",
      "  Competition__c: text({ label: 'B' }),",
      '};',
    ];
    assert.deepEqual(keys(source.join('\n')), ['Competition__c@3<2']);
  });

  test('quoted, shorthand and plain keys are the same key', () => {
    assert.deepEqual(keys("const o = { 'Lead': a, Lead };"), ['Lead@1<1']);
    assert.deepEqual(keys('const o = { "Stage": 1,\n Stage: 2 };'), ['Stage@2<1']);
  });

  test('the same key in different objects, nested or side by side, is fine', () => {
    const source = `const o = {
      Lead: access('R', { viewAll: true }),
      Account: { fields: { Name: 1 }, Name: 2 },
      list: [{ a: 1 }, { a: 2 }],
    };`;
    assert.deepEqual(keys(source), []);
  });

  test('strings, templates with ${} expressions, and comments do not confuse it', () => {
    const source = [
      'const o = {',
      '  formula: `AND(${notBypassed}, "}", {x: 1, x: 2})`,',
      "  message: 'a } b, c: d',",
      '  // x: 1, x: 2',
      '  /* formula: 2 */',
      '  nested: `${`${{ formula: 1 }.formula}`}`,',
      '  formula: 3,',
      '};',
    ];
    assert.deepEqual(keys(source.join('\n')), ['formula@7<2']);
  });

  test('arrow functions, calls and object values inside do not end the object early', () => {
    const source = 'const o = { a: (x) => ({ b: x }), c: f({ a: 1 }), a: 2 };';
    assert.deepEqual(keys(source), ['a@1<1']);
  });

  test('the real model has none', async () => {
    const dir = new URL('../../model/', import.meta.url);
    for (const entry of await readdir(dir, { recursive: true })) {
      if (!entry.endsWith('.ts')) continue;
      assert.deepEqual(keys(await readFile(new URL(entry, dir), 'utf8')), [], entry);
    }
  });
});

test('loading a model with a key written twice fails before anything is generated, naming the file and both lines', async () => {
  const root = await projectCopy();
  try {
    const file = join(root, 'model/objects/opportunity.ts');
    const source = await readFile(file, 'utf8');
    const line = source.split('\n').findIndex((l) => l.includes('fields: {')) + 1;
    const broken = source.replace(
      'fields: {',
      "fields: {\n    Rival__c: text({ label: 'Rival' }),\n    Rival__c: text({ label: 'Rival again' }),",
    );
    await writeFile(file, broken);
    const project = await openProject(root);
    await assert.rejects(loadModel(project), (error: unknown) => {
      assert.ok(error instanceof ModelError);
      assert.equal(error.issues.length, 1);
      assert.equal(error.issues[0]!.origin, `model/objects/opportunity.ts:${line + 2}`);
      assert.match(
        error.issues[0]!.message,
        new RegExp(`"Rival__c" is written twice in one object \\(first on line ${line + 1}\\)`),
      );
      return true;
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
