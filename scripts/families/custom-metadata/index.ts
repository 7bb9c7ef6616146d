/** Custom metadata records (the types themselves are objects: see the objects family). */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import type { ObjectsModel } from '../objects/objects.ts';
import * as builders from './builders.ts';
import { recordSections, recordsIndex } from './catalogue.ts';
import { checkCustomMetadata } from './checks.ts';
import { emitCustomMetadata } from './emit.ts';
import type { CustomMetadataModel } from './builders.ts';

export type { CustomMetadataModel } from './builders.ts';

export type { CustomMetadataRecordDef, CustomMetadataValue } from './builders.ts';

export const customMetadataRecord = locate(builders.customMetadataRecord);

/** For families that generate records of their own (lifecycle jobs): the same checks and files. */
export { checkCustomMetadata, emitCustomMetadata };

// The emitter reads the types' fields (objects), to write every field of a record.
export const customMetadataFamily = defineFamily<CustomMetadataModel, CustomMetadataModel & ObjectsModel>({
  name: 'custom-metadata',
  sections: { customMetadataRecords: 'list' },
  // `$CustomMetadata.Type__mdt.Record.Field__c` in formulas reads these values.
  describe: (model, schema) => {
    for (const r of model.customMetadataRecords)
      schema.addCustomMetadataRecord(r.type, r.name, { ...r.values, DeveloperName: r.name, MasterLabel: r.label });
  },
  check: checkCustomMetadata,
  emit: emitCustomMetadata,
  lockable: (model) => model.customMetadataRecords,
  catalogue: { index: recordsIndex, objectSections: recordSections },
});
