import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml } from '../../core/xml.ts';
import type { LeadConvertModel } from './builders.ts';

/** LeadConvertSettings: one object mapping per target object. */
export async function emitLeadConvert(model: LeadConvertModel): Promise<GeneratedFile[]> {
  const convert = model.leadConvert;
  if (!convert) return [];
  const targets = [...new Set(convert.mappings.map((m) => m.to.object))].sort();
  return [
    {
      // The component is named LeadConvertSettings: a retrieve writes this file name (213 public
      // repositories hold it; none holds LeadConvertSetting.LeadConvertSetting-meta.xml).
      path: at('LeadConvertSettings', 'LeadConvertSettings.LeadConvertSetting-meta.xml'),
      content: await metadataXml('LeadConvertSettings', {
        allowOwnerChange: convert.allowOwnerChange,
        objectMapping: targets.map((target) => ({
          inputObject: 'Lead',
          mappingFields: convert.mappings
            .filter((m) => m.to.object === target)
            .map((m) => ({ inputField: m.from.field, outputField: m.to.field })),
          outputObject: target,
        })),
        opportunityCreationOptions: convert.opportunityCreation,
      }),
    },
  ];
}
