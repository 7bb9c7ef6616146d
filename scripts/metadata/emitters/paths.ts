import { metadataXml } from '../xml.ts';
import { at, type Emitter } from './types.ts';

/** Path: key fields and guidance per stage. Without record types Path uses `__MASTER__`. */
export const emitPaths: Emitter = async (model) =>
  Promise.all(
    model.paths.map(async (p) => ({
      path: at('pathAssistants', `${p.name}.pathAssistant-meta.xml`),
      content: await metadataXml('PathAssistant', {
        active: true,
        entityName: p.object,
        fieldName: p.field,
        masterLabel: p.label,
        pathAssistantSteps: p.steps.map((step) => ({
          fieldNames: step.fields.map((f) => f.field),
          info: step.guidance,
          picklistValueName: step.value,
        })),
        recordTypeName: '__MASTER__',
      }),
    })),
  );
