/** Record types: the business process a kind of record follows, its picklist values, whose default it is. */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import type { ObjectsModel } from '../objects/objects.ts';
import type { StagesModel } from '../stages/builders.ts';
import type { ValueSetsModel } from '../value-sets/builders.ts';
import * as builders from './builders.ts';
import type { RecordTypesModel } from './builders.ts';
import { recordTypesIndex, recordTypesRelated } from './catalogue.ts';
import { checkRecordTypes } from './checks.ts';
import { emitRecordTypes } from './emit.ts';

export type { RecordTypeDef, RecordTypesModel } from './builders.ts';
export { recordTypeRef } from './builders.ts';

export const recordType = locate(builders.recordType);

export const recordTypesFamily = defineFamily<
  RecordTypesModel,
  RecordTypesModel & StagesModel & ObjectsModel & ValueSetsModel
>({
  name: 'record-types',
  sections: { recordTypes: 'list' },
  check: checkRecordTypes,
  emit: emitRecordTypes,
  lockable: (model) => model.recordTypes,
  catalogue: { index: recordTypesIndex, related: recordTypesRelated },
});
