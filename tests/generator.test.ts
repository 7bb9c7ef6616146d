/**
 * The generator's contract with the disk: deterministic output, incremental writes, removal of
 * what the model no longer defines, hands off hand-written files, nothing written for a broken
 * model, and the drift check that keeps the committed force-app/generated in sync with model/.
 *
 * Everything that writes works on a throw-away project under the OS temp directory.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FieldDef, ObjectDef, RevOpsModel } from '../scripts/dsl/index.ts';
import { generate } from '../scripts/commands/generate.ts';
import {
  detectDrift,
  GENERATED_DIRS,
  GENERATED_ROOT,
  generateFiles,
  hasDrift,
  writeGenerated,
  type GeneratedFile,
} from '../scripts/metadata/generate.ts';
import { DOCS_ROOT } from '../scripts/docs/catalogue.ts';
import { ModelError } from '../scripts/model/validate.ts';
import { openProject } from '../scripts/project.ts';
import fixture from './fixtures/every-kind/model.ts';
import realModel from '../model/index.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const OLD = new Date('2001-02-03T04:05:06Z');
const HAND_WRITTEN = {
  'force-app/main/default/classes/FakeController.cls': 'public with sharing class FakeController {}\n',
  'force-app/main/default/classes/FakeController.cls-meta.xml':
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>66.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n',
};

const temps: string[] = [];
after(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A throw-away project: sfdx-project.json and a hand-written Apex class, nothing generated yet. */
async function tempProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'revops-generator-'));
  temps.push(root);
  await copyFile(join(PROJECT_ROOT, 'sfdx-project.json'), join(root, 'sfdx-project.json'));
  for (const [path, content] of Object.entries(HAND_WRITTEN)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content, 'utf8');
  }
  return root;
}

interface Snapshot {
  readonly files: Map<string, { readonly content: string; readonly mtimeMs: number }>;
  readonly dirs: Set<string>;
}

/** Every file (content and mtime) and directory under `root`, by POSIX relative path. */
async function snapshot(root: string): Promise<Snapshot> {
  const files = new Map<string, { content: string; mtimeMs: number }>();
  const dirs = new Set<string>();
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    const full = join(entry.parentPath, entry.name);
    const rel = relative(root, full).split(sep).join('/');
    if (entry.isDirectory()) dirs.add(rel);
    else files.set(rel, { content: await readFile(full, 'utf8'), mtimeMs: (await stat(full)).mtimeMs });
  }
  return { files, dirs };
}

/** Backdates every file, so that a rewrite (even an identical one) shows in its mtime. */
async function backdate(root: string): Promise<void> {
  for (const path of (await snapshot(root)).files.keys()) await utimes(join(root, path), OLD, OLD);
}

/** The paths whose content or mtime differs between two snapshots, and those added or removed. */
function compare(before: Snapshot, after: Snapshot) {
  const touched = [...after.files]
    .filter(
      ([p, f]) =>
        before.files.has(p) &&
        (before.files.get(p)!.content !== f.content || before.files.get(p)!.mtimeMs !== f.mtimeMs),
    )
    .map(([p]) => p);
  const added = [...after.files.keys()].filter((p) => !before.files.has(p));
  const removed = [...before.files.keys()].filter((p) => !after.files.has(p));
  return { touched, added, removed };
}

/** A copy of `model` in which `edit` rewrote the custom fields of one object. */
function editFields(
  model: RevOpsModel,
  apiName: string,
  edit: (fields: Record<string, FieldDef>) => Record<string, FieldDef>,
): RevOpsModel {
  assert.ok(
    model.objects.some((o) => o.apiName === apiName),
    `no object ${apiName} in the model`,
  );
  return {
    ...model,
    objects: model.objects.map((o) =>
      o.apiName === apiName ? ({ ...o, fields: edit({ ...o.fields }) } as ObjectDef) : o,
    ),
  };
}

/**
 * The metadata part of a drift or a snapshot comparison. The model catalogue (docs/model/,
 * tested in tests/docs.test.ts) describes most definitions on more than one page, so nearly
 * every model edit changes some of its pages too.
 */
function metadataOnly<T extends { [K in keyof T]: string[] }>(paths: T): T {
  const lists = Object.entries(paths) as [string, string[]][];
  return Object.fromEntries(lists.map(([k, v]) => [k, v.filter((p) => !p.startsWith(`${DOCS_ROOT}/`))])) as T;
}

const FIELD = (object: string, field: string) => `${GENERATED_ROOT}/objects/${object}/fields/${field}.field-meta.xml`;

