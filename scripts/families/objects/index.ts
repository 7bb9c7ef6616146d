/**
 * Objects and fields: the standard objects the model extends, custom objects and custom
 * metadata types, with their fields. Every other family refers to them (by FieldRef), so their
 * types are in the core (scripts/core/model-types.ts); this folder builds, checks, emits and
 * documents them.
 */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import type { ValidationRulesModel } from '../validation-rules/index.ts';
import { objectSections, objectsIndex, renderObjectPage } from './catalogue.ts';
import { checkObjects } from './checks.ts';
import { describeObjects } from './describe.ts';
import { emitObjects } from './emit.ts';
import * as objects from './objects.ts';
import type { ObjectsModel } from './objects.ts';

export type { ObjectsModel } from './objects.ts';

export * from './fields.ts';

export const standardObject = locate(objects.standardObject);
export const customObject = locate(objects.customObject);
export const customMetadataType = locate(objects.customMetadataType);

export const objectsFamily = defineFamily<ObjectsModel, ObjectsModel & ValidationRulesModel>({
  name: 'objects',
  sections: { objects: 'list' },
  describe: (model, schema) => describeObjects(model.objects, schema),
  check: checkObjects,
  formulas: (model) =>
    model.objects.flatMap((object) =>
      Object.entries(object.fields).flatMap(([name, field]) =>
        field.type === 'Formula'
          ? [
              {
                component: `CustomField ${object.apiName}.${name}`,
                definition: object,
                source: field.formula,
                options: {
                  object: object.apiName,
                  context: 'formulaField' as const,
                  returnType: field.returns,
                  blankAsZero: field.blanks === 'zero',
                },
              },
            ]
          : [],
      ),
    ),
  emit: emitObjects,
  lockable: (model) => [...model.objects, ...model.objects.flatMap((o) => Object.values(o.fields))],
  catalogue: {
    pages: (cat) => cat.objects.map((o) => renderObjectPage(cat, o)),
    index: objectsIndex,
    objectSections,
  },
});
