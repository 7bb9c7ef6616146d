/**
 * Which objects a dataset holds and which fields (columns) each file has, derived from the
 * model: an object is seeded when the model gives it an `External_Id__c`; its columns are its
 * writable custom fields plus the standard fields a seed record needs. Lookups to objects that
 * are not seeded (users, queues, record types...) are left out, as docs/dataset-format.md says.
 */
import type { ObjectDef, RevOpsModel } from '../dsl/index.ts';
import type { Schema, SchemaField } from '../schema/types.ts';
import { isSupporting } from './supporting.ts';

export const EXTERNAL_ID_FIELD = 'External_Id__c';

/** Standard fields seeded per standard object (the rest are system-set or not createable). */
const STANDARD_COLUMNS: Record<string, readonly string[]> = {
  Account: [
    'Name',
    'ParentId',
    'Type',
    'Industry',
    'Website',
    'Phone',
    'NumberOfEmployees',
    'AnnualRevenue',
    'BillingCity',
    'BillingCountry',
  ],
  Contact: ['FirstName', 'LastName', 'AccountId', 'Title', 'Department', 'Email', 'Phone', 'LeadSource'],
  Lead: [
    'FirstName',
    'LastName',
    'Company',
    'Title',
    'Email',
    'Phone',
    'Website',
    'Status',
    'LeadSource',
    'Industry',
    'NumberOfEmployees',
    'Country',
  ],
  Opportunity: [
    'Name',
    'AccountId',
    'Type',
    'StageName',
    'CloseDate',
    'Amount',
    'NextStep',
    'LeadSource',
    'CampaignId',
    'ContractId',
  ],
  Contract: [
    'AccountId',
    'Status',
    'StartDate',
    'ContractTerm',
    'CustomerSignedId',
    'CustomerSignedDate',
    'OwnerExpirationNotice',
    'Description',
  ],
  Campaign: ['Name', 'Type', 'Status', 'StartDate', 'EndDate', 'IsActive', 'BudgetedCost', 'ActualCost'],
  Product2: ['Name', 'ProductCode', 'Description', 'IsActive'],
  PricebookEntry: ['Product2Id', 'UnitPrice', 'IsActive'],
  OpportunityLineItem: ['OpportunityId', 'PricebookEntryId', 'Quantity', 'UnitPrice', 'ServiceDate', 'Description'],
  Quote: ['Name', 'OpportunityId', 'ContactId', 'Status', 'ExpirationDate', 'Description'],
  QuoteLineItem: [
    'QuoteId',
    'PricebookEntryId',
    'Product2Id',
    'Quantity',
    'UnitPrice',
    'Discount',
    'ServiceDate',
    'Description',
  ],
};

/** Short external-id prefixes of the objects the generator knows; others derive theirs. */
const PREFIXES: Record<string, string> = {
  Account: 'ACC',
  Contact: 'CON',
  Lead: 'LEAD',
  Opportunity: 'OPP',
  Contract: 'CTR',
  Campaign: 'CMP',
  Product2: 'PRD',
  PricebookEntry: 'PBE',
  OpportunityLineItem: 'OLI',
  Quote: 'QUO',
  QuoteLineItem: 'QLI',
};

export interface Column {
  /** Key in the ndjson record: the field name, or the relationship name for a lookup. */
  readonly key: string;
  readonly field: SchemaField;
  /** For lookups: the seeded object referenced. */
  readonly target?: string;
  readonly required: boolean;
}

export interface SeededObject {
  readonly name: string;
  readonly prefix: string;
  readonly def: ObjectDef;
  /** Columns after External_Id__c, in file order. */
  readonly columns: readonly Column[];
}

export interface Catalog {
  /** Seeded objects in dependency order (every object after the objects it looks up). */
  readonly objects: readonly SeededObject[];
  /** Objects of the model left out, with the reason. */
  readonly skipped: readonly { readonly object: string; readonly reason: string }[];
  /** Lookups dropped to break a dependency cycle (the format allows self-references only). */
  readonly droppedLookups: readonly string[];
  get(name: string): SeededObject | undefined;
  has(name: string): boolean;
}

