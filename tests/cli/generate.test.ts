/**
 * `revops generate` on a copy of the project: deterministic, minimal, owns only its files.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { projectCopy, revops, ROOT } from './project-copy.ts';

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const base of ['force-app', 'config']) {
    for (const entry of await readdir(join(dir, base), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) {
        const path = join(entry.parentPath, entry.name);
        files.set(path.slice(dir.length + 1), await readFile(path, 'utf8'));
      }
    }
  }
  return files;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

async function withCopy(work: (dir: string) => Promise<void>): Promise<void> {
  const dir = await projectCopy();
  try {
    await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('revops generate', { concurrency: true }, () => {
  test('the committed force-app/generated matches model/ (drift check)', () => {
    const run = revops(ROOT, 'generate', '--check');
    assert.equal(run.status, 0, run.stderr);
  });

  test('running it again changes nothing, byte for byte, and rewrites no file', () =>
    withCopy(async (dir) => {
      const before = await snapshot(dir);
      const mtime = (await stat(join(dir, 'force-app/generated/objects/Opportunity/fields/ARR__c.field-meta.xml')))
        .mtimeMs;
      const run = revops(dir, 'generate');
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /0 added, 0 changed, 0 removed/);
      assert.deepEqual(changes(before, await snapshot(dir)), []);
      assert.equal(
        (await stat(join(dir, 'force-app/generated/objects/Opportunity/fields/ARR__c.field-meta.xml'))).mtimeMs,
        mtime,
      );
    }));

  test('changing one label changes exactly one generated file', () =>
    withCopy(async (dir) => {
      const model = join(dir, 'model/objects/opportunity.ts');
      await writeFile(model, (await readFile(model, 'utf8')).replace("label: 'Seats'", "label: 'Licensed Seats'"));
      const before = await snapshot(dir);
      assert.equal(revops(dir, 'generate', '--check').status, 1, 'drift is detected before generating');
      assert.equal(revops(dir, 'generate').status, 0);
      const changed = changes(before, await snapshot(dir));
      assert.deepEqual(changed, ['force-app/generated/objects/Opportunity/fields/Seats__c.field-meta.xml']);
      assert.equal(revops(dir, 'generate', '--check').status, 0);
    }));

  test('deleting a field deletes its file and leaves hand-written files alone', () =>
    withCopy(async (dir) => {
      const model = join(dir, 'model/objects/contact.ts');
      const source = await readFile(model, 'utf8');
      const withoutField = source.replace(/\n {4}Buying_Role__c: picklist\(\{[\s\S]*?\}\),/, '');
      assert.notEqual(withoutField, source, 'the test edit applies');
      await writeFile(model, withoutField);
      const handWritten = join(dir, 'force-app/main/default/classes/StageGateController.cls');
      const handWrittenBefore = await readFile(handWritten, 'utf8');
      const before = await snapshot(dir);
      const run = revops(dir, 'generate');
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /0 added, \d+ changed, 1 removed/);
      // Field access comes from the model (fieldsOf), so every permission set granting the field
      // drops it too; the generated catalogue (docs/model) describes the object anew.
      const changed = changes(before, await snapshot(dir));
      assert.ok(changed.includes('force-app/generated/objects/Contact/fields/Buying_Role__c.field-meta.xml'));
      const others = changed.filter((p) => !p.endsWith('Buying_Role__c.field-meta.xml'));
      assert.ok(others.length > 0);
      for (const path of others) {
        assert.match(path, /^(force-app\/generated\/permissionsets\/|docs\/model\/)/, `unexpected change ${path}`);
        assert.doesNotMatch(await readFile(join(dir, path), 'utf8'), /Contact\.Buying_Role__c/);
      }
      assert.equal(await readFile(handWritten, 'utf8'), handWrittenBefore);
    }));

  test('a file the model does not define is removed from force-app/generated only', () =>
    withCopy(async (dir) => {
      const stray = join(dir, 'force-app/generated/objects/Opportunity/fields/Stray__c.field-meta.xml');
      await writeFile(stray, '<CustomField/>');
      const check = revops(dir, 'generate', '--check');
      assert.equal(check.status, 1);
      assert.match(
        check.stderr,
        /not in model\s+force-app\/generated\/objects\/Opportunity\/fields\/Stray__c\.field-meta\.xml/,
      );
      assert.equal(revops(dir, 'generate').status, 0);
      await assert.rejects(stat(stray));
    }));
});
