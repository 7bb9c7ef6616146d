/** Global value sets: restricted lists of values shared by several picklists (reason codes...). */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import type { ObjectsModel } from '../objects/index.ts';
import * as builders from './builders.ts';
import { renderValueSetsPage, valueSetsIndex } from './catalogue.ts';
import { checkValueSets } from './checks.ts';
import { emitValueSets } from './emit.ts';
import type { ValueSetsModel } from './builders.ts';

export type { ValueSetsModel } from './builders.ts';

export type { GlobalValueSetDef } from './builders.ts';

export const globalValueSet = locate(builders.globalValueSet);

export const valueSetsFamily = defineFamily<ValueSetsModel, ValueSetsModel & ObjectsModel>({
  name: 'value-sets',
  sections: { globalValueSets: 'list' },
  describe: (model, schema) => {
    for (const set of model.globalValueSets)
      schema.addValueSet(
        set.name,
        set.values.map((v) => v.name),
      );
  },
  check: checkValueSets,
  emit: emitValueSets,
  lockable: (model) => model.globalValueSets,
  catalogue: { pages: (cat) => [renderValueSetsPage(cat)], index: valueSetsIndex },
});
