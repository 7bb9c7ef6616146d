/**
 * The three files: written together, byte-stable, the page made only from metrics.json (no
 * script, no network), at least 8 charts with their titles; and the SQL runs unchanged on a
 * second engine (SQLite, node:sqlite) with the same results — the portability the warehouse needs.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import model from '../../model/index.ts';
import { CHART_SPECS } from '../../scripts/analytics/chart-specs.ts';
import { AnalyticsEngine, type Row } from '../../scripts/analytics/engine.ts';
import { computeMetrics, metricSql } from '../../scripts/analytics/metrics.ts';
import type { Metrics } from '../../scripts/analytics/metrics-types.ts';
import { buildReport, renderFiles, renderReport, type Report } from '../../scripts/analytics/report.ts';
import { dayNumber } from '../../scripts/analytics/report-tables.ts';
import { openReportDataset, stageDataset } from '../../scripts/analytics/staging.ts';
import { reportTerms } from '../../scripts/analytics/terms.ts';

const SEED = fileURLToPath(new URL('../../data/seed', import.meta.url));

describe('the report files', () => {
  let out: string;
  let report: Report;
  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'revops-report-'));
    await renderReport(SEED, out, { model });
    report = await buildReport(SEED, { model });
  });
  after(() => rm(out, { recursive: true, force: true }));

  test('index.html, metrics.json and summary.md, and nothing else left behind', async () => {
    assert.deepEqual((await readdir(out)).sort(), ['index.html', 'metrics.json', 'summary.md']);
  });

  test('the same dataset gives the same bytes, run after run in one process', async () => {
    for (const name of ['index.html', 'metrics.json', 'summary.md'] as const)
      assert.equal(report.files[name], await readFile(join(out, name), 'utf8'), name);
  });

  test('every figure on the page comes from metrics.json: rendering from the file gives the same page', async () => {
    const metrics = JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8')) as Metrics;
    const again = renderFiles(metrics);
    assert.equal(again.files['index.html'], await readFile(join(out, 'index.html'), 'utf8'));
    assert.equal(again.files['summary.md'], await readFile(join(out, 'summary.md'), 'utf8'));
  });

  test('a static page: no script, nothing fetched from the network', async () => {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /(src|href)="https?:/i);
    assert.doesNotMatch(html, /@import|url\(http/i);
  });

  test('at least 8 charts, each an inline SVG under its title; ids unique across the page', async () => {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    assert.ok(CHART_SPECS.length >= 8);
    const drawn = report.charts.filter((c) => !c.placeholder).length;
    assert.ok(drawn >= 8, `${drawn} charts drawn from data/seed's figures (the rest say what the data lacks)`);
    for (const spec of CHART_SPECS) {
      const figure = new RegExp(`<figure id="chart-${spec.id}"[^>]*>\\s*<svg[\\s\\S]*?</svg>`).exec(html);
      assert.ok(figure, `chart ${spec.id}`);
      assert.ok(figure[0].includes(spec.title.replace(/&/g, '&amp;').replace(/>/g, '&gt;')), `title of ${spec.id}`);
    }
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length, 'no duplicate id');
  });

  test('metrics.json holds the figures the issue names, rates as fractions', () => {
    const m = report.metrics;
    assert.ok(m.winRate.overall! > 0 && m.winRate.overall! < 1);
    for (const rate of Object.values(m.winRate.bySegment)) assert.ok(rate! >= 0 && rate! <= 1);
    for (const step of ['mqlToSal', 'salToSql', 'sqlToSao', 'saoToWon'] as const)
      assert.ok(m.funnel.conversion[step]! >= 0 && m.funnel.conversion[step]! <= 1, step);
    assert.ok(m.coverage.overall.coverage! > 0);
    assert.ok(m.velocity.perDay! > 0);
    assert.ok(m.nrr.contracted12m! > 0 && m.grr.contracted12m! <= 1);
    assert.ok(m.capacity.overall.requiredAes > 0);
  });
});

/** Copies the staged tables from DuckDB into SQLite, column types and all. */
async function sqliteCopy(engine: AnalyticsEngine): Promise<DatabaseSync> {
  const db = new DatabaseSync(':memory:');
  const tables = [
    'params',
    'stages',
    'lead_status_roles',
    'calendar_months',
    'forecast_horizons',
    'accounts',
    'leads',
    'opportunities',
    'opportunity_starts',
    'contracts',
    'opportunity_history',
  ];
  for (const table of tables) {
    const columns = await engine.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`,
    );
    const type = (t: unknown) =>
      /INT/.test(String(t))
        ? 'INTEGER'
        : /DOUBLE|FLOAT|DECIMAL/.test(String(t))
          ? 'REAL'
          : /BOOL/.test(String(t))
            ? 'INTEGER'
            : 'TEXT';
    db.exec(
      `CREATE TABLE ${table} (${columns.map((c) => `${String(c.column_name)} ${type(c.data_type)}`).join(', ')})`,
    );
    const insert = db.prepare(`INSERT INTO ${table} VALUES (${columns.map(() => '?').join(', ')})`);
    for (const row of await engine.query(`SELECT * FROM ${table}`))
      insert.run(
        ...columns.map((c) => {
          const v = row[String(c.column_name)];
          return typeof v === 'boolean' ? Number(v) : (v as string | number | null);
        }),
      );
  }
  return db;
}

describe('the metric SQL is portable', () => {
  test('no DuckDB-only syntax in sql/metrics (the staging file is the one dialect switch)', async () => {
    const duckdbOnly = [
      /read_(nd)?json|read_parquet/i,
      /::/,
      /\bILIKE\b/i,
      /GROUP BY ALL/i,
      /\bQUALIFY\b/i,
      /FILTER\s*\(\s*WHERE/i,
      /date_diff|strftime|epoch/i,
      /\bLIST\b|\bSTRUCT\b/i,
      /percentile_cont|median\(/i,
    ];
    for (const [name, sql] of Object.entries(await metricSql()))
      for (const pattern of duckdbOnly) assert.doesNotMatch(sql.replace(/--.*$/gm, ''), pattern, `${name}.sql`);
  });

  test('every metric file gives the same rows on SQLite as on DuckDB', async () => {
    const manifest = await openReportDataset(SEED);
    const asOf = manifest.anchorDate;
    assert.ok(asOf, 'data/seed/manifest.json has an anchorDate');
    const engine = await AnalyticsEngine.open();
    try {
      await stageDataset(engine, SEED, manifest, reportTerms(model), { asOfDay: dayNumber(asOf) });
      const db = await sqliteCopy(engine);
      const sqlite = async (sql: string): Promise<Row[]> => db.prepare(sql).all() as Row[];
      const context = { asOf, source: { kind: 'dataset' as const, name: 'seed', records: {} } };
      const [onDuckdb, onSqlite] = [await computeMetrics(engine.query, context), await computeMetrics(sqlite, context)];
      assert.deepEqual(onSqlite, onDuckdb);
      db.close();
    } finally {
      engine.close();
    }
  });
});
