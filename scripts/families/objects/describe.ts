/** What the model's objects and fields look like in an org's describe. */
import type { FieldDef, ObjectDef } from '../../core/model-types.ts';
import type { DescribedField, SchemaBuilder } from '../../schema/builder.ts';
import { STANDARD_OBJECTS, customObjectSystemFields, standardFields } from '../../schema/standard-objects.ts';
import type { DescribeFieldType, SchemaField } from '../../schema/types.ts';

const FORMULA_TYPES: Record<string, DescribeFieldType> = {
  Checkbox: 'boolean',
  Currency: 'currency',
  Date: 'date',
  DateTime: 'datetime',
  Number: 'double',
  Percent: 'percent',
  Text: 'string',
  Time: 'time',
};
const FIELD_TYPES: Record<Exclude<FieldDef['type'], 'Formula'>, DescribeFieldType> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Time: 'time',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Lookup: 'reference',
  MasterDetail: 'reference',
};

/** The describe-shaped view of one model field. */
export function describeField(name: string, field: FieldDef): DescribedField {
  const base = { name, label: field.label, custom: true, nillable: !field.required };
  switch (field.type) {
    case 'Formula':
      return {
        ...base,
        type: FORMULA_TYPES[field.returns] ?? 'string',
        calculated: true,
        calculatedFormula: field.formula,
        precision: field.precision,
        scale: field.scale,
      };
    case 'Lookup':
    case 'MasterDetail':
      // Formulas traverse a custom lookup as Field__r; field.relationshipName is the child
      // relationship on the parent (Account.Concessions), which formulas never use.
      return {
        ...base,
        type: 'reference',
        referenceTo: [field.referenceTo],
        relationshipName: name.replace(/__c$/, '__r'),
        nillable: field.type === 'Lookup' && !field.required,
      };
    case 'Picklist':
    case 'MultiselectPicklist': {
      // A global value set's values are filled in by the schema builder (the value-sets family adds them).
      if (field.valueSet)
        return { ...base, type: FIELD_TYPES[field.type], valueSet: field.valueSet, restrictedPicklist: true };
      return {
        ...base,
        type: FIELD_TYPES[field.type],
        picklistValues: (field.values ?? []).map((v) => v.name),
        restrictedPicklist: field.restricted,
      };
    }
    case 'Text':
      return { ...base, type: 'string', length: field.length };
    case 'LongTextArea':
    case 'Html':
      return { ...base, type: 'textarea', length: field.length };
    case 'Number':
    case 'Currency':
    case 'Percent':
      return { ...base, type: FIELD_TYPES[field.type], precision: field.precision, scale: field.scale };
    default:
      return { ...base, type: FIELD_TYPES[field.type] };
  }
}

const CMDT_SYSTEM_FIELDS: SchemaField[] = [
  { name: 'Id', label: 'Record ID', type: 'id', custom: false, nillable: false },
  {
    name: 'DeveloperName',
    label: 'Custom Metadata Record Name',
    type: 'string',
    custom: false,
    nillable: false,
    length: 40,
  },
  { name: 'MasterLabel', label: 'Label', type: 'string', custom: false, nillable: false, length: 40 },
  { name: 'Label', label: 'Label', type: 'string', custom: false, nillable: false, length: 40 },
  { name: 'QualifiedApiName', label: 'Qualified API Name', type: 'string', custom: false, nillable: false, length: 70 },
  { name: 'NamespacePrefix', label: 'Namespace Prefix', type: 'string', custom: false, nillable: true, length: 15 },
];

/** Fields every object of its kind has; standard picklists the model defines get their values from their family. */
function systemFields(object: ObjectDef): SchemaField[] {
  if (object.standard) return standardFields(object.apiName);
  if (object.customMetadata) return CMDT_SYSTEM_FIELDS;
  const name: SchemaField = {
    name: 'Name',
    label: object.nameField.label,
    type: 'string',
    custom: false,
    nillable: object.nameField.type === 'AutoNumber',
    length: 80,
  };
  return [...customObjectSystemFields(object.label), name];
}

/** Adds every model object, with its system fields and custom fields, to the schema. */
export function describeObjects(objects: readonly ObjectDef[], schema: SchemaBuilder): void {
  for (const object of objects) {
    const custom = Object.entries(object.fields).map(([name, f]) => describeField(name, f));
    const label = object.standard
      ? (STANDARD_OBJECTS[object.apiName as keyof typeof STANDARD_OBJECTS]?.label ?? object.apiName)
      : object.label;
    schema.addObject({
      name: object.apiName,
      label,
      custom: !object.standard,
      fields: [...systemFields(object), ...custom],
    });
  }
}
