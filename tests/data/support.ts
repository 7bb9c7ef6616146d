import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import model from '../../model/index.ts';
import type { FormulaField } from '../../scripts/dsl/index.ts';
import { compileFormula } from '../../scripts/formula/index.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import type { Schema } from '../../scripts/schema/types.ts';

export { model };
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The bundled dataset `revops plan` and the tests use. */
export const SEED_DIR = join(ROOT, 'data/seed');

export async function tempDir(prefix = 'revops-data-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A copy of a dataset a test may break. */
export async function datasetCopy(from = SEED_DIR): Promise<string> {
  const dir = await tempDir('revops-dataset-');
  await cp(from, dir, { recursive: true });
  return dir;
}

export async function readLines(dir: string, file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(dir, file), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Rewrites one ndjson file, record by record. */
export async function editRecords(
  dir: string,
  file: string,
  edit: (record: Record<string, unknown>, index: number) => Record<string, unknown>,
): Promise<void> {
  const records = await readLines(dir, file);
  await writeFile(join(dir, file), records.map((r, i) => JSON.stringify(edit(r, i))).join('\n') + '\n');
}

export const relationId = (value: unknown): string | undefined =>
  value && typeof value === 'object' ? ((value as Record<string, unknown>).External_Id__c as string) : undefined;

/** A formula field of the model, compiled by the formula engine as the org evaluates it, at a fixed `now`. */
export function modelFormula(object: string, name: string, now = new Date('2025-03-14T12:00:00Z')) {
  const def = model.objects.find((o) => o.apiName === object)!.fields[name] as FormulaField;
  const compiled = compileFormula(def.formula, {
    schema: modelSchema(),
    object,
    context: 'formulaField',
    returnType: def.returns,
    blankAsZero: def.blanks === 'zero',
  });
  return (record: Record<string, unknown>) => compiled({ record, now });
}

let schema: Schema | undefined;
const modelSchema = () => (schema ??= buildSchema(model));