describe('determinism', () => {
  test('two generateFiles runs are byte-identical', async () => {
    const first = await generateFiles(fixture);
    const second = await generateFiles(fixture);
    assert.deepEqual(second, first);
  });

  test('files come sorted by path, each path once, all inside the generator-owned locations', async () => {
    const files = await generateFiles(fixture);
    const paths = files.map((f) => f.path);
    assert.deepEqual(paths, [...paths].sort());
    assert.equal(new Set(paths.map((p) => p.toLowerCase())).size, paths.length);
    for (const p of paths)
      assert.ok(GENERATED_DIRS.some((d) => p.startsWith(`${d}/`)) || p === 'config/project-scratch-def.json', p);
  });

  test('writing twice: the second run reports no drift and rewrites nothing', async () => {
    const root = await tempProject();
    const files = await generateFiles(fixture);
    const first = await writeGenerated(root, files);
    assert.equal(first.added.length, files.length);
    assert.deepEqual([first.changed, first.removed], [[], []]);
    await backdate(root);
    const before = await snapshot(root);

    const second = await writeGenerated(root, await generateFiles(fixture));
    assert.deepEqual(second, { added: [], changed: [], removed: [] });
    assert.deepEqual(compare(before, await snapshot(root)), { touched: [], added: [], removed: [] });
  });

  test('what is written is exactly what generateFiles returned, with no temporary files left behind', async () => {
    const root = await tempProject();
    const files = await generateFiles(fixture);
    await writeGenerated(root, files);
    const disk = (await snapshot(root)).files;
    for (const f of files) assert.equal(disk.get(f.path)?.content, f.content, f.path);
    const unexpected = [...disk.keys()].filter(
      (p) => !files.some((f) => f.path === p) && !(p in HAND_WRITTEN) && p !== 'sfdx-project.json',
    );
    assert.deepEqual(unexpected, []);
  });
});

describe('incremental changes on a temp project', () => {
  async function generatedProject(): Promise<{ root: string; before: Snapshot }> {
    const root = await tempProject();
    await writeGenerated(root, await generateFiles(fixture));
    await backdate(root);
    return { root, before: await snapshot(root) };
  }

  test('changing one field label changes exactly one generated file', async () => {
    const { root, before } = await generatedProject();
    const relabelled = editFields(fixture, 'Account', (fields) => ({
      ...fields,
      Domain__c: { ...fields.Domain__c!, label: 'Web Domain' },
    }));
    const files = await generateFiles(relabelled);
    const path = FIELD('Account', 'Domain__c');

    assert.deepEqual(metadataOnly(await detectDrift(root, files)), { added: [], changed: [path], removed: [] });
    assert.deepEqual(metadataOnly(await writeGenerated(root, files)), { added: [], changed: [path], removed: [] });
    const after = await snapshot(root);
    assert.deepEqual(metadataOnly(compare(before, after)), { touched: [path], added: [], removed: [] });
    assert.match(after.files.get(path)!.content, /<label>Web Domain<\/label>/);
  });

  test('changing a custom object label changes exactly its object file', async () => {
    const { root, before } = await generatedProject();
    const relabelled: RevOpsModel = {
      ...fixture,
      objects: fixture.objects.map((o) =>
        o.apiName === 'Deal_Exception__c' ? ({ ...o, label: 'Pricing Exception' } as ObjectDef) : o,
      ),
    };
    const path = `${GENERATED_ROOT}/objects/Deal_Exception__c/Deal_Exception__c.object-meta.xml`;
    assert.deepEqual(metadataOnly(await writeGenerated(root, await generateFiles(relabelled))), {
      added: [],
      changed: [path],
      removed: [],
    });
    assert.deepEqual(metadataOnly(compare(before, await snapshot(root))), { touched: [path], added: [], removed: [] });
  });

  test('deleting a field deletes its file and touches nothing else', async () => {
    const { root, before } = await generatedProject();
    const path = FIELD('Opportunity', 'Legacy_Notes__c');
    assert.ok(before.files.has(path));
    const without = editFields(fixture, 'Opportunity', (fields) => {
      delete fields.Legacy_Notes__c;
      return fields;
    });

    assert.deepEqual(metadataOnly(await writeGenerated(root, await generateFiles(without))), {
      added: [],
      changed: [],
      removed: [path],
    });
    const after = await snapshot(root);
    assert.deepEqual(metadataOnly(compare(before, after)), { touched: [], added: [], removed: [path] });
    assert.ok(
      after.dirs.has(`${GENERATED_ROOT}/objects/Opportunity/fields`),
      'the fields folder still holds other fields',
    );
  });

  test('removing the last file of a folder prunes the emptied folders, and only those', async () => {
    const { root, before } = await generatedProject();
    const withoutLeadRule: RevOpsModel = {
      ...fixture,
      validationRules: fixture.validationRules.filter((r) => r.object !== 'Lead'),
    };
    const path = `${GENERATED_ROOT}/objects/Lead/validationRules/Fixture_Inactive_Rule.validationRule-meta.xml`;

    assert.deepEqual(metadataOnly(await writeGenerated(root, await generateFiles(withoutLeadRule))), {
      added: [],
      changed: [],
      removed: [path],
    });
    const after = await snapshot(root);
    assert.deepEqual(metadataOnly(compare(before, after)), { touched: [], added: [], removed: [path] });
    assert.ok(!after.dirs.has(`${GENERATED_ROOT}/objects/Lead/validationRules`), 'the emptied folder is removed');
    assert.ok(after.dirs.has(`${GENERATED_ROOT}/objects/Lead`));
  });

  test('removing every definition of a kind prunes its top-level folder, never the generated root', async () => {
    const { root } = await generatedProject();
    const noDataQuality: RevOpsModel = { ...fixture, matchingRules: [], duplicateRules: [] };
    const drift = await writeGenerated(root, await generateFiles(noDataQuality));
    assert.deepEqual(drift.removed.map((p) => p.split('/')[2]).sort(), [
      'duplicateRules',
      'duplicateRules',
      'matchingRules',
    ]);
    const after = await snapshot(root);
    assert.ok(!after.dirs.has(`${GENERATED_ROOT}/matchingRules`));
    assert.ok(!after.dirs.has(`${GENERATED_ROOT}/duplicateRules`));

    const empty = await writeGenerated(root, []);
    assert.ok(empty.removed.includes('config/project-scratch-def.json'));
    const bare = await snapshot(root);
    assert.ok(bare.dirs.has(GENERATED_ROOT), 'the generated root itself stays');
    assert.deepEqual(
      [...bare.dirs].filter((d) => d.startsWith(`${GENERATED_ROOT}/`)),
      [],
    );
  });

  test('hand-written files are never touched, even when everything generated is removed', async () => {
    const { root, before } = await generatedProject();
    await writeGenerated(root, []);
    const after = await snapshot(root);
    for (const path of Object.keys(HAND_WRITTEN)) assert.deepEqual(after.files.get(path), before.files.get(path), path);
    assert.deepEqual(after.files.get('sfdx-project.json'), before.files.get('sfdx-project.json'));
  });
});

