import { at, type GeneratedFile } from '../../core/family.ts';
import type { CustomObjectDef, FieldDef, ObjectDef, StandardFieldSettings } from '../../core/model-types.ts';
import { metadataXml } from '../../core/xml.ts';
import type { ObjectsModel } from './objects.ts';

/** CustomObject and its fields (other families write the object's other children: rules, processes). */
export async function emitObjects(model: ObjectsModel): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const object of model.objects) {
    const dir = (...rest: string[]) => at('objects', object.apiName, ...rest);
    const objectBody = objectXml(object);
    if (objectBody)
      files.push({
        path: dir(`${object.apiName}.object-meta.xml`),
        content: await metadataXml('CustomObject', objectBody),
      });
    for (const [name, field] of Object.entries(object.fields)) {
      files.push({
        path: dir('fields', `${name}.field-meta.xml`),
        content: await metadataXml('CustomField', customFieldXml(object, name, field)),
      });
    }
    if (object.standard) {
      for (const [name, settings] of Object.entries(object.standardFields)) {
        files.push({
          path: dir('fields', `${name}.field-meta.xml`),
          content: await metadataXml('CustomField', standardFieldXml(name, settings)),
        });
      }
    }
  }
  return files;
}

const hasTrackedFields = (object: ObjectDef): boolean =>
  Object.values(object.fields).some((f) => f.trackHistory) ||
  (object.standard && Object.values(object.standardFields).some((s) => s.trackHistory));

function objectXml(object: ObjectDef): Record<string, unknown> | undefined {
  // Every decomposed object has a parent file; SDR writes an empty one for a standard object we only extend.
  if (object.standard)
    return {
      ...(hasTrackedFields(object) ? { enableHistory: true } : {}),
      // External users never see more than internal ones: Private is always valid.
      ...(object.sharingModel ? { externalSharingModel: 'Private', sharingModel: object.sharingModel } : {}),
    };
  if (object.customMetadata) {
    return {
      description: object.description,
      label: object.label,
      pluralLabel: object.pluralLabel,
      visibility: 'Public',
    };
  }
  return customObjectXml(object);
}

function customObjectXml(object: CustomObjectDef): Record<string, unknown> {
  const { nameField } = object;
  return {
    allowInChatterGroups: false,
    deploymentStatus: 'Deployed',
    description: object.description,
    enableActivities: object.enableActivities,
    enableBulkApi: true,
    enableFeeds: false,
    enableHistory: hasTrackedFields(object),
    enableLicensing: false,
    enableReports: object.enableReports,
    enableSearch: object.enableSearch,
    enableSharing: true,
    enableStreamingApi: true,
    externalSharingModel: object.sharingModel === 'ControlledByParent' ? 'ControlledByParent' : 'Private',
    label: object.label,
    nameField: {
      displayFormat: nameField.displayFormat,
      label: nameField.label,
      trackHistory: false,
      type: nameField.type,
    },
    pluralLabel: object.pluralLabel,
    sharingModel: object.sharingModel,
  };
}

function standardFieldXml(name: string, settings: StandardFieldSettings): Record<string, unknown> {
  return { fullName: name, inlineHelpText: settings.help, trackHistory: settings.trackHistory ?? false };
}

/** The field definition whose type includes T (LongTextAreaField covers 'LongTextArea' and 'Html'). */
type FieldOf<T extends FieldDef['type']> = FieldDef extends infer F
  ? F extends FieldDef
    ? T extends F['type']
      ? F
      : never
    : never
  : never;
type Elements = Record<string, unknown>;

const identity = (f: { readonly unique?: boolean; readonly externalId?: boolean }): Elements => ({
  externalId: f.externalId ?? false,
  unique: f.unique ?? false,
});
const numeric = (f: FieldOf<'Number' | 'Currency' | 'Percent'>): Elements => ({
  precision: f.precision,
  scale: f.scale,
});
const relationship = (f: FieldOf<'Lookup' | 'MasterDetail'>): Elements => ({
  referenceTo: f.referenceTo,
  relationshipLabel: f.relationshipLabel,
  relationshipName: f.relationshipName,
});

function picklistValueSet(f: FieldOf<'Picklist' | 'MultiselectPicklist'>): Elements {
  if (f.valueSet) return { restricted: true, valueSetName: f.valueSet };
  return {
    restricted: f.restricted,
    valueSetDefinition: {
      sorted: false,
      value: (f.values ?? []).map((v) => ({
        fullName: v.name,
        default: v.name === f.defaultValue,
        description: v.description,
        label: v.label,
      })),
    },
  };
}

/**
 * The elements a retrieve writes for each field type, beyond those every field has. (Element
 * order is not a concern here: orderElements sorts them by the Metadata API schema.)
 */
const TYPE_ELEMENTS: { readonly [T in FieldDef['type']]: (field: FieldOf<T>) => Elements } = {
  Text: (f) => ({ ...(f.unique ? { caseSensitive: f.caseSensitive ?? false } : {}), ...identity(f), length: f.length }),
  TextArea: () => ({}),
  LongTextArea: (f) => ({ length: f.length, visibleLines: f.visibleLines }),
  Html: (f) => ({ length: f.length, visibleLines: f.visibleLines }),
  Email: (f) => identity(f),
  Phone: () => ({}),
  Url: () => ({}),
  Number: (f) => ({ ...identity(f), ...numeric(f) }),
  Currency: numeric,
  Percent: numeric,
  Checkbox: (f) => ({ defaultValue: f.defaultValue }),
  Date: () => ({}),
  DateTime: () => ({}),
  Time: () => ({}),
  Picklist: (f) => ({ valueSet: picklistValueSet(f), visibleLines: f.visibleLines }),
  MultiselectPicklist: (f) => ({ valueSet: picklistValueSet(f), visibleLines: f.visibleLines }),
  Lookup: (f) => ({ ...relationship(f), deleteConstraint: f.deleteConstraint }),
  MasterDetail: (f) => ({
    ...relationship(f),
    relationshipOrder: 0,
    reparentableMasterDetail: f.reparentable ?? false,
    writeRequiresMasterRead: false,
  }),
  Formula: (f) => ({
    formula: f.formula,
    formulaTreatBlanksAs: f.blanks === 'zero' ? 'BlankAsZero' : 'BlankAsBlank',
    precision: f.precision,
    scale: f.scale,
  }),
};

/** Types whose metadata has no `required` element (Salesforce derives it or rejects it). */
const NO_REQUIRED: ReadonlySet<FieldDef['type']> = new Set([
  'LongTextArea',
  'Html',
  'Checkbox',
  'MasterDetail',
  'Formula',
]);

/** A custom field with the elements a retrieve writes for its type. */
export function customFieldXml(object: ObjectDef, name: string, field: FieldDef): Elements {
  const cmdt = !object.standard && object.customMetadata;
  const typeElements = TYPE_ELEMENTS[field.type] as (f: FieldDef) => Elements;
  return {
    fullName: name,
    description: field.description,
    inlineHelpText: field.help,
    label: field.label,
    ...(cmdt ? { fieldManageability: 'DeveloperControlled' } : {}),
    ...(NO_REQUIRED.has(field.type) ? {} : { required: field.required ?? false }),
    ...(cmdt || field.type === 'Formula' ? {} : { trackHistory: field.trackHistory ?? false, trackTrending: false }),
    ...typeElements(field),
    type: field.type === 'Formula' ? field.returns : field.type,
  };
}
