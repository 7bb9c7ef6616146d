import type { CustomObjectDef, FieldDef, ObjectDef, StandardFieldSettings } from '../../dsl/index.ts';
import { metadataXml } from '../xml.ts';
import { at, type Emitter, type GeneratedFile } from './types.ts';

/** CustomObject and its decomposed children: fields, validation rules, business processes. */
export const emitObjects: Emitter = async (model) => {
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
  for (const rule of model.validationRules) {
    files.push({
      path: at('objects', rule.object, 'validationRules', `${rule.name}.validationRule-meta.xml`),
      content: await metadataXml('ValidationRule', {
        fullName: rule.name,
        active: rule.active,
        description: rule.description,
        errorConditionFormula: rule.formula,
        errorDisplayField: rule.errorField,
        errorMessage: rule.message,
      }),
    });
  }
  for (const process of model.businessProcesses) {
    files.push({
      path: at('objects', process.object, 'businessProcesses', `${process.name}.businessProcess-meta.xml`),
      content: await metadataXml('BusinessProcess', {
        fullName: process.name,
        description: process.description,
        isActive: true,
        values: process.values.map((value, i) => ({ fullName: value, default: i === 0 })),
      }),
    });
  }
  return files;
};

const hasTrackedFields = (object: ObjectDef): boolean =>
  Object.values(object.fields).some((f) => f.trackHistory) ||
  (object.standard && Object.values(object.standardFields).some((s) => s.trackHistory));

function objectXml(object: ObjectDef): Record<string, unknown> | undefined {
  // Every decomposed object has a parent file; SDR writes an empty one for a standard object we only extend.
  if (object.standard) return hasTrackedFields(object) ? { enableHistory: true } : {};
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

/** A custom field with the elements a retrieve writes for its type. */
export function customFieldXml(object: ObjectDef, name: string, field: FieldDef): Record<string, unknown> {
  const cmdt = !object.standard && object.customMetadata;
  const tracking =
    cmdt || field.type === 'Formula' ? {} : { trackHistory: field.trackHistory ?? false, trackTrending: false };
  const common = {
    fullName: name,
    description: field.description,
    inlineHelpText: field.help,
    label: field.label,
    ...(cmdt ? { fieldManageability: 'DeveloperControlled' } : {}),
  };
  const required = { required: field.required ?? false };
  switch (field.type) {
    case 'Text':
      return {
        ...common,
        ...(field.unique ? { caseSensitive: field.caseSensitive ?? false } : {}),
        externalId: field.externalId ?? false,
        length: field.length,
        ...required,
        ...tracking,
        type: 'Text',
        unique: field.unique ?? false,
      };
    case 'TextArea':
      return { ...common, ...required, ...tracking, type: 'TextArea' };
    case 'LongTextArea':
    case 'Html':
      return { ...common, length: field.length, ...tracking, type: field.type, visibleLines: field.visibleLines };
    case 'Email':
      return {
        ...common,
        externalId: field.externalId ?? false,
        ...required,
        ...tracking,
        type: 'Email',
        unique: field.unique ?? false,
      };
    case 'Phone':
    case 'Url':
      return { ...common, ...required, ...tracking, type: field.type };
    case 'Number':
      return {
        ...common,
        externalId: field.externalId ?? false,
        precision: field.precision,
        ...required,
        scale: field.scale,
        ...tracking,
        type: 'Number',
        unique: field.unique ?? false,
      };
    case 'Currency':
    case 'Percent':
      return { ...common, precision: field.precision, ...required, scale: field.scale, ...tracking, type: field.type };
    case 'Checkbox':
      return { ...common, defaultValue: field.defaultValue, ...tracking, type: 'Checkbox' };
    case 'Date':
    case 'DateTime':
    case 'Time':
      return { ...common, ...required, ...tracking, type: field.type };
    case 'Picklist':
    case 'MultiselectPicklist':
      return {
        ...common,
        ...required,
        ...tracking,
        type: field.type,
        valueSet: field.valueSet
          ? { restricted: true, valueSetName: field.valueSet }
          : {
              restricted: field.restricted,
              valueSetDefinition: {
                sorted: false,
                value: (field.values ?? []).map((v) => ({
                  fullName: v.name,
                  default: v.name === field.defaultValue,
                  description: v.description,
                  label: v.label,
                })),
              },
            },
        visibleLines: field.visibleLines,
      };
    case 'Lookup':
      return {
        ...common,
        deleteConstraint: field.deleteConstraint,
        referenceTo: field.referenceTo,
        relationshipLabel: field.relationshipLabel,
        relationshipName: field.relationshipName,
        ...required,
        ...tracking,
        type: 'Lookup',
      };
    case 'MasterDetail':
      return {
        ...common,
        referenceTo: field.referenceTo,
        relationshipLabel: field.relationshipLabel,
        relationshipName: field.relationshipName,
        relationshipOrder: 0,
        reparentableMasterDetail: field.reparentable ?? false,
        ...tracking,
        type: 'MasterDetail',
        writeRequiresMasterRead: false,
      };
    case 'Formula':
      return {
        ...common,
        formula: field.formula,
        formulaTreatBlanksAs: field.blanks === 'zero' ? 'BlankAsZero' : 'BlankAsBlank',
        precision: field.precision,
        scale: field.scale,
        ...tracking,
        type: field.returns,
      };
  }
}
