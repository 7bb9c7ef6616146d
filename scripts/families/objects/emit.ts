import {
  classificationElements,
  classificationOf,
  classifiedStandardFields,
  type ClassificationModel,
} from '../../core/classification.ts';
import { at, type GeneratedFile } from '../../core/family.ts';
import type {
  CustomObjectDef,
  FieldDef,
  FormulaField,
  ObjectDef,
  StandardFieldSettings,
} from '../../core/model-types.ts';
import { metadataXml } from '../../core/xml.ts';
import { isStandardObject, STANDARD_OBJECTS } from '../../schema/standard-objects.ts';
import type { ObjectsModel } from './objects.ts';

/**
 * CustomObject and its fields (other families write the object's other children: rules, processes).
 * Each field carries its data classification from the classification family's table, when the model has one.
 */
export async function emitObjects(model: ObjectsModel & Partial<ClassificationModel>): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  const classified = (object: ObjectDef, name: string) =>
    classificationElements(classificationOf(model.dataClassification, object.apiName, name));
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
        content: await metadataXml('CustomField', {
          ...customFieldXml(object, name, field),
          ...classified(object, name),
        }),
      });
    }
    if (object.standard) {
      const standardFields: [string, StandardFieldSettings][] = [
        ...Object.entries(object.standardFields),
        ...classifiedStandardFields(model.dataClassification, object).map((name): [string, StandardFieldSettings] => [
          name,
          {},
        ]),
      ];
      for (const [name, settings] of standardFields) {
        files.push({
          path: dir('fields', `${name}.field-meta.xml`),
          content: await metadataXml('CustomField', {
            ...standardFieldXml(object, name, settings),
            ...classified(object, name),
          }),
        });
      }
    }
  }
  return files;
}

const hasTrackedFields = (object: ObjectDef): boolean =>
  Object.values(object.fields).some((f) => f.trackHistory) ||
  (object.standard && Object.values(object.standardFields).some((s) => s.trackHistory));

/**
 * Standard objects whose field history cannot be switched off: a retrieve writes no
 * `enableHistory` for them, yet `trackHistory` on every field (Contract and Case in three org
 * retrieves: AirtelDevOps/Dummy_Airtel, illumina-vgurijala/marketingcloud, bengo4long/orgc).
 */
const ALWAYS_TRACKED: ReadonlySet<string> = new Set(['Contract', 'Case']);

/**
 * Whether the object's field history is on once our metadata is deployed. A retrieve writes
 * `trackHistory` on every field of such an object and on none of the others (in every retrieved
 * object we compared), so this decides the element for fields and the name field alike. A
 * standard object without tracked fields keeps the org's setting: we leave its fields unmarked,
 * which is what a retrieve shows where history is off (Campaign in two of three retrieved orgs).
 */
const historyOn = (object: ObjectDef): boolean =>
  hasTrackedFields(object) || (object.standard && ALWAYS_TRACKED.has(object.apiName));

/**
 * Historical trending is written by a retrieve on custom objects only: fields of Account, Contact,
 * Lead and Contract never carry `trackTrending`, Opportunity's only where an org turned trending
 * on. Custom metadata types have none.
 */
const tracksTrending = (object: ObjectDef): boolean => !object.standard && !object.customMetadata;

function objectXml(object: ObjectDef): Record<string, unknown> | undefined {
  // Every decomposed object has a parent file; SDR writes an empty one for a standard object we only extend.
  // A retrieve writes the standard object whole (list views, search layouts, action overrides...):
  // those stay the org's (docs/retrieve-parity.md). An always-tracked object has no enableHistory.
  if (object.standard)
    return {
      ...(hasTrackedFields(object) && !ALWAYS_TRACKED.has(object.apiName) ? { enableHistory: true } : {}),
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
      trackHistory: historyOn(object) ? false : undefined,
      type: nameField.type,
    },
    pluralLabel: object.pluralLabel,
    sharingModel: object.sharingModel,
    // Every retrieved custom object says Public (Protected is for managed packages). Its
    // actionOverrides, compactLayoutAssignment and searchLayouts stay out: see docs/retrieve-parity.md.
    visibility: 'Public',
  };
}

