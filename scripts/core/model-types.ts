/**
 * The model's shared vocabulary of types: fields, objects and references to them. Every family
 * speaks of fields and objects, so these types sit in the core; the builders that make them
 * live in the objects family (scripts/families/objects/).
 */

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
  /** The org-wide default the model sets; the org's own when absent. */
  readonly sharingModel?: SharingModel;
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

export interface FieldCommon {
  readonly label: string;
  readonly description?: string;
  /** Shown to reps as the field's help bubble. */
  readonly help?: string;
  readonly required?: boolean;
  /** Field history tracking (at most 20 tracked fields per object). */
  readonly trackHistory?: boolean;
  /** Changing a locked field needs a governance RFC. */
  readonly locked?: boolean;
}

export interface TextField extends FieldCommon {
  readonly type: 'Text';
  readonly length: number;
  readonly unique?: boolean;
  readonly caseSensitive?: boolean;
  readonly externalId?: boolean;
}
export interface TextAreaField extends FieldCommon {
  readonly type: 'TextArea';
}
export interface LongTextAreaField extends FieldCommon {
  readonly type: 'LongTextArea' | 'Html';
  readonly length: number;
  readonly visibleLines: number;
}
export interface ContactPointField extends FieldCommon {
  readonly type: 'Email' | 'Phone' | 'Url';
  readonly unique?: boolean;
  readonly externalId?: boolean;
}
export interface NumericField extends FieldCommon {
  readonly type: 'Number' | 'Currency' | 'Percent';
  readonly precision: number;
  readonly scale: number;
  readonly unique?: boolean;
  readonly externalId?: boolean;
}
export interface CheckboxField extends FieldCommon {
  readonly type: 'Checkbox';
  readonly defaultValue: boolean;
}
export interface TemporalField extends FieldCommon {
  readonly type: 'Date' | 'DateTime' | 'Time';
}
export interface PicklistValueDef {
  readonly name: string;
  readonly label: string;
  readonly description?: string;
}
export interface PicklistField extends FieldCommon {
  readonly type: 'Picklist' | 'MultiselectPicklist';
  /** Local values, or the name of a global value set the field uses. */
  readonly values?: readonly PicklistValueDef[];
  readonly valueSet?: string;
  readonly restricted: boolean;
  /** Name of the default value (must be one of `values`). */
  readonly defaultValue?: string;
  readonly visibleLines?: number;
}
export interface LookupField extends FieldCommon {
  readonly type: 'Lookup';
  readonly referenceTo: string;
  readonly relationshipName: string;
  readonly relationshipLabel: string;
  readonly deleteConstraint: 'SetNull' | 'Restrict' | 'Cascade';
}
export interface MasterDetailField extends FieldCommon {
  readonly type: 'MasterDetail';
  readonly referenceTo: string;
  readonly relationshipName: string;
  readonly relationshipLabel: string;
  readonly reparentable?: boolean;
}
export type FormulaReturnType = 'Checkbox' | 'Currency' | 'Date' | 'DateTime' | 'Number' | 'Percent' | 'Text' | 'Time';
export interface FormulaField extends FieldCommon {
  readonly type: 'Formula';
  readonly returns: FormulaReturnType;
  readonly formula: string;
  /** How blank fields behave inside the formula. */
  readonly blanks: 'zero' | 'blank';
  readonly precision?: number;
  readonly scale?: number;
}

export type FieldDef =
  | TextField
  | TextAreaField
  | LongTextAreaField
  | ContactPointField
  | NumericField
  | CheckboxField
  | TemporalField
  | PicklistField
  | LookupField
  | MasterDetailField
  | FormulaField;

export type FieldType = FieldDef['type'];
