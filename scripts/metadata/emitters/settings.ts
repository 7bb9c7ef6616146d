import { metadataXml } from '../xml.ts';
import { at, type Emitter, type GeneratedFile } from './types.ts';

/** Lead-convert field mapping, and the scratch org definition (config/, also generated). */
export const emitSettings: Emitter = async (model) => {
  const files: GeneratedFile[] = [];
  const convert = model.leadConvert;
  if (convert) {
    const targets = [...new Set(convert.mappings.map((m) => m.to.object))].sort();
    files.push({
      path: at('LeadConvertSettings', 'LeadConvertSetting.LeadConvertSetting-meta.xml'),
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
    });
  }
  const org = model.scratchOrg;
  if (org) {
    const definition = { orgName: org.orgName, edition: org.edition, features: org.features, settings: org.settings };
    files.push({ path: 'config/project-scratch-def.json', content: `${JSON.stringify(definition, null, 2)}\n` });
  }
  return files;
};