describe('detectDrift', () => {
  test('an empty project: every file is added', async () => {
    const root = await tempProject();
    const files = await generateFiles(fixture);
    const drift = await detectDrift(root, files);
    assert.deepEqual(drift, { added: files.map((f) => f.path), changed: [], removed: [] });
    assert.ok(hasDrift(drift));
  });

  test('reports hand edits as changed, deletions as added, strays as removed, and writes nothing', async () => {
    const root = await tempProject();
    const files = await generateFiles(fixture);
    await writeGenerated(root, files);
    const edited = FIELD('Opportunity', 'ARR__c');
    const deleted = FIELD('Account', 'Domain__c');
    const stray = `${GENERATED_ROOT}/classes/Stray.cls`;
    await writeFile(
      join(root, edited),
      (await readFile(join(root, edited), 'utf8')).replace('<label>ARR</label>', '<label>Edited</label>'),
    );
    await rm(join(root, deleted));
    await mkdir(join(root, dirname(stray)), { recursive: true });
    await writeFile(join(root, stray), 'public class Stray {}\n');
    await backdate(root);
    const before = await snapshot(root);

    const drift = await detectDrift(root, files);
    assert.deepEqual(drift, { added: [deleted], changed: [edited], removed: [stray] });
    assert.deepEqual(compare(before, await snapshot(root)), { touched: [], added: [], removed: [] });
    assert.ok(hasDrift(drift));
  });

  test('the scratch definition is generator-owned: reported removed when the model stops defining it', async () => {
    const root = await tempProject();
    await writeGenerated(root, await generateFiles(fixture));
    const drift = await detectDrift(root, await generateFiles({ ...fixture, scratchOrg: undefined }));
    assert.deepEqual(drift, { added: [], changed: [], removed: ['config/project-scratch-def.json'] });
  });

  test('a whitespace-only difference is drift (files are compared byte for byte)', async () => {
    const root = await tempProject();
    const files = await generateFiles(fixture);
    await writeGenerated(root, files);
    const path = files.find((f) => f.path.endsWith('.flow-meta.xml'))!.path;
    await writeFile(join(root, path), `${files.find((f) => f.path === path)!.content}\n`);
    assert.deepEqual(await detectDrift(root, files), { added: [], changed: [path], removed: [] });
  });
});