function prefixOf(def: ObjectDef): string {
  if (PREFIXES[def.apiName]) return PREFIXES[def.apiName] as string;
  const format = !def.standard ? def.nameField.displayFormat : undefined;
  const fromFormat = format && /^([A-Z]{2,6})-/.exec(format)?.[1];
  if (fromFormat) return fromFormat;
  return def.apiName
    .replace(/__c$/, '')
    .split('_')
    .map((w) => w.slice(0, 3).toUpperCase())
    .join('')
    .slice(0, 6);
}

function writable(field: SchemaField): boolean {
  return !field.calculated && field.type !== 'id' && field.type !== 'address' && field.type !== 'location';
}

export function buildCatalog(model: RevOpsModel, schema: Schema): Catalog {
  const skipped: { object: string; reason: string }[] = [];
  const seeded = model.objects.filter((def) => {
    if (!def.standard && def.customMetadata) return false;
    if (!def.fields[EXTERNAL_ID_FIELD] || !schema.object(def.apiName)?.field(EXTERNAL_ID_FIELD)) {
      skipped.push({ object: def.apiName, reason: `no ${EXTERNAL_ID_FIELD} field` });
      return false;
    }
    return true;
  });
  const names = new Set(seeded.map((d) => d.apiName));
  const built = seeded.map((def) => {
    const described = schema.object(def.apiName)!;
    const standard = (def.standard ? (STANDARD_COLUMNS[def.apiName] ?? []) : []).filter((n) => described.field(n));
    if (!def.standard && def.nameField.type === 'Text') standard.push('Name');
    const custom = Object.keys(def.fields).filter((n) => n !== EXTERNAL_ID_FIELD);
    const columns: Column[] = [];
    for (const name of [...standard, ...custom]) {
      const field = described.field(name);
      if (!field || !writable(field)) continue;
      if (field.type === 'reference') {
        const target = field.referenceTo?.find((t) => names.has(t));
        if (!target || !field.relationshipName) continue;
        columns.push({ key: field.relationshipName, field, target, required: !field.nillable });
      } else {
        columns.push({ key: field.name, field, required: !field.nillable && field.type !== 'boolean' });
      }
    }
    return { name: def.apiName, prefix: prefixOf(def), def, columns };
  });
  const { order, dropped } = dependencyOrder(built);
  const byName = new Map(order.map((o) => [o.name, o]));
  return {
    objects: order,
    skipped,
    droppedLookups: dropped,
    get: (name) => byName.get(name),
    has: (name) => byName.has(name),
  };
}

/**
 * Kahn's algorithm, preferring the model's order among ready objects. A cycle (A looks up B,
 * B looks up A) is broken by dropping a lookup: one to a supporting object if any blocks (a business
 * record keeps its lookups; Contract.Source_Quote__c goes, not Opportunity.Signed_Contract__c),
 * else those of the earliest object in the cycle.
 */
function dependencyOrder(objects: SeededObject[]): { order: SeededObject[]; dropped: string[] } {
  const dropped: string[] = [];
  let pending = [...objects];
  const order: SeededObject[] = [];
  while (pending.length) {
    const placed = new Set(order.map((o) => o.name));
    const ready = pending.find((o) => o.columns.every((c) => !c.target || c.target === o.name || placed.has(c.target)));
    if (ready) {
      order.push(ready);
      pending = pending.filter((o) => o !== ready);
      continue;
    }
    const blocks = (o: SeededObject) => (c: Column) => !!c.target && c.target !== o.name && !placed.has(c.target);
    const toSupporting = (o: SeededObject) => o.columns.some((c) => blocks(o)(c) && isSupporting(c.target!));
    const supporting = pending.findIndex(toSupporting);
    const at = Math.max(0, supporting);
    const first = pending[at]!;
    const blocking = first.columns.filter((c) => blocks(first)(c) && (supporting < 0 || isSupporting(c.target!)));
    dropped.push(...blocking.map((c) => `${first.name}.${c.field.name}`));
    pending[at] = { ...first, columns: first.columns.filter((c) => !blocking.includes(c)) };
  }
  return { order, dropped };
}
