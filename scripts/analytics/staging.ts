/**
 * Loads a dataset (docs/dataset-format.md) into the engine: one raw_<object> table per source
 * object, read straight from its NDJSON file by DuckDB's read_ndjson with the columns the report
 * needs (a missing optional field reads as NULL, a missing optional object as an empty table),
 * then the report's own tables and the staging SQL. Every problem is a ReportError naming the file.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DatasetError, readManifest, readRecords, type Manifest } from '../data/index.ts';
import type { AnalyticsEngine } from './engine.ts';
import { engineMessage, ReportError } from './errors.ts';
import { reportTablesSql, type ReportParams } from './report-tables.ts';
import { SOURCE_OBJECTS, type SourceColumn, type SourceObject } from './sources.ts';
import type { ReportTerms } from './terms.ts';

const DUCKDB_TYPES: Record<Exclude<SourceColumn['type'], 'lookup'>, string> = {
  text: 'VARCHAR',
  number: 'DOUBLE',
  date: 'DATE',
  datetime: 'TIMESTAMP',
  boolean: 'BOOLEAN',
};

const duckType = (c: SourceColumn) => (c.type === 'lookup' ? `STRUCT("${c.key}" VARCHAR)` : DUCKDB_TYPES[c.type]);
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
export const rawTable = (sobject: string) => `raw_${sobject.toLowerCase()}`;

export const STAGING_SQL = new URL('./sql/staging/duckdb.sql', import.meta.url);

/** Reads the manifest; a dataset without opportunities has nothing to report. */
export async function openReportDataset(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir).catch((error: Error) => {
    throw new ReportError(
      `${error.message.replace(/ \(run `revops data generate`\)$/, '')}`,
      'Pass a dataset folder (one with manifest.json), e.g. --dataset data/seed, or make one with `revops data generate --out DIR`.',
    );
  });
  for (const source of SOURCE_OBJECTS.filter((s) => s.required)) {
    const entry = manifest.objects.find((o) => o.sobject === source.sobject);
    if (!entry || entry.count === 0)
      throw new ReportError(
        `${join(dir, 'manifest.json')}: the dataset has no ${source.sobject} records, so there is nothing to report`,
        'Use a dataset with accounts and opportunities (data/seed, or `revops data generate --out DIR`).',
      );
  }
  return manifest;
}

async function firstBadLine(dir: string, entry: Manifest['objects'][number]): Promise<string | undefined> {
  try {
    for await (const record of readRecords(dir, entry)) void record;
  } catch (error) {
    if (error instanceof DatasetError && / not valid JSON | expected a JSON object/.test(error.message))
      return error.message;
  }
  return undefined;
}

async function loadObject(engine: AnalyticsEngine, dir: string, manifest: Manifest, source: SourceObject) {
  const table = rawTable(source.sobject);
  const columns = source.columns.map((c) => `"${c.name}" ${duckType(c)}`).join(', ');
  await engine.exec(`CREATE TABLE ${table} (${columns});`);
  const entry = manifest.objects.find((o) => o.sobject === source.sobject);
  if (!entry) return;
  const file = resolve(dir, entry.file);
  const spec = source.columns.map((c) => `"${c.name}": ${quote(duckType(c))}`).join(', ');
  try {
    await engine.exec(
      `INSERT INTO ${table} SELECT ${source.columns.map((c) => `"${c.name}"`).join(', ')} ` +
        `FROM read_ndjson(${quote(file)}, columns = {${spec}}, format = 'newline_delimited');`,
    );
  } catch (error) {
    // DuckDB reads in blocks and may name the line after a broken one: the dataset reader, line
    // by line, names it exactly (and checks the keys); DuckDB's own words serve for the rest.
    const exact = await firstBadLine(dir, entry);
    throw new ReportError(
      exact ?? `${join(dir, entry.file)}: ${engineMessage(error).replace(/ in file "[^"]*"/, '')}`,
      'Fix the file (one JSON record per line, values as docs/dataset-format.md says) or generate the dataset again with `revops data generate`.',
    );
  }
  const [row] = await engine.query(`SELECT COUNT(*) AS n FROM ${table}`);
  if (row?.n !== entry.count)
    throw new ReportError(
      `${join(dir, entry.file)}: holds ${String(row?.n)} records, but manifest.json says ${entry.count}`,
      'Generate the dataset again (`revops data generate`), or correct the count in manifest.json.',
    );
}

/** Stages the dataset in `engine`: raw tables, the report's tables, then the staging SQL. */
export async function stageDataset(
  engine: AnalyticsEngine,
  dir: string,
  manifest: Manifest,
  terms: ReportTerms,
  params: ReportParams,
): Promise<void> {
  for (const source of SOURCE_OBJECTS) await loadObject(engine, dir, manifest, source);
  await engine.exec(reportTablesSql(terms, params));
  await engine.exec(await readFile(STAGING_SQL, 'utf8'));
}
