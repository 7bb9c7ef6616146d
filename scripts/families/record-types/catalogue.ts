/** Record types in the catalogue: a row on the front page, a bullet on their object's page. */
import { sortBy, summaryRow, type Catalogue, type Ranked } from '../../core/catalogue.ts';
import { code, text } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import type { RecordTypesModel } from './builders.ts';

type Cat = Catalogue<RecordTypesModel>;

export const recordTypesIndex = (cat: Cat) => ({ summary: [summaryRow('Record types', cat.model.recordTypes)] });

/** An object's related definitions: its record types, with their process and the profiles they are the default of. */
export const recordTypesRelated = (cat: Cat, object: ObjectDef): Ranked<string>[] =>
  sortBy(
    cat.model.recordTypes.filter((rt) => rt.object.toLowerCase() === object.apiName.toLowerCase()),
    (rt) => rt.name,
  ).map((rt) => ({
    rank: 5,
    value: [
      `Record type ${code(rt.name)} (${text(rt.label)})`,
      rt.businessProcess ? `, process ${code(rt.businessProcess)}` : '',
      rt.defaultForProfiles.length ? `, default for ${rt.defaultForProfiles.map(code).join(', ')}` : '',
      rt.active ? '' : ', inactive',
    ].join(''),
  }));
