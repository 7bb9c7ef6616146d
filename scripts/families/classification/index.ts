/** Data classification: every field's sensitivity and compliance groups, and PII minimisation (see builders.ts). */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import type { ObjectsModel } from '../objects/index.ts';
import type { RetentionModel } from '../retention/index.ts';
import * as builders from './builders.ts';
import type { ClassificationModel } from './builders.ts';
import { classificationCatalogue } from './catalogue.ts';
import { checkClassification } from './checks.ts';

export type { ClassificationModel, ClassificationTable, FieldClassification } from './builders.ts';
export { coverage } from './catalogue.ts';
export { modelFields, type ClassifiedField } from './fields.ts';
export { CLASSIFICATION_PAGE } from './page.ts';

export const classify = locate(builders.classify);
export const personalData = locate(builders.personalData);
export const classificationTable = locate(builders.classificationTable);

export const classificationFamily = defineFamily<
  ClassificationModel,
  ClassificationModel & ObjectsModel & RetentionModel
>({
  name: 'classification',
  sections: { dataClassification: 'single' },
  check: checkClassification,
  catalogue: classificationCatalogue,
});
