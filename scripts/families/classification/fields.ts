/** Which fields the classification covers, and how each is classified: shared by the checks and the pages. */
import {
  classificationOf,
  classifiedStandardFields,
  type ClassificationTable,
  type FieldClassification,
} from '../../core/classification.ts';
import type { ObjectDef } from '../../core/model-types.ts';

/** Custom metadata types hold configuration, not business data: Salesforce classifies data fields only. */
export const classifiable = (object: ObjectDef): boolean => object.standard || !object.customMetadata;

export interface ClassifiedField {
  readonly object: ObjectDef;
  readonly field: string;
  readonly classification: FieldClassification | undefined;
  /** Where the class comes from: the field's own entry or its object's default. */
  readonly source: 'field' | 'default' | 'none';
}

/** Every field of the model the table must cover: custom fields, standard fields the model configures or classifies. */
export function modelFields(objects: readonly ObjectDef[], table: ClassificationTable | undefined): ClassifiedField[] {
  return objects.filter(classifiable).flatMap((object) => {
    const names = [
      ...Object.keys(object.fields),
      ...(object.standard ? Object.keys(object.standardFields) : []),
      ...classifiedStandardFields(table, object),
    ];
    return names.map((field) => ({
      object,
      field,
      classification: classificationOf(table, object.apiName, field),
      source: table?.fields[`${object.apiName}.${field}`]
        ? 'field'
        : table?.defaults[object.apiName]
          ? 'default'
          : 'none',
    }));
  });
}
