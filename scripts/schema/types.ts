/**
 * The describe-shaped view of an org's data model that checkers (cross-references, the formula
 * type checker) read. It is built from the standard-object catalogue plus the RevOps model, so
 * it answers the same questions an sObject describe would, without an org.
 *
 * Field types use the sObject describe vocabulary (`string`, `picklist`, `reference`...), so a
 * real describe result can be fed to the same code.
 */
export type DescribeFieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'boolean'
  | 'double'
  | 'int'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'reference'
  | 'address'
  | 'location'
  | 'encryptedstring';

export interface SchemaField {
  /** API name as Salesforce spells it (`StageName`, `Problem_Statement__c`). */
  readonly name: string;
  readonly label: string;
  readonly type: DescribeFieldType;
  readonly custom: boolean;
  readonly nillable: boolean;
  /** For `reference` fields: the target objects (polymorphic lookups have several). */
  readonly referenceTo?: readonly string[];
  /** For `reference` fields: the name used to traverse it in formulas (`Account`, `Champion__r`). */
  readonly relationshipName?: string;
  /** For picklists: the active values, in order. */
  readonly picklistValues?: readonly string[];
  /** For picklists: false when the picklist stores values outside its list (describe's `restrictedPicklist`). */
  readonly restrictedPicklist?: boolean;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  /** True for formula fields; `calculatedFormula` holds the expression. */
  readonly calculated?: boolean;
  readonly calculatedFormula?: string;
}

export interface SchemaObject {
  readonly name: string;
  readonly label: string;
  readonly custom: boolean;
  /** Case-insensitive lookup by API name (Salesforce API names are case-insensitive). */
  field(name: string): SchemaField | undefined;
  /** Case-insensitive lookup of a reference field by its relationship name. */
  relationship(relationshipName: string): SchemaField | undefined;
  fields(): readonly SchemaField[];
}

export interface Schema {
  /** Case-insensitive lookup by API name. */
  object(name: string): SchemaObject | undefined;
  objects(): readonly SchemaObject[];
  /** `$Permission.X` resolves only to custom permissions the model defines. */
  hasCustomPermission(name: string): boolean;
  /**
   * `$CustomMetadata.Type__mdt.Record.Field__c`: the record's field values keyed by field API
   * name, or undefined when the type or record does not exist.
   */
  customMetadataRecord(typeName: string, recordName: string): Readonly<Record<string, unknown>> | undefined;
}
