import type { CheckContext } from '../../core/checks.ts';
import { MAX_PICKLIST_VALUES } from '../objects/checks.ts';
import type { ObjectsModel } from '../objects/objects.ts';
import type { ValueSetsModel } from './builders.ts';

/** Value sets have valid names and distinct values; every picklist that names a set names one of the model's. */
export function checkValueSets(model: ValueSetsModel & ObjectsModel, check: CheckContext): void {
  check.unique(
    model.globalValueSets,
    (s) => s.name,
    (s) => `GlobalValueSet ${s.name}`,
    'global value set',
  );
  for (const set of model.globalValueSets) {
    check.apiName(set, `GlobalValueSet ${set.name}`, set.name);
    check.unique(
      set.values,
      (v) => v.name,
      () => `GlobalValueSet ${set.name}`,
      'value',
      set,
    );
    check.picklistValues(set, `GlobalValueSet ${set.name}`, set.values, MAX_PICKLIST_VALUES);
  }
  for (const object of model.objects) {
    for (const [name, field] of Object.entries(object.fields)) {
      if ((field.type !== 'Picklist' && field.type !== 'MultiselectPicklist') || !field.valueSet) continue;
      if (!model.globalValueSets.some((s) => s.name === field.valueSet))
        check.report(
          object,
          `CustomField ${object.apiName}.${name}`,
          `uses unknown global value set "${field.valueSet}"`,
        );
    }
  }
}
