import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml, XSD_NS, XSI_NS } from '../../core/xml.ts';
import type { CustomMetadataValue } from './builders.ts';
import type { CustomMetadataModel } from './builders.ts';

/** Custom metadata records: every value carries its `xsi:type`, or the deploy reads it as text. */
export const emitCustomMetadata = (model: CustomMetadataModel): Promise<GeneratedFile[]> =>
  Promise.all(
    model.customMetadataRecords.map(async (record) => ({
      path: at('customMetadata', `${record.type.replace(/__mdt$/, '')}.${record.name}.md-meta.xml`),
      content: await metadataXml(
        'CustomMetadata',
        {
          label: record.label,
          protected: record.protected ?? false,
          values: Object.entries(record.values)
            .sort(([a], [b]) => a.localeCompare(b, 'en'))
            .map(([field, v]) => ({ field, value: typedValue(v) })),
        },
        { xsi: XSI_NS, xsd: XSD_NS },
      ),
    })),
  );

/** Null is written as `xsi:nil`, as a retrieve writes it: an omitted field would keep its old value on deploy. */
function typedValue(value: CustomMetadataValue) {
  if (value === null) return { '@_xsi:nil': 'true' };
  const xsiType = typeof value === 'number' ? 'xsd:double' : typeof value === 'boolean' ? 'xsd:boolean' : 'xsd:string';
  return { '@_xsi:type': xsiType, '#text': String(value) };
}
