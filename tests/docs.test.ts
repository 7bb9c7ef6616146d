/**
 * The model catalogue (scripts/docs → docs/model/): Markdown helpers, the pages rendered from
 * the every-kind fixture (structure, escaping, links, the permission matrix), and its place in
 * the generator (generateFiles, drift, removal of pages the model no longer produces).
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix, relative, sep } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defineModel, type RevOpsModel } from '../scripts/dsl/index.ts';
import { DOCS_ROOT, renderCatalogue } from '../scripts/docs/catalogue.ts';
import { anchor, code, codeBlock, href, page, table, text } from '../scripts/core/markdown.ts';
import { detectDrift, generateFiles, writeGenerated } from '../scripts/metadata/generate.ts';
import fixture from './fixtures/every-kind/model.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

// ------------------------------------------------------------------------------ a small GFM reader

/** Cells of a table row, split on unescaped pipes as GFM does (`\|` stays inside the cell). */
function cells(row: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\' && i + 1 < row.length) {
      current += c + row[i + 1];
      i++;
    } else if (c === '|') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.slice(1, -1).map((s) => s.trim());
}

/** Lines outside fenced code blocks. */
function prose(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const open = /^(`{3,})/.exec(line)?.[1];
    if (fence) {
      if (line === fence) fence = undefined;
    } else if (open) fence = open;
    else lines.push(line);
  }
  return lines;
}

/** Tables of a page: runs of lines starting with `|`. */
function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of [...prose(markdown), '']) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length) {
      found.push(current);
      current = [];
    }
  }
  return found;
}

/** The anchors GitHub gives the headings of a page (duplicates numbered -1, -2...). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(markdown)) {
    const heading = /^#{1,6} (.*)$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const plain = heading.replace(/\\(.)/g, '$1').replace(/`/g, '');
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

const catalogue = renderCatalogue(fixture);
const byPath = new Map(catalogue.map((f) => [f.path, f.content]));
const pageOf = (path: string) => {
  const content = byPath.get(`${DOCS_ROOT}/${path}`);
  assert.ok(content !== undefined, `no page ${path}`);
  return content;
};
/** The row of a table whose first cell contains `first`. */
const row = (markdown: string, first: string) =>
  tables(markdown)
    .flat()
    .map(cells)
    .find((c) => c[0]?.includes(first));

// ------------------------------------------------------------------------------ helpers

describe('Markdown helpers', () => {
  test('text escapes what Markdown would interpret, and keeps underscores inside words', () => {
    assert.equal(text('a *b* [c](d) <e> `f` ~g~ \\h'), 'a \\*b\\* \\[c\\](d) \\<e\\> \\`f\\` \\~g\\~ \\\\h');
    assert.equal(text('Website_Domain__c'), 'Website_Domain__c');
    assert.equal(text('_x_ and __y__'), '\\_x\\_ and \\_\\_y\\_\\_');
    assert.equal(text('&amp; & &#35;'), '&amp;amp; & &amp;#35;');
    assert.equal(text('- not a list'), '\\- not a list');
    assert.equal(text('1. not a list'), '1\\. not a list');
    assert.equal(text('one\ntwo'), 'one<br>two');
    assert.equal(text(undefined), '');
  });

  test('code picks a fence longer than any backtick run, and splits lines', () => {
    assert.equal(code('a'), '`a`');
    assert.equal(code('a `b` c'), '``a `b` c``');
    assert.equal(code('`x'), '`` `x ``');
    assert.equal(code('AND(\n  x\n)'), '`AND(`<br>`  x`<br>`)`');
    assert.equal(code(''), '');
  });

  test('codeBlock keeps the formula verbatim inside a long enough fence', () => {
    assert.equal(codeBlock('a || b\n'), '```\na || b\n```');
    assert.equal(codeBlock('x ``` y'), '````\nx ``` y\n````');
  });

  test('table escapes pipes and newlines in every cell, so each row keeps its cells', () => {
    const t = table(
      ['A', 'B'],
      [
        [code('a || b'), text('one | two\nthree')],
        [true, false],
      ],
    );
    assert.equal(t, ['| A | B |', '| --- | --- |', '| `a \\|\\| b` | one \\| two<br>three |', '| ✓ | |'].join('\n'));
    for (const line of t.split('\n')) assert.equal(cells(line).length, 2, line);
    assert.throws(() => table(['A'], [['a', 'b']]), /2 cells, expected 1/);
  });

  test('anchors and relative links between catalogue pages', () => {
    assert.equal(anchor('Gate_Proposal_Signed'), 'gate_proposal_signed');
    assert.equal(anchor('2 Value Demo'), '2-value-demo');
    assert.equal(href('objects/Lead.md', 'permissions.md', 'x'), '../permissions.md#x');
    assert.equal(href('README.md', 'objects/Lead.md'), 'objects/Lead.md');
    assert.equal(href('stages.md', 'stages.md', 'path'), '#path');
  });

  test('page separates blocks by one blank line and ends with one newline', () => {
    assert.equal(page(['# T', undefined, '', 'a  ', false, 'b']), '# T\n\na\n\nb\n');
  });
});

// ------------------------------------------------------------------------------ the pages

describe('the catalogue of the every-kind fixture', () => {
  test('is deterministic, sorted, under docs/model/, with one page per object', () => {
    assert.deepEqual(renderCatalogue(fixture), catalogue);
    const paths = catalogue.map((f) => f.path);
    assert.deepEqual(paths, [...paths].sort());
    for (const p of paths) assert.ok(p.startsWith(`${DOCS_ROOT}/`) && p.endsWith('.md'), p);
    for (const o of fixture.objects) assert.ok(byPath.has(`${DOCS_ROOT}/objects/${o.apiName}.md`), o.apiName);
    for (const p of ['README.md', 'validation-rules.md', 'stages.md', 'permissions.md', 'flows.md'])
      assert.ok(byPath.has(`${DOCS_ROOT}/${p}`), p);
  });

  test('every page is clean text: one final newline, no trailing blanks, no tabs', () => {
    for (const { path, content } of catalogue) {
      assert.ok(content.endsWith('\n') && !content.endsWith('\n\n'), path);
      assert.doesNotMatch(content, /[ \t]+$/m, path);
      assert.doesNotMatch(content, /\t/, path);
    }
  });

  test('every table row has as many cells as its header', () => {
    for (const { path, content } of catalogue) {
      for (const t of tables(content)) {
        const width = cells(t[0]!).length;
        for (const line of t) assert.equal(cells(line).length, width, `${path}: ${line}`);
      }
    }
  });

  test('every link points to a page of the catalogue, and to a heading of it', () => {
    for (const { path, content } of catalogue) {
      const from = path.slice(DOCS_ROOT.length + 1);
      for (const line of prose(content)) {
        for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
          const [file, fragment] = target!.split('#') as [string, string | undefined];
          const resolved = file === '' ? from : posix.normalize(posix.join(posix.dirname(from), decodeURI(file)));
          const linked = byPath.get(`${DOCS_ROOT}/${resolved}`);
          assert.ok(linked !== undefined, `${path}: link to missing page ${target}`);
          if (fragment) assert.ok(anchors(linked).has(fragment), `${path}: no heading #${fragment} in ${resolved}`);
        }
      }
    }
  });

  test('an object page lists each field with its type details and flags', () => {
    const opp = pageOf('objects/Opportunity.md');
    assert.deepEqual(row(opp, '`Paper_Process__c`')?.slice(0, 3), [
      '`Paper_Process__c`',
      'Paper Process',
      'Picklist, restricted<br>values: `Our Paper` · `Customer_Paper` (Customer Paper)<br>default: `Our Paper`',
    ]);
    assert.match(
      row(opp, '`Loss_Reason__c`')![2]!,
      /value set \[`Fixture_Loss_Reason`\]\(\.\.\/value-sets\.md#fixture_loss_reason\)/,
    );
    assert.equal(row(opp, '`Champion__c`')![2], 'Lookup → [`Contact`](Contact.md)');
    const account = pageOf('objects/Account.md');
    const domain = row(account, '`Domain__c`')!;
    assert.deepEqual(domain.slice(2, 8), ['Text(255)', '', '✓', '✓', '✓', '']);
    assert.equal(domain[8], 'Lower case, no "www." & no scheme: acme.com');
    assert.equal(row(pageOf('objects/Lead.md'), '`Source_Snapshot__c`')![7], '🔒');
    assert.equal(row(pageOf('objects/Deal_Exception__c.md'), '`Discount__c`')![3], '✓');
  });

  test('a validation rule shows its formula verbatim in a code block, its message and its field', () => {
    const page = pageOf('objects/Deal_Exception__c.md');
    const rule = fixture.validationRules.find((r) => r.name === 'Discount_Needs_Evidence')!;
    assert.ok(page.includes(`### Discount_Needs_Evidence\n`));
    assert.ok(page.includes(`\`\`\`\n${rule.formula}\n\`\`\``), 'the formula, byte for byte');
    assert.equal(
      row(page, 'Error message')![1],
      'Discounts over 20% on small deals need "evidence" & the approver\'s sign-off.',
    );
    assert.equal(row(page, 'Error shown on')![1], '`Evidence_Url__c` (Evidence)');
    assert.match(row(page, 'Custom permissions checked')![1]!, /`Fixture_Bypass`/);
    const formulaField = pageOf('objects/Opportunity.md');
    assert.ok(
      formulaField.includes('```\nIF(ARR__c >= 100000 && ISPICKVAL(StageName, "Negotiation"), \'Large & "strategic"\''),
    );
  });

  test('stages: probability, forecast category (metadata spelling), exit criteria and the rules they generate', () => {
    const stages = pageOf('stages.md');
    assert.deepEqual(row(stages, '3')?.slice(0, 4), [
      '3',
      '[Negotiation](#3-negotiation)',
      '80%',
      'Commit (metadata: `Forecast`)',
    ]);
    assert.match(stages, /\[`Gate_Proposal_Signed`\]\(objects\/Opportunity\.md#gate_proposal_signed\)/);
    assert.equal(row(stages, '[`Opportunity.Signed__c`]')![2], 'ticked');
    assert.match(stages, /enforced when a deal is created in or moved to Negotiation, Closed Won:/);
  });

  test('permissions: the object matrix, View All called out, governed fields by permission set', () => {
    const permissions = pageOf('permissions.md');
    const header = tables(permissions)[0]![0]!;
    assert.deepEqual(cells(header), ['Object', '`Fixture_Exception_Desk`', '`Fixture_Exception_Viewer`']);
    assert.deepEqual(row(permissions, '[`Deal_Exception__c`]')?.slice(1), ['CRED VA', 'R']);
    assert.deepEqual(row(permissions, '[`Exception_Approval__c`]')?.slice(1), ['CRE', '']);
    assert.deepEqual(row(permissions, '[`Opportunity`]')?.slice(1), ['CR', '']);
    assert.match(permissions, /- `Fixture_Exception_Desk` on `Deal_Exception__c`: View All\n/);
    // Governed: history-tracked, locked, stage gates and rule error fields
    assert.deepEqual(row(permissions, '[`Opportunity.ARR__c`]')?.slice(2), ['history', 'Read', '']);
    assert.deepEqual(row(permissions, '[`Deal_Exception__c.Evidence_Url__c`]')?.slice(2), ['rule', 'Edit', '']);
    assert.deepEqual(row(permissions, '[`Opportunity.Signed__c`]')?.slice(2), ['stage gate, rule', '', '']);
    assert.deepEqual(row(permissions, '[`Lead.Source_Snapshot__c`]')?.slice(2), ['locked', '', '']);
    // A required field's access comes with the object permission
    const exception = pageOf('objects/Deal_Exception__c.md');
    const access = tables(exception).find((t) => t[0]!.startsWith('| Field | `Fixture_Exception_Desk`'))!;
    assert.deepEqual(cells(access.find((l) => l.startsWith('| `Discount__c`'))!), [
      '`Discount__c`',
      '(Edit)',
      '(Read)',
    ]);
    assert.deepEqual(cells(access.find((l) => l.startsWith('| `Seats__c`'))!), ['`Seats__c`', 'Read', '']);
  });

  test('custom permissions list who holds them and the rules that check them', () => {
    const permissions = pageOf('permissions.md');
    const section = permissions.slice(permissions.indexOf('### Fixture_Bypass'));
    assert.match(
      section,
      /Held through: \[`Fixture_Exception_Desk`\]\(#fixture_exception_desk\) \(in `Fixture_Desk`\)\./,
    );
    assert.match(section, /Checked by 5 validation rules \(including every stage gate\)/);
  });

  test('flows, analytics, data quality and lead conversion are described', () => {
    const flows = pageOf('flows.md');
    assert.match(flows, /Entry conditions \| any of: `Expires_At__c` is not null; `Seats__c` is greater than `0` \|/);
    assert.match(flows, /\*\*Create\*\* a `Deal_Exception__c` `Create_Exception`/);
    assert.match(pageOf('analytics.md'), /Role `Sales_Leadership`: View<br>Group `RevOps_Team`: Manage/);
    assert.match(pageOf('data-quality.md'), /### Fixture_Block_Domains/);
    assert.match(pageOf('lead-convert.md'), /\| Lead field \| Label \| Maps to \| Label \|/);
  });

  test('locked definitions are marked, and the index counts them', () => {
    const locked: RevOpsModel = {
      ...fixture,
      validationRules: fixture.validationRules.map((r) => ({ ...r, locked: true })),
    };
    const files = renderCatalogue(locked);
    const index = files.find((f) => f.path === `${DOCS_ROOT}/README.md`)!.content;
    const n = fixture.validationRules.length;
    assert.ok(index.includes(`| [Validation rules](validation-rules.md) | ${n} | 🔒 ${n} |`), index);
    const exception = files.find((f) => f.path === `${DOCS_ROOT}/objects/Deal_Exception__c.md`)!.content;
    assert.match(
      exception,
      /### Discount_Needs_Evidence\n\n🔒 \*\*Locked\.\*\* Changing this rule needs an approved governance RFC\./,
    );
  });

  test('an empty model still renders every fixed page, saying what it lacks', () => {
    const files = renderCatalogue(defineModel());
    assert.deepEqual(
      files.map((f) => f.path.slice(DOCS_ROOT.length + 1)),
      [
        'README.md',
        'analytics.md',
        'campaign-influence.md',
        'data-quality.md',
        'flows.md',
        'lead-convert.md',
        'lead-statuses.md',
        'permissions.md',
        'routing.md',
        'sharing.md',
        'stages.md',
        'territories.md',
        'validation-rules.md',
        'value-sets.md',
      ],
    );
    assert.match(files.find((f) => f.path.endsWith('/routing.md'))!.content, /The model defines no routing\./);
    assert.match(
      files.find((f) => f.path.endsWith('/campaign-influence.md'))!.content,
      /The model defines no campaign influence models\./,
    );
    assert.match(
      files.find((f) => f.path.endsWith('/stages.md'))!.content,
      /The model defines no opportunity stages\./,
    );
  });

  test('a pipe or a newline in model text cannot break a table', () => {
    const tricky: RevOpsModel = {
      ...fixture,
      objects: fixture.objects.map((o) =>
        o.apiName === 'Account'
          ? {
              ...o,
              fields: {
                ...o.fields,
                Odd__c: { type: 'Text', length: 10, label: 'A | B', help: 'line 1\nline 2 | `x`' },
              },
            }
          : o,
      ),
    };
    const account = renderCatalogue(tricky).find((f) => f.path === `${DOCS_ROOT}/objects/Account.md`)!.content;
    const odd = row(account, '`Odd__c`')!;
    assert.equal(odd.length, 10);
    assert.equal(odd[1], 'A \\| B');
    assert.equal(odd[8], 'line 1<br>line 2 \\| \\`x\\`');
  });
});

// ------------------------------------------------------------------------------ in the generator

describe('the catalogue in revops generate', () => {
  const temps: string[] = [];
  after(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));
  async function tempProject(): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'revops-docs-'));
    temps.push(root);
    await copyFile(join(PROJECT_ROOT, 'sfdx-project.json'), join(root, 'sfdx-project.json'));
    return root;
  }

  test('generateFiles includes every catalogue page', async () => {
    const files = await generateFiles(fixture);
    const docs = files.filter((f) => f.path.startsWith(`${DOCS_ROOT}/`));
    assert.deepEqual(docs, catalogue);
  });

  test('docs/model/ is generator-owned: hand edits are drift, strays are removed, docs/ outside it is left alone', async () => {
    const root = await tempProject();
    const files = await generateFiles(fixture);
    await writeGenerated(root, files);
    const handWritten = join(root, 'docs/guide.md');
    await writeFile(handWritten, '# Guide\n');
    const stray = `${DOCS_ROOT}/objects/Removed__c.md`;
    await writeFile(join(root, stray), '# Removed\n');
    const edited = `${DOCS_ROOT}/permissions.md`;
    await writeFile(join(root, edited), 'hand edit\n');

    assert.deepEqual(await detectDrift(root, files), { added: [], changed: [edited], removed: [stray] });
    await writeGenerated(root, files);
    assert.deepEqual(await detectDrift(root, files), { added: [], changed: [], removed: [] });
    assert.equal(await readFile(handWritten, 'utf8'), '# Guide\n');

    // Without any page, the emptied folders go, docs/model itself and docs/ stay.
    const drift = await writeGenerated(
      root,
      files.filter((f) => !f.path.startsWith(`${DOCS_ROOT}/`)),
    );
    assert.equal(drift.removed.length, catalogue.length);
    assert.deepEqual(await readdir(join(root, DOCS_ROOT)), []);
    assert.deepEqual(await readdir(join(root, 'docs')), ['guide.md', 'model']);
  });

  test('the committed docs/model matches model/ (run `npx revops generate` after changing the model)', async () => {
    const { default: realModel } = await import('../model/index.ts');
    const files = (await generateFiles(realModel)).filter((f) => f.path.startsWith(`${DOCS_ROOT}/`));
    const onDisk = (await readdir(join(PROJECT_ROOT, DOCS_ROOT), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(PROJECT_ROOT, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
    assert.deepEqual(onDisk, files.map((f) => f.path).sort());
    for (const f of files) assert.equal(await readFile(join(PROJECT_ROOT, f.path), 'utf8'), f.content, f.path);
  });
});
