/**
 * An in-memory Schema built from a compact description: the standard-object catalogue plus
 * custom fields, custom objects, custom permissions and custom metadata records. Used by the
 * formula tests and benchmark, and usable anywhere a Schema is needed without the model.
 *
 *   schemaFrom({
 *     objects: { Opportunity: [{ name: 'Champion__c', type: 'reference', referenceTo: ['Contact'] }],
 *                Exception__c: [{ name: 'Expires_On__c', type: 'date' }] },
 *     picklists: { 'Opportunity.StageName': ['Discovery', 'Closed Won'] },
 *     customPermissions: ['Bypass_Stage_Gates'],
 *     customMetadata: { Stage_Gate__mdt: { Commercials: { Min_Amount__c: 10000 } } },
 *   })
 */
import type { Schema, SchemaField, SchemaObject } from '../schema/types.ts';
import { STANDARD_OBJECTS, customObjectSystemFields, standardFields } from '../schema/standard-objects.ts';

/** A field as the caller writes it: name and type are required, the rest is derived. */
/** A field as tests and tools write it: name and type, the rest of the describe optional. */
export type FieldInput = Pick<SchemaField, 'name' | 'type'> & Partial<Omit<SchemaField, 'name' | 'type'>>;

export interface SchemaInput {
  /** Extra fields per object; objects not in the standard catalogue become custom objects. */
  readonly objects?: Readonly<Record<string, readonly FieldInput[]>>;
  /** Picklist values for existing fields, keyed `Object.Field`. */
  readonly picklists?: Readonly<Record<string, readonly string[]>>;
  readonly customPermissions?: readonly string[];
  /** `{Type__mdt: {RecordDeveloperName: {Field__c: value}}}` */
  readonly customMetadata?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  /** Leave out the standard catalogue (only the given objects exist). */
  readonly withoutStandardObjects?: boolean;
}

const lower = (s: string): string => s.toLowerCase();

class MemoryObject implements SchemaObject {
  readonly name: string;
  readonly label: string;
  readonly custom: boolean;
  private readonly byName = new Map<string, SchemaField>();
  private readonly byRelationship = new Map<string, SchemaField>();
  private readonly list: SchemaField[] = [];

  constructor(name: string, label: string, custom: boolean, fields: readonly SchemaField[]) {
    this.name = name;
    this.label = label;
    this.custom = custom;
    for (const f of fields) this.put(f);
  }

  put(f: SchemaField): void {
    const key = lower(f.name);
    const existing = this.byName.get(key);
    if (existing) {
      this.list.splice(this.list.indexOf(existing), 1);
      if (existing.relationshipName) this.byRelationship.delete(lower(existing.relationshipName));
    }
    this.byName.set(key, f);
    this.list.push(f);
    if (f.type === 'reference' && f.relationshipName) this.byRelationship.set(lower(f.relationshipName), f);
  }

  field(name: string): SchemaField | undefined {
    return this.byName.get(lower(name));
  }

  relationship(relationshipName: string): SchemaField | undefined {
    return this.byRelationship.get(lower(relationshipName));
  }

  fields(): readonly SchemaField[] {
    return this.list;
  }
}

function toField(input: FieldInput): SchemaField {
  const custom = input.custom ?? input.name.endsWith('__c');
  let relationshipName = input.relationshipName;
  if (input.type === 'reference' && !relationshipName) {
    relationshipName = input.name.endsWith('__c') ? `${input.name.slice(0, -3)}__r` : input.name.replace(/Id$/, '');
  }
  return {
    name: input.name,
    label: input.label ?? input.name.replace(/__c$/, '').replace(/_/g, ' '),
    type: input.type,
    custom,
    nillable: input.nillable ?? true,
    ...(input.referenceTo ? { referenceTo: input.referenceTo } : {}),
    ...(relationshipName ? { relationshipName } : {}),
    ...(input.picklistValues ? { picklistValues: input.picklistValues } : {}),
    ...(input.length !== undefined ? { length: input.length } : {}),
    ...(input.precision !== undefined ? { precision: input.precision } : {}),
    ...(input.scale !== undefined ? { scale: input.scale } : {}),
    ...(input.calculated !== undefined ? { calculated: input.calculated } : {}),
    ...(input.calculatedFormula !== undefined ? { calculatedFormula: input.calculatedFormula } : {}),
  };
}

/** Builds a Schema (case-insensitive everywhere, as Salesforce API names are). */
export function schemaFrom(input: SchemaInput = {}): Schema {
  const objects = new Map<string, MemoryObject>();
  if (!input.withoutStandardObjects) {
    for (const [name, entry] of Object.entries(STANDARD_OBJECTS)) {
      objects.set(lower(name), new MemoryObject(name, entry.label, false, standardFields(name)));
    }
  }
  for (const [name, fields] of Object.entries(input.objects ?? {})) {
    let obj = objects.get(lower(name));
    if (!obj) {
      const label = name.replace(/__(c|mdt)$/, '').replace(/_/g, ' ');
      const system = name.endsWith('__mdt')
        ? ([
            { name: 'Id', label: 'Record ID', type: 'id', custom: false, nillable: false },
            { name: 'DeveloperName', label: 'Name', type: 'string', custom: false, nillable: false },
            { name: 'MasterLabel', label: 'Label', type: 'string', custom: false, nillable: false },
          ] satisfies SchemaField[])
        : [
            ...customObjectSystemFields(name),
            {
              name: 'Name',
              label: `${label} Name`,
              type: 'string',
              custom: false,
              nillable: false,
            } satisfies SchemaField,
          ];
      obj = new MemoryObject(name, label, true, system);
      objects.set(lower(name), obj);
    }
    for (const f of fields) obj.put(toField(f));
  }
  for (const [key, values] of Object.entries(input.picklists ?? {})) {
    const [objectName = '', fieldName = ''] = key.split('.');
    const obj = objects.get(lower(objectName));
    const field = obj?.field(fieldName);
    if (!obj || !field) throw new Error(`schemaFrom: picklists: no field ${key}`);
    obj.put({ ...field, picklistValues: values });
  }
  const permissions = new Set((input.customPermissions ?? []).map(lower));
  const metadata = new Map<string, Map<string, Readonly<Record<string, unknown>>>>();
  for (const [type, records] of Object.entries(input.customMetadata ?? {})) {
    metadata.set(lower(type), new Map(Object.entries(records).map(([r, v]) => [lower(r), v])));
  }
  const all = [...objects.values()];
  return {
    object: (name) => objects.get(lower(name)),
    objects: () => all,
    hasCustomPermission: (name) => permissions.has(lower(name)),
    customMetadataRecord: (typeName, recordName) => metadata.get(lower(typeName))?.get(lower(recordName)),
  };
}
