/** Custom metadata records: configuration rows that deploy as metadata (discount ladder, stage gates...). */
import type { CustomObjectDef } from '../../core/model-types.ts';

export type CustomMetadataValue = string | number | boolean | null;

export interface CustomMetadataRecordDef {
  readonly kind: 'customMetadataRecord';
  /** `Stage_Gate_Criterion__mdt` */
  readonly type: string;
  /** DeveloperName of the record. */
  readonly name: string;
  readonly label: string;
  readonly protected?: boolean;
  readonly values: Readonly<Record<string, CustomMetadataValue>>;
  readonly locked?: boolean;
}

export function customMetadataRecord(
  type: CustomObjectDef,
  name: string,
  options: { label: string; values: Record<string, CustomMetadataValue>; protected?: boolean; locked?: boolean },
): CustomMetadataRecordDef {
  return { kind: 'customMetadataRecord', type: type.apiName, name, ...options };
}

/** What this family adds to the model. */
export interface CustomMetadataModel {
  readonly customMetadataRecords: readonly CustomMetadataRecordDef[];
}
