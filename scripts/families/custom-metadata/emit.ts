import { at, type GeneratedFile } from '../../core/family.ts';
import type { FieldDef } from '../../core/model-types.ts';
import { byCodeUnit, javaDouble } from '../../core/retrieve-format.ts';
import { metadataXml, XSD_NS, XSI_NS } from '../../core/xml.ts';
import type { ObjectsModel } from '../objects/objects.ts';
import type { CustomMetadataRecordDef, CustomMetadataValue } from './builders.ts';
import type { CustomMetadataModel } from './builders.ts';

type Model = CustomMetadataModel & ObjectsModel;

/**
 * Custom metadata records, as a retrieve writes them: a value for every field of the type
 * (`xsi:nil` where the record holds none), in code-unit order of the field name, each with its
 * `xsi:type` (without it a deploy reads every value as text).
 */
export const emitCustomMetadata = (model: Model): Promise<GeneratedFile[]> =>
  Promise.all(
    model.customMetadataRecords.map(async (record) => ({
      path: at('customMetadata', `${record.type.replace(/__mdt$/, '')}.${record.name}.md-meta.xml`),
      content: await metadataXml(
        'CustomMetadata',
        { label: record.label, protected: record.protected ?? false, values: recordValues(model, record) },
        { xsi: XSI_NS, xsd: XSD_NS },
      ),
    })),
  );

function recordValues(model: Model, record: CustomMetadataRecordDef) {
  const fields = model.objects.find((o) => o.apiName === record.type)?.fields ?? {};
  // The type's fields the record leaves out are null, and a retrieve writes them so.
  const names = [...new Set([...Object.keys(fields), ...Object.keys(record.values)])].sort(byCodeUnit);
  return names.map((field) => ({ field, value: typedValue(record.values[field] ?? null, fields[field]) }));
}

/** The `xsi:type` a retrieve gives a value of a field of this type. */
function xsiType(field: FieldDef | undefined, value: string | number | boolean): string {
  switch (field?.type) {
    case 'Number':
    case 'Currency':
    case 'Percent':
      return 'xsd:double';
    case 'Checkbox':
      return 'xsd:boolean';
    case 'Date':
      return 'xsd:date';
    case 'DateTime':
      return 'xsd:dateTime';
    case undefined:
      return typeof value === 'number' ? 'xsd:double' : typeof value === 'boolean' ? 'xsd:boolean' : 'xsd:string';
    default:
      return 'xsd:string';
  }
}

/**
 * Null is written as `xsi:nil`, as a retrieve writes it: an omitted field would keep its old
 * value on deploy. A number is written as the API writes a double (`25.0`).
 */
function typedValue(value: CustomMetadataValue, field: FieldDef | undefined) {
  if (value === null) return { '@_xsi:nil': 'true' };
  const type = xsiType(field, value);
  return {
    '@_xsi:type': type,
    '#text': typeof value === 'number' && type === 'xsd:double' ? javaDouble(value) : String(value),
  };
}
