import type { CheckContext } from '../../core/checks.ts';
import type { CustomMetadataModel } from './builders.ts';

/** Records name a custom metadata type of the model and only its fields. */
export function checkCustomMetadata(model: CustomMetadataModel, check: CheckContext): void {
  check.unique(
    model.customMetadataRecords,
    (r) => `${r.type}.${r.name}`,
    (r) => `CustomMetadata ${r.type}.${r.name}`,
    'custom metadata record',
  );
  for (const record of model.customMetadataRecords) {
    const c = `CustomMetadata ${record.type}.${record.name}`;
    check.apiName(record, c, record.name);
    const type = check.schema.object(record.type);
    if (!type || !record.type.endsWith('__mdt')) check.report(record, c, `unknown custom metadata type ${record.type}`);
    else
      for (const field of Object.keys(record.values))
        if (!type.field(field)) check.report(record, c, `unknown field ${record.type}.${field}`);
    if (record.label.length > 40) check.report(record, c, `label "${record.label}" is longer than 40 characters`);
  }
}
