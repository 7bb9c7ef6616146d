import type { FieldDef, ObjectDef, RevOpsModel } from '../dsl/index.ts';
import type { DescribeFieldType, Schema, SchemaField, SchemaObject } from './types.ts';
import { STANDARD_OBJECTS, customObjectSystemFields, standardFields } from './standard-objects.ts';

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
export function describeField(name: string, field: FieldDef, model: RevOpsModel): SchemaField {
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
      const values = field.valueSet
        ? model.globalValueSets.find((s) => s.name === field.valueSet)?.values
        : field.values;
      return { ...base, type: FIELD_TYPES[field.type], picklistValues: (values ?? []).map((v) => v.name) };
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

class DescribedObject implements SchemaObject {
  readonly name: string;
  readonly label: string;
  readonly custom: boolean;
  private readonly byName = new Map<string, SchemaField>();
  private readonly byRelationship = new Map<string, SchemaField>();
  constructor(name: string, label: string, custom: boolean, fields: readonly SchemaField[]) {
    this.name = name;
    this.label = label;
    this.custom = custom;
    for (const f of fields) {
      this.byName.set(f.name.toLowerCase(), f);
      if (f.relationshipName) this.byRelationship.set(f.relationshipName.toLowerCase(), f);
    }
  }
  field(name: string) {
    return this.byName.get(name.toLowerCase());
  }
  relationship(name: string) {
    return this.byRelationship.get(name.toLowerCase());
  }
  fields() {
    return [...this.byName.values()];
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

function systemFields(object: ObjectDef, model: RevOpsModel): SchemaField[] {
  if (object.standard) {
    const fields = standardFields(object.apiName);
    // Standard picklists that the model defines take their values from the model.
    return fields.map((f) => {
      if (object.apiName === 'Opportunity' && f.name === 'StageName' && model.opportunityStages) {
        return { ...f, picklistValues: model.opportunityStages.stages.map((s) => s.name) };
      }
      if (object.apiName === 'Lead' && f.name === 'Status' && model.leadStatuses) {
        return { ...f, picklistValues: model.leadStatuses.statuses.map((s) => s.name) };
      }
      return f;
    });
  }
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

/** The schema an org would describe once the model is deployed. */
export function buildSchema(model: RevOpsModel): Schema {
  const objects = new Map<string, SchemaObject>();
  for (const [name, entry] of Object.entries(STANDARD_OBJECTS)) {
    objects.set(name.toLowerCase(), new DescribedObject(name, entry.label, false, standardFields(name)));
  }
  for (const object of model.objects) {
    const custom = Object.entries(object.fields).map(([name, f]) => describeField(name, f, model));
    const label = object.standard
      ? (STANDARD_OBJECTS[object.apiName as keyof typeof STANDARD_OBJECTS]?.label ?? object.apiName)
      : object.label;
    objects.set(
      object.apiName.toLowerCase(),
      new DescribedObject(object.apiName, label, !object.standard, [...systemFields(object, model), ...custom]),
    );
  }
  const permissions = new Set(model.customPermissions.map((p) => p.name.toLowerCase()));
  const records = new Map(
    model.customMetadataRecords.map((r) => [
      `${r.type}.${r.name}`.toLowerCase(),
      { ...r.values, DeveloperName: r.name, MasterLabel: r.label },
    ]),
  );
  return {
    object: (name) => objects.get(name.toLowerCase()),
    objects: () => [...objects.values()],
    hasCustomPermission: (name) => permissions.has(name.toLowerCase()),
    customMetadataRecord: (type, record) => records.get(`${type}.${record}`.toLowerCase()),
  };
}
