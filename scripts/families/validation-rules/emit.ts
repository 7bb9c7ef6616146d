import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml } from '../../core/xml.ts';
import type { ValidationRulesModel } from './builders.ts';

/** One file per rule, under its object's folder (SDR's decomposed CustomObject). */
export const emitValidationRules = (model: ValidationRulesModel): Promise<GeneratedFile[]> =>
  Promise.all(
    model.validationRules.map(async (rule) => ({
      path: at('objects', rule.object, 'validationRules', `${rule.name}.validationRule-meta.xml`),
      content: await metadataXml('ValidationRule', {
        fullName: rule.name,
        active: rule.active,
        description: rule.description,
        errorConditionFormula: rule.formula,
        errorDisplayField: rule.errorField,
        errorMessage: rule.message,
      }),
    })),
  );