/**
 * Standard fields whose type a retrieve calls Hierarchy: self-lookups that Salesforce shows as a
 * hierarchy (Account.ParentId in three org retrieves). Campaign.ParentId is a plain Lookup.
 */
const HIERARCHY_FIELDS: ReadonlySet<string> = new Set(['Account.ParentId', 'User.ManagerId']);

/**
 * The `type` a retrieve writes for a standard field: only picklists and relationships carry one
 * (StageName Picklist, OwnerId Lookup, Account.ParentId Hierarchy); Name, Amount, CloseDate, Email
 * and the other scalar standard fields are written without.
 */
function standardFieldType(object: string, name: string): string | undefined {
  if (!isStandardObject(object)) return undefined;
  const spec = (STANDARD_OBJECTS[object].fields as Record<string, readonly [string, ...unknown[]]>)[name];
  switch (spec?.[0]) {
    case 'picklist':
      return 'Picklist';
    case 'multipicklist':
      return 'MultiselectPicklist';
    case 'reference':
      return HIERARCHY_FIELDS.has(`${object}.${name}`) ? 'Hierarchy' : 'Lookup';
    default:
      return undefined;
  }
}

/**
 * A standard field's settings. A retrieve also writes trackFeedHistory (Chatter feed tracking,
 * on by default for these objects in a new org, per field) and, where an org turned historical
 * trending on, Opportunity's trackTrending: both are org settings we do not own.
 */
function standardFieldXml(object: ObjectDef, name: string, settings: StandardFieldSettings): Record<string, unknown> {
  return {
    fullName: name,
    inlineHelpText: settings.help,
    trackHistory: historyOn(object) ? (settings.trackHistory ?? false) : undefined,
    type: standardFieldType(object.apiName, name),
  };
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
    // A retrieve writes `restricted` only when true; an unrestricted picklist has no element.
    restricted: f.restricted ? true : undefined,
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
    // A retrieve writes BlankAsZero and leaves BlankAsBlank out (1,380 formula fields in public
    // retrieves say BlankAsZero, none BlankAsBlank, the others nothing): absent means blank.
    formulaTreatBlanksAs: f.blanks === 'zero' ? 'BlankAsZero' : undefined,
    ...FORMULA_RETURN_ELEMENTS[f.returns],
    precision: f.precision,
    scale: f.scale,
  }),
};

/**
 * What a retrieve writes on a formula field beyond the formula, by its return type: the return
 * type's own defaults, without length or defaultValue (checkbox formulas have no `required`).
 */
const FORMULA_RETURN_ELEMENTS: { readonly [R in FormulaField['returns']]: Elements } = {
  Text: { externalId: false, required: false, unique: false },
  Number: { externalId: false, required: false, unique: false },
  Currency: { required: false },
  Percent: { required: false },
  Date: { required: false },
  DateTime: { required: false },
  Time: { required: false },
  Checkbox: {},
};

/** Types whose metadata has no `required` element (Salesforce derives it or rejects it); formulas: see above. */
const NO_REQUIRED: ReadonlySet<FieldDef['type']> = new Set([
  'LongTextArea',
  'Html',
  'Checkbox',
  'MasterDetail',
  'Formula',
]);

/**
 * A custom field with the elements a retrieve writes for its type and its object: trackHistory
 * where the object's history is on, trackTrending on custom objects (formula fields included).
 */
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
    ...(historyOn(object) ? { trackHistory: field.trackHistory ?? false } : {}),
    ...(tracksTrending(object) ? { trackTrending: false } : {}),
    ...typeElements(field),
    type: field.type === 'Formula' ? field.returns : field.type,
  };
}
