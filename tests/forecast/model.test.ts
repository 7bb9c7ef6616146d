/**
 * Forecasting's promises, held by the model: submissions are insert-only by permission (nobody
 * may edit or delete one), the risk and forecast tables cover every stage, no formula field
 * reads a long text area (Salesforce refuses that; the MEDDICC count is a flow for that reason),
 * the Apex snapshot horizons are the model's, and the reporting layer and screens are there.
 */
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { FormulaField } from '../../scripts/dsl/index.ts';
import { compileFormula } from '../../scripts/formula/index.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import { STAGE_AGE_BENCHMARK_DAYS } from '../../model/forecasting/deal-risk.ts';
import { CATEGORY_WEIGHTS, STAGE_WIN_RATES } from '../../model/forecasting/forecast-models.ts';
import { forecastingObjects, SNAPSHOT_HORIZON_WEEKS } from '../../model/forecasting/objects.ts';
import { PREVIEW } from '../../scripts/preview/scenarios.ts';
import model from '../../model/index.ts';
import { FORECAST_CATEGORY_LABEL } from '../../scripts/families/registry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const stages = model.opportunityStages!.stages;

describe('forecasting model', () => {
  test('no permission set may edit, delete or modify-all a forecast submission', () => {
    for (const set of model.permissionSets) {
      const a = set.objects.Forecast_Submission__c;
      if (!a) continue;
      assert.equal(a.edit || a.delete || a.modifyAll, false, `${set.name} could change a submitted call`);
    }
    assert.ok(
      model.permissionSets.some((s) => s.objects.Forecast_Submission__c?.create),
      'someone submits',
    );
  });

  test('quotas, submissions and snapshots are private: the role hierarchy is the roll-up', () => {
    for (const o of forecastingObjects.filter((x) => x.apiName !== 'Forecast_Period__c'))
      assert.equal(o.sharingModel, 'Private', o.apiName);
  });

  test('every open stage has a stage-age benchmark, a win rate and a category weight', () => {
    for (const s of stages.filter((x) => !x.closed)) {
      assert.ok(STAGE_AGE_BENCHMARK_DAYS[s.name] !== undefined, `${s.name}: no stage-age benchmark`);
      assert.ok(STAGE_WIN_RATES[s.name] !== undefined, `${s.name}: no historical win rate`);
      // The weight keys ForecastCategoryName as the org shows it (an Upside stage is Pipeline there).
      const category = FORECAST_CATEGORY_LABEL[s.forecast];
      assert.ok(CATEGORY_WEIGHTS[category] !== undefined, `${s.name}: category ${category} has no weight`);
    }
  });

  test('no forecasting formula field reads a long text area', () => {
    const schema = buildSchema(model);
    const ours = new Set(['Opportunity', 'Contract', ...forecastingObjects.map((o) => o.apiName)]);
    for (const object of model.objects.filter((o) => ours.has(o.apiName))) {
      for (const [name, f] of Object.entries(object.fields)) {
        if (f.type !== 'Formula') continue;
        const def = f as FormulaField;
        const compiled = compileFormula(def.formula, {
          schema,
          object: object.apiName,
          context: 'formulaField',
          returnType: def.returns,
        });
        for (const ref of compiled.checked.fields) {
          const [o, field] = ref.qualified.split('.');
          const target = schema.object(o!)?.field(field!);
          const longText = target?.type === 'textarea' && (target.length ?? 0) > 255;
          assert.ok(!longText, `${object.apiName}.${name} reads long text ${ref.qualified}`);
        }
      }
    }
  });

  test('the Apex snapshot job takes the horizons the validation rule allows', async () => {
    const apex = await readFile(`${ROOT}force-app/main/default/classes/ForecastSnapshotService.cls`, 'utf8');
    const list = /HORIZON_WEEKS = new List<Integer>\{([^}]*)\}/.exec(apex)?.[1];
    assert.deepEqual(
      list?.split(',').map((n) => Number(n.trim())),
      [...SNAPSHOT_HORIZON_WEEKS],
    );
  });
});

describe('reporting layer and screens', () => {
  test('at least 12 reports and 3 dashboards, every dashboard running as the logged-in user', async () => {
    assert.ok(model.reports.length >= 12, `${model.reports.length} reports`);
    assert.equal(model.dashboards.length, 3);
    for (const d of model.dashboards) {
      const xml = await readFile(
        `${ROOT}force-app/generated/dashboards/${d.folder}/${d.name}.dashboard-meta.xml`,
        'utf8',
      );
      assert.match(xml, /<dashboardType>LoggedInUser<\/dashboardType>/, d.name);
    }
  });

  test('every exposed component has Jest tests, a preview, targets and an object filter on record pages', async () => {
    const lwcDir = `${ROOT}force-app/main/default/lwc`;
    const bundles = (await readdir(lwcDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    const previewed = new Set(PREVIEW.map((c) => c.name));
    let exposed = 0;
    for (const name of bundles) {
      const meta = await readFile(`${lwcDir}/${name}/${name}.js-meta.xml`, 'utf8');
      if (!meta.includes('<isExposed>true</isExposed>')) continue;
      exposed++;
      assert.ok(previewed.has(name), `${name} has no preview scenario`);
      const tests = await readdir(`${lwcDir}/${name}/__tests__`);
      assert.ok(
        tests.some((f) => f.endsWith('.test.js')),
        `${name} has no Jest test`,
      );
      assert.match(meta, /<targets>/, `${name} declares no targets`);
      if (meta.includes('lightning__RecordPage'))
        assert.match(meta, /<objects>\s*<object>/, `${name}: record page without an object filter`);
    }
    assert.ok(exposed >= 7, `${exposed} exposed components`);
  });
});
