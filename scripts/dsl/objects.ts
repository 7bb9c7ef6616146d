import type { FieldDef } from './fields.ts';
import type { StandardFieldName, StandardObjectName } from '../schema/standard-objects.ts';

/** A reference to one field of one object, e.g. `Opportunity.field('StageName')`. */
export interface FieldRef {
  readonly object: string;
  readonly field: string;
}
export const fieldPath = (ref: FieldRef): string => `${ref.object}.${ref.field}`;

export type SharingModel =
  'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent' | 'PublicReadOnly' | 'PublicReadWrite';

/** Settings that a standard field can carry in metadata (it cannot be redefined). */
export interface StandardFieldSettings {
  readonly trackHistory?: boolean;
  readonly help?: string;
}

export interface NameFieldDef {
  readonly label: string;
  readonly type: 'Text' | 'AutoNumber';
  /** AutoNumber format, e.g. `EXC-{00000}`. */
  readonly displayFormat?: string;
}

interface ObjectBase<F extends Record<string, FieldDef>> {
  readonly kind: 'object';
  readonly apiName: string;
  readonly locked?: boolean;
  readonly description?: string;
  /** Custom fields, keyed by API name (`Problem_Statement__c`). */
  readonly fields: F;
  /** A typed reference to a field of this object, for rules, permissions, reports and paths. */
  /** Typed by each builder to the fields the object really has; a typo fails the type check. */
  field(name: never): FieldRef;
}

export interface StandardObjectDef<
  F extends Record<string, FieldDef> = Record<string, FieldDef>,
> extends ObjectBase<F> {
  readonly standard: true;
  readonly standardFields: Readonly<Record<string, StandardFieldSettings>>;
}

export interface CustomObjectDef<F extends Record<string, FieldDef> = Record<string, FieldDef>> extends ObjectBase<F> {
  readonly standard: false;
  /** Custom metadata types (`__mdt`) are objects with their own rules. */
  readonly customMetadata: boolean;
  readonly label: string;
  readonly pluralLabel: string;
  readonly nameField: NameFieldDef;
  readonly sharingModel: SharingModel;
  readonly enableReports: boolean;
  readonly enableActivities: boolean;
  readonly enableSearch: boolean;
}

export type ObjectDef = StandardObjectDef | CustomObjectDef;

interface StandardObjectOptions<O extends StandardObjectName, F extends Record<string, FieldDef>> {
  readonly locked?: boolean;
  readonly description?: string;
  readonly fields?: F;
  /** Settings on standard fields, e.g. `{ StageName: { trackHistory: true } }`. */
  readonly standardFields?: Partial<Record<StandardFieldName<O>, StandardFieldSettings>>;
}

/** Extends a standard object (Account, Opportunity...) with custom fields and settings. */
export function standardObject<
  O extends StandardObjectName,
  F extends Record<string, FieldDef> = Record<never, FieldDef>,
>(
  apiName: O,
  options: StandardObjectOptions<O, F>,
): StandardObjectDef<F> & { field(name: (keyof F & string) | StandardFieldName<O>): FieldRef } {
  return {
    kind: 'object',
    apiName,
    standard: true,
    locked: options.locked,
    description: options.description,
    fields: options.fields ?? ({} as F),
    standardFields: (options.standardFields ?? {}) as Record<string, StandardFieldSettings>,
    field: (name: string) => ({ object: apiName, field: name }),
  };
}

interface CustomObjectOptions<F extends Record<string, FieldDef>> {
  readonly label: string;
  readonly pluralLabel: string;
  readonly nameField: NameFieldDef;
  readonly fields: F;
  readonly locked?: boolean;
  readonly description?: string;
  readonly sharingModel?: SharingModel;
  readonly enableReports?: boolean;
  readonly enableActivities?: boolean;
  readonly enableSearch?: boolean;
}

const SYSTEM_FIELDS = [
  'Id',
  'Name',
  'OwnerId',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
] as const;

/** A custom object (`Deal_Exception__c`). */
export function customObject<F extends Record<string, FieldDef>>(
  apiName: `${string}__c`,
  options: CustomObjectOptions<F>,
): CustomObjectDef<F> & { field(name: (keyof F & string) | (typeof SYSTEM_FIELDS)[number]): FieldRef } {
  return {
    kind: 'object',
    apiName,
    standard: false,
    customMetadata: false,
    sharingModel: 'ReadWrite',
    enableReports: true,
    enableActivities: false,
    enableSearch: true,
    ...options,
    field: (name: string) => ({ object: apiName, field: name }),
  };
}

/** A custom metadata type (`Stage_Gate_Criterion__mdt`): configuration that deploys as metadata. */
export function customMetadataType<F extends Record<string, FieldDef>>(
  apiName: `${string}__mdt`,
  options: Pick<CustomObjectOptions<F>, 'label' | 'pluralLabel' | 'fields' | 'description' | 'locked'>,
): CustomObjectDef<F> & { field(name: (keyof F & string) | 'DeveloperName' | 'MasterLabel'): FieldRef } {
  return {
    kind: 'object',
    apiName,
    standard: false,
    customMetadata: true,
    nameField: { label: `${options.label} Name`, type: 'Text' },
    sharingModel: 'ReadWrite',
    enableReports: false,
    enableActivities: false,
    enableSearch: false,
    ...options,
    field: (name: string) => ({ object: apiName, field: name }),
  };
}

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