describe('a model with errors', () => {
  const broken = (): RevOpsModel => ({
    ...fixture,
    permissionSets: fixture.permissionSets.map((p, i) =>
      i === 0
        ? { ...p, fields: [...p.fields, { field: { object: 'Opportunity', field: 'No_Such_Field__c' }, edit: false }] }
        : p,
    ),
  });

  test('generateFiles throws ModelError naming the definition and the problem', async () => {
    await assert.rejects(generateFiles(broken()), (e: unknown) => {
      assert.ok(e instanceof ModelError);
      assert.equal(e.issues.length, 1);
      assert.equal(e.issues[0]!.component, 'PermissionSet Fixture_Exception_Desk');
      assert.match(e.issues[0]!.message, /unknown field Opportunity\.No_Such_Field__c/);
      assert.match(e.message, /PermissionSet Fixture_Exception_Desk: field permission names unknown field/);
      return true;
    });
  });

  test('nothing is written: the project is unchanged', async () => {
    const root = await tempProject();
    await writeGenerated(root, await generateFiles(fixture));
    await backdate(root);
    const before = await snapshot(root);
    await assert.rejects(async () => writeGenerated(root, await generateFiles(broken())), ModelError);
    assert.deepEqual(compare(before, await snapshot(root)), { touched: [], added: [], removed: [] });
    assert.deepEqual((await snapshot(root)).dirs, before.dirs);
  });
});

describe('revops generate (scripts/commands/generate.ts) on a temp project', () => {
  /** A project whose model/index.ts is `source` (imports by absolute file URL). */
  async function projectWithModel(source: string): Promise<string> {
    const root = await tempProject();
    await mkdir(join(root, 'model'), { recursive: true });
    await writeFile(join(root, 'model', 'index.ts'), source, 'utf8');
    return root;
  }
  const url = (path: string) => pathToFileURL(join(PROJECT_ROOT, path)).href;

  test('writes the model, then --check finds it in sync; a hand edit makes --check fail without writing', async () => {
    const root = await projectWithModel(`export { default } from '${url('tests/fixtures/every-kind/model.ts')}';\n`);
    const project = await openProject(root);
    const written = await generate(project);
    assert.equal(written.drift.added.length, written.files.length);
    assert.ok(written.inSync === false, 'writing reports the drift it repaired');

    const check = await generate(project, { check: true });
    assert.ok(check.inSync);

    const path = FIELD('Opportunity', 'ARR__c');
    await writeFile(join(root, path), 'hand edit\n');
    const drifted = await generate(project, { check: true });
    assert.equal(drifted.inSync, false);
    assert.deepEqual(drifted.drift, { added: [], changed: [path], removed: [] });
    assert.equal(await readFile(join(root, path), 'utf8'), 'hand edit\n', '--check never writes');
  });

  test('a broken model stops generate with ModelError and writes nothing', async () => {
    const root = await projectWithModel(
      [
        `import fixture from '${url('tests/fixtures/every-kind/model.ts')}';`,
        `import { permissionSet, access } from '${url('scripts/dsl/index.ts')}';`,
        `const broken = permissionSet('Broken__Name', { label: 'Broken', objects: { Opportunity: access('R') } });`,
        `export default { ...fixture, permissionSets: [...fixture.permissionSets, broken] };`,
        '',
      ].join('\n'),
    );
    const before = await snapshot(root);
    await assert.rejects(generate(await openProject(root)), (e: unknown) => {
      assert.ok(e instanceof ModelError);
      assert.deepEqual(
        e.issues.map((i) => i.component),
        ['PermissionSet Broken__Name'],
      );
      assert.match(
        e.issues[0]!.origin ?? '',
        /model\/index\.ts:3$/,
        'the origin is the line of the temp model that defined it',
      );
      return true;
    });
    assert.deepEqual(compare(before, await snapshot(root)), { touched: [], added: [], removed: [] });
  });
});

describe('the real model', () => {
  test('generate --check: the committed force-app/generated and config/ match model/', async () => {
    const drift = await detectDrift(PROJECT_ROOT, await generateFiles(realModel));
    assert.deepEqual(drift, { added: [], changed: [], removed: [] }, 'run `npx revops generate` and commit the result');
  });

  test('the real model generates deterministically', async () => {
    const [a, b] = [await generateFiles(realModel), await generateFiles(realModel)];
    assert.deepEqual(b, a);
    assert.ok(a.length > 0);
    const unique = new Set(a.map((f: GeneratedFile) => f.path));
    assert.equal(unique.size, a.length);
  });
});
