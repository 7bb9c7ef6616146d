/** Object builders: standard objects the model extends, custom objects, custom metadata types. */
import type { StandardFieldName, StandardObjectName } from '../../schema/standard-objects.ts';
import type {
  CustomObjectDef,
  FieldDef,
  FieldRef,
  NameFieldDef,
  ObjectDef,
  SharingModel,
  StandardFieldSettings,
  StandardObjectDef,
} from '../../core/model-types.ts';

interface StandardObjectOptions<O extends StandardObjectName, F extends Record<string, FieldDef>> {
  readonly locked?: boolean;
  readonly description?: string;
  readonly fields?: F;
  /** Settings on standard fields, e.g. `{ StageName: { trackHistory: true } }`. */
  readonly standardFields?: Partial<Record<StandardFieldName<O>, StandardFieldSettings>>;
  /** The org-wide default for internal users (external users get Private); the org's own when absent. */
  readonly sharingModel?: SharingModel;
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
    ...(options.sharingModel ? { sharingModel: options.sharingModel } : {}),
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

/** What this family adds to the model. */
export interface ObjectsModel {
  readonly objects: readonly ObjectDef[];
}
