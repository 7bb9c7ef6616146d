/**
 * `revops plan` end to end: offline, on the real project and on broken copies of it.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openProject } from '../../scripts/project.ts';
import { plan } from '../../scripts/plan/index.ts';
import { projectCopy, revops, ROOT } from './project-copy.ts';
import realModel from '../../model/index.ts';

describe('revops plan', () => {
  let outDir: string;
  before(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'revops-plan-out-'));
  });
  after(() => rm(outDir, { recursive: true, force: true }));

  test('builds the package with the network cut off', async () => {
    const original = net.Socket.prototype.connect;
    const attempts: unknown[] = [];
    net.Socket.prototype.connect = function (...args: unknown[]) {
      attempts.push(args[0]);
      throw new Error('network access during plan');
    } as typeof original;
    try {
      const result = await plan(await openProject(ROOT), { outDir });
      assert.deepEqual(result.errors, []);
      assert.equal(result.ok, true);
      assert.deepEqual(attempts, [], 'plan must not open any socket');
      assert.ok(result.componentCount > 100, `component count ${result.componentCount}`);
      assert.equal(result.componentsByType.ValidationRule, realModel.validationRules.length);
      const manifest = await readFile(join(outDir, 'package', 'package.xml'), 'utf8');
      for (const member of [
        'StageGateController',
        'stageGateChecklist',
        'Opportunity.Problem_Statement__c',
        'Opportunity.Gate_Discovery_Problem_Statement',
        'OpportunityStage',
      ]) {
        assert.match(manifest, new RegExp(`<members>${member}</members>`), `package.xml lists ${member}`);
      }
      assert.match(manifest, /<version>66\.0<\/version>/);
      assert.equal(result.report, undefined, 'no revenue report unless a dataset is named');
      // Issue 14: plan lists the forecast objects, the reports (not their folders) and dashboards.
      const contents = result.contents!;
      for (const object of [
        'Forecast_Period__c',
        'Forecast_Quota__c',
        'Forecast_Submission__c',
        'Forecast_Snapshot__c',
      ])
        assert.ok(contents.customObjects.includes(object), `plan lists ${object}`);
      assert.equal(contents.reports.length, realModel.reports.length);
      assert.ok(contents.reports.length >= 12);
      assert.equal(contents.dashboards.length, 3);
    } finally {
      net.Socket.prototype.connect = original;
    }
  });

  test('with --dataset, the review links to that dataset’s revenue report', async () => {
    const out = join(outDir, 'with-report');
    const result = await plan(await openProject(ROOT), { outDir: out, dataset: 'data/seed' });
    assert.equal(result.ok, true);
    const report = result.report!;
    assert.ok(report.index.endsWith('/with-report/report/index.html'), report.index);
    assert.ok(report.charts >= 8, `${report.charts} charts`);
    const metrics = JSON.parse(await readFile(join(out, 'report', 'metrics.json'), 'utf8')) as {
      winRate: { overall: number };
      funnel: { bottleneck: { label: string } };
    };
    assert.equal(report.winRate, metrics.winRate.overall);
    assert.equal(report.bottleneck, metrics.funnel.bottleneck.label);
    assert.match(await readFile(join(out, 'report', 'index.html'), 'utf8'), /<svg/);
  });

  test('--json prints the sf-style envelope', () => {
    // A folder of its own: outDir now holds the library's output, which plan --out refuses without --force.
    const run = revops(ROOT, 'plan', '--json', '--out', join(outDir, 'json'));
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout) as {
      status: number;
      result: { componentCount: number; package: { zip: string } };
      warnings: unknown[];
    };
    assert.equal(json.status, 0);
    assert.ok(json.result.componentCount > 100);
    assert.ok(json.result.package.zip.endsWith('package.zip'));
    assert.ok(Array.isArray(json.warnings));
  });
});

describe('revops plan on a broken project', { concurrency: true }, () => {
  const cases: { name: string; file: string; edit: (s: string) => string; expect: RegExp[] }[] = [
    {
      name: 'a bad API name',
      file: 'model/objects/opportunity.ts',
      edit: (s) => s.replace('Push_Count__c:', 'Push__Count__c:'),
      expect: [/model\/objects\/opportunity\.ts:\d+/, /CustomField Opportunity\.Push__Count__c/, /invalid API name/],
    },
    {
      name: 'an unknown field in a permission set',
      file: 'model/security/permission-sets.ts',
      // editable() is imported by the model already.
      edit: (s) =>
        s.replace(
          "fieldsOf(Commitment, { readOnlyFields: ['Overdue__c', ...stamp] }),",
          "fieldsOf(Commitment, { readOnlyFields: ['Overdue__c', ...stamp] }), editable(Opportunity.field('Champoin__c')),",
        ),
      expect: [
        /model\/security\/permission-sets\.ts:\d+/,
        /PermissionSet RevOps_Account_Executive/,
        /unknown field Opportunity\.Champoin__c \(did you mean Champion__c/,
      ],
    },
    {
      name: 'a model file that does not parse',
      file: 'model/objects/lead.ts',
      edit: (s) => `${s}\nexport const broken = ;\n`,
      expect: [/model\/objects\/lead\.ts:\d+: cannot load the model: SyntaxError/],
    },
    {
      name: 'a duplicate stage',
      file: 'model/governance/stages.ts',
      edit: (s) => s.replace('closedWon(),', "closedWon(),\n    closedLost('Closed Lost'),"),
      expect: [
        /model\/governance\/stages\.ts:\d+/,
        /StandardValueSet OpportunityStage/,
        /duplicate stage: "Closed Lost"/,
      ],
    },
  ];
  for (const c of cases) {
    test(`stops on ${c.name}, names the definition and writes nothing`, async () => {
      const dir = await projectCopy();
      try {
        const path = join(dir, c.file);
        const before = await readFile(path, 'utf8');
        const after = c.edit(before);
        assert.notEqual(after, before, 'the test edit applies');
        await writeFile(path, after);
        const run = revops(dir, 'plan');
        assert.equal(run.status, 1, run.stdout + run.stderr);
        for (const pattern of c.expect) assert.match(run.stderr, pattern);
        assert.doesNotMatch(run.stderr, /at .*\.ts:\d+:\d+\)/, 'no stack trace');
        const generate = revops(dir, 'generate');
        assert.equal(generate.status, 1);
        assert.equal(
          revops(dir, 'generate', '--check').status,
          1,
          'nothing was half-written: still failing the same way',
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  for (const c of [
    {
      name: 'a validation rule naming a missing field',
      file: 'model/governance/hygiene-rules.ts',
      edit: (s: string) =>
        s.replace(
          'CloseDate > PRIORVALUE(CloseDate),',
          'CloseDate > PRIORVALUE(CloseDate), ISBLANK(TEXT(Slip_Reasn__c)),',
        ),
      expect: [/ValidationRule Opportunity\.Close_Date_Slip_Needs_Reason/, /Slip_Reasn__c/, /\^/],
    },
    {
      name: 'a picklist compared with =',
      file: 'model/governance/lead-rules.ts',
      edit: (s: string) => s.replace('ISPICKVAL(Status, "Disqualified")', 'Status = "Disqualified"'),
      expect: [/ValidationRule Lead\.Disqualification_Needs_Reason/, /picklist/i, /line \d+, column \d+/],
    },
  ]) {
    test(`generate refuses and verify rejects ${c.name}, pointing into the formula`, async () => {
      const dir = await projectCopy();
      try {
        const path = join(dir, c.file);
        const source = await readFile(path, 'utf8');
        assert.notEqual(c.edit(source), source, 'the test edit applies');
        await writeFile(path, c.edit(source));
        const where = new RegExp(`${c.file.replace(/[./]/g, '\\$&')}:\\d+`);
        // A formula error is a model problem: generate writes nothing.
        const generate = revops(dir, 'generate');
        assert.equal(generate.status, 1, generate.stdout + generate.stderr);
        for (const pattern of [...c.expect, where]) assert.match(generate.stderr, pattern);
        const run = revops(dir, 'verify');
        assert.equal(run.status, 1, run.stdout + run.stderr);
        for (const pattern of [...c.expect, where]) assert.match(run.stderr, pattern);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  test('a stricter rule that would block records of the bundled dataset is a warning in the plan', async () => {
    const dir = await projectCopy();
    try {
      await cp(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
      const ladder = join(dir, 'model/quote-to-cash/pricing.ts');
      const source = await readFile(ladder, 'utf8');
      assert.match(source, /ENT: \[20, 25, 30\]/);
      await writeFile(ladder, source.replace('ENT: [20, 25, 30]', 'ENT: [5, 5, 5]'));
      assert.equal(revops(dir, 'generate').status, 0);
      const run = revops(dir, 'plan');
      assert.equal(run.status, 0, run.stderr);
      assert.match(
        run.stderr,
        /Warning: data\/seed: ValidationRule Opportunity\.Discount_Above_Ladder_Needs_Approval: would block \d+ records/,
      );
      const manifest = JSON.parse(await readFile(join(dir, 'data/seed/manifest.json'), 'utf8')) as {
        objects: { count: number }[];
      };
      const records = manifest.objects.reduce((sum, o) => sum + o.count, 0).toLocaleString('en-US');
      assert.match(
        run.stdout,
        new RegExp(`dataset: data/seed: ${records} records, \\d+ rules, \\d+ rule\\(s\\) would block records`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a hand edit of a generated file is drift', async () => {
    const dir = await projectCopy();
    try {
      const file = join(dir, 'force-app/generated/objects/Opportunity/fields/ARR__c.field-meta.xml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('<label>ARR</label>', '<label>Annual ARR</label>'));
      const run = revops(dir, 'plan');
      assert.equal(run.status, 1);
      assert.match(run.stderr, /ARR__c\.field-meta\.xml: differs from model\//);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
