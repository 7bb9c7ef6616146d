/**
 * Streams a dataset back, one record at a time, checking the format as it goes: one JSON object
 * per line, the same keys on every line, an external id on each, as many lines as the manifest
 * says. Problems are DatasetErrors naming the file, the line and what is wrong.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatasetError } from './errors.ts';
import type { ManifestObject } from './manifest.ts';

export type DatasetRecord = Record<string, unknown>;

export interface ReadRecord {
  readonly line: number;
  readonly record: DatasetRecord;
}

function keyDifference(expected: readonly string[], actual: readonly string[]): string {
  const missing = expected.filter((k) => !actual.includes(k));
  const extra = actual.filter((k) => !expected.includes(k));
  const parts = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    extra.length ? `extra ${extra.join(', ')}` : '',
  ];
  return parts.filter(Boolean).join('; ') || 'same keys in a different order';
}

/** What to do about a line or file the reader cannot use. */
const fixLine = (file: string, line?: number): string[] => [
  line === undefined ? `Fix ${file}` : `Fix line ${line} of ${file} (one JSON object per line, docs/dataset-format.md)`,
  'or regenerate the dataset with `revops data generate --out <dir>`',
];

export async function* readRecords(dir: string, entry: ManifestObject): AsyncGenerator<ReadRecord> {
  const file = join(dir, entry.file);
  await access(file).catch(() => {
    throw new DatasetError(file, `not found (manifest.json lists it for ${entry.sobject})`, undefined, {
      name: 'DatasetFileMissing',
      actions: [`Restore ${entry.file}, or regenerate the dataset with \`revops data generate --out ${dir}\``],
    });
  });
  const bad = (problem: string, line: number) =>
    new DatasetError(file, problem, line, { name: 'DatasetLineInvalid', actions: fixLine(file, line) });
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let keys: string[] | undefined;
  let signature = '';
  try {
    for await (const text of lines) {
      line++;
      if (!text.trim()) throw bad('empty line (one JSON record per line)', line);
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch (e) {
        throw bad(`not valid JSON (${(e as Error).message})`, line);
      }
      if (record === null || typeof record !== 'object' || Array.isArray(record))
        throw bad('expected a JSON object', line);
      const own = Object.keys(record);
      if (!keys) {
        keys = own;
        signature = own.join('\u0000');
      } else if (own.join('\u0000') !== signature) {
        throw bad(`keys differ from line 1 (${keyDifference(keys, own)}); every line needs the same keys`, line);
      }
      const id = (record as DatasetRecord)[entry.externalIdField];
      if (typeof id !== 'string' || !id) throw bad(`${entry.sobject} record has no ${entry.externalIdField}`, line);
      yield { line, record: record as DatasetRecord };
    }
  } finally {
    // A reader stopped early (the loader's first-record probe) must not leave the file open.
    lines.close();
    input.destroy();
  }
  if (line !== entry.count)
    throw new DatasetError(file, `holds ${line} records, but manifest.json says ${entry.count}`, undefined, {
      name: 'DatasetCountMismatch',
      actions: [
        'A file cut short (a copy or a generation interrupted) loses records: regenerate the dataset with `revops data generate --out <dir>`',
        `or correct "count" for ${entry.sobject} in manifest.json`,
      ],
    });
}
