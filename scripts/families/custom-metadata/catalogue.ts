/** A custom metadata type's page lists its records; the front page counts them. */
import { LOCK, byString, sortBy, summaryRow, type Catalogue, type Ranked } from '../../core/catalogue.ts';
import { code, heading, table, text } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import type { CustomMetadataModel } from './builders.ts';

function recordsSection(cat: Catalogue<CustomMetadataModel>, object: ObjectDef): string[] {
  if (object.standard || !object.customMetadata) return [];
  const records = sortBy(
    cat.model.customMetadataRecords.filter((r) => r.type === object.apiName),
    (r) => r.name,
  );
  const fields = Object.keys(object.fields).sort(byString);
  const value = (v: unknown) => (v === null || v === undefined ? '' : code(String(v)));
  return [
    heading(2, 'Records'),
    records.length
      ? table(
          ['Record', 'Label', ...fields.map(code), 'Protected', 'Locked'],
          records.map((r) => [
            code(r.name),
            text(r.label),
            ...fields.map((f) => value(r.values[f])),
            r.protected === true,
            r.locked ? LOCK : '',
          ]),
        )
      : 'No records.',
  ];
}

export const recordSections = (cat: Catalogue<CustomMetadataModel>, object: ObjectDef): Ranked<string[]>[] => [
  { rank: 60, value: recordsSection(cat, object) },
];

export const recordsIndex = (cat: Catalogue<CustomMetadataModel>) => ({
  summary: [summaryRow('Custom metadata records', cat.model.customMetadataRecords)],
});
