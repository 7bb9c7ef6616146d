/**
 * Builds the describe-shaped Schema from contributions: it starts with the standard-object
 * catalogue, and each metadata family adds what its definitions will create in an org (objects
 * and fields, picklist values, custom permissions, custom metadata records). The families never
 * see each other: a picklist that uses a global value set names the set, and the set's values
 * are filled in when the schema is built, whichever family adds them first.
 */
import type { Schema, SchemaField, SchemaObject } from './types.ts';
import { STANDARD_OBJECTS, standardFields } from './standard-objects.ts';

class DescribedObject implements SchemaObject {
  readonly name: string;
  readonly label: string;
  readonly custom: boolean;
  private readonly byName = new Map<string, SchemaField>();
  private readonly byRelationship = new Map<string, SchemaField>();
  constructor(name: string, label: string, custom: boolean, fields: readonly SchemaField[]) {
    this.name = name;
    this.label = label;
    this.custom = custom;
    for (const f of fields) {
      this.byName.set(f.name.toLowerCase(), f);
      if (f.relationshipName) this.byRelationship.set(f.relationshipName.toLowerCase(), f);
    }
  }
  field(name: string) {
    return this.byName.get(name.toLowerCase());
  }
  relationship(name: string) {
    return this.byRelationship.get(name.toLowerCase());
  }
  fields() {
    return [...this.byName.values()];
  }
}

/** A schema field whose picklist values come from a global value set, resolved at build time. */
export type DescribedField = SchemaField & { readonly valueSet?: string };

interface ObjectEntry {
  readonly name: string;
  readonly label: string;
  readonly custom: boolean;
  readonly fields: readonly DescribedField[];
}

/** The schema plus what only the model knows: custom permission names as the model spells them. */
export interface ModelSchema extends Schema {
  customPermissionNames(): readonly string[];
  hasValueSet(name: string): boolean;
}

export class SchemaBuilder {
  private readonly entries = new Map<string, ObjectEntry>();
  private readonly picklists = new Map<string, readonly string[]>();
  private readonly valueSets = new Map<string, readonly string[]>();
  private readonly permissions = new Map<string, string>();
  private readonly records = new Map<string, Readonly<Record<string, unknown>>>();

  constructor() {
    for (const [name, entry] of Object.entries(STANDARD_OBJECTS))
      this.addObject({ name, label: entry.label, custom: false, fields: standardFields(name) });
  }

  /** Adds an object, or replaces the standard object of that name (the model extends it). */
  addObject(entry: ObjectEntry): void {
    this.entries.set(entry.name.toLowerCase(), entry);
  }

  /** The picklist values an org will hold for a standard picklist the model defines (stages, lead statuses). */
  setPicklistValues(object: string, field: string, values: readonly string[]): void {
    this.picklists.set(`${object}.${field}`.toLowerCase(), values);
  }

  addValueSet(name: string, values: readonly string[]): void {
    if (!this.valueSets.has(name)) this.valueSets.set(name, values);
  }

  addCustomPermission(name: string): void {
    this.permissions.set(name.toLowerCase(), name);
  }

  addCustomMetadataRecord(type: string, record: string, values: Readonly<Record<string, unknown>>): void {
    this.records.set(`${type}.${record}`.toLowerCase(), values);
  }

  build(): ModelSchema {
    const objects = new Map<string, SchemaObject>();
    for (const [key, entry] of this.entries) {
      const fields = entry.fields.map((f) => this.resolve(entry.name, f));
      objects.set(key, new DescribedObject(entry.name, entry.label, entry.custom, fields));
    }
    const permissions = new Map(this.permissions);
    const records = new Map(this.records);
    const valueSets = new Set(this.valueSets.keys());
    return {
      object: (name) => objects.get(name.toLowerCase()),
      objects: () => [...objects.values()],
      hasCustomPermission: (name) => permissions.has(name.toLowerCase()),
      customMetadataRecord: (type, record) => records.get(`${type}.${record}`.toLowerCase()),
      customPermissionNames: () => [...permissions.values()],
      hasValueSet: (name) => valueSets.has(name),
    };
  }

  private resolve(object: string, field: DescribedField): SchemaField {
    const { valueSet, ...described } = field;
    const values = this.picklists.get(`${object}.${field.name}`.toLowerCase());
    if (values) return { ...described, picklistValues: values };
    if (valueSet !== undefined) return { ...described, picklistValues: this.valueSets.get(valueSet) ?? [] };
    return described;
  }
}
