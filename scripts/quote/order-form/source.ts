/**
 * The order form's data, read from a dataset: the layout's paths followed over the records by
 * relationship name (`Opportunity.Account.Name` from a Quote goes Quote → Opportunity → Account
 * through the `{"External_Id__c": ...}` refs the ndjson holds), a compound `Name` from FirstName and
 * LastName when the record has no Name (Contact), and formula fields the dataset does not store
 * (QuoteLineItem.Prorated_Amount__c) computed from the schema's formula by the formula engine.
 */
import { SfError } from '@salesforce/core/sfError';
import { orderFormPaths, type OrderFormLayout } from '../../dsl/index.ts';
import { compileFormula, formulaTypeOf } from '../../formula/index.ts';
import type { Schema, SchemaField } from '../../schema/types.ts';
import { loadQuoteDataset, ref, type Located, type QuoteDataset } from '../load.ts';

export const QUOTE = 'Quote';
export const QUOTE_LINE = 'QuoteLineItem';

export interface OrderFormSource {
  readonly layout: OrderFormLayout;
  readonly schema: Schema;
  readonly data: QuoteDataset;
}

/** A problem with the dataset an order form is read from: names the file (and line), the record and what is wrong. */
export class OrderFormError extends SfError {
  constructor(message: string, name: string, actions: readonly string[] = []) {
    super(message, name, actions.length ? [...actions] : undefined);
  }
}

const where = (at: Located) => `${at.file}:${at.line}`;

/** The object a relationship of `object` points at (`Opportunity` → Opportunity), from the schema. */
function target(schema: Schema, object: string, relationship: string): string {
  const to = schema.object(object)?.relationship(relationship)?.referenceTo?.[0];
  if (!to) throw new OrderFormError(`order form: ${object} has no relationship ${relationship}`, 'OrderFormLayout');
  return to;
}

/** Every object the layout reads: Quote, QuoteLineItem and what their paths pass through. */
export function objectsRead(layout: OrderFormLayout, schema: Schema): string[] {
  const objects = new Set([QUOTE, QUOTE_LINE]);
  for (const { object, path } of orderFormPaths(layout)) {
    let on = object;
    for (const segment of path.split('.').slice(0, -1)) objects.add((on = target(schema, on, segment)));
  }
  return [...objects].sort();
}

/** Reads the tables the layout needs; a dataset without quotes is an error naming its manifest. */
export async function openOrderFormSource(
  dir: string,
  layout: OrderFormLayout,
  schema: Schema,
): Promise<OrderFormSource> {
  const data = await loadQuoteDataset(dir, objectsRead(layout, schema));
  for (const object of [QUOTE, QUOTE_LINE])
    if (!data.tables.has(object))
      throw new OrderFormError(
        `${dir}/manifest.json: the dataset has no ${object} records, so it holds no order form`,
        'OrderFormNoQuotes',
        ['Regenerate the dataset with `revops data generate` (it writes Quote.ndjson and QuoteLineItem.ndjson)'],
      );
  return { layout, schema, data };
}

function formulaValue(source: OrderFormSource, object: string, field: SchemaField, at: Located): unknown {
  const formula = compileFormula(field.calculatedFormula!, {
    schema: source.schema,
    object,
    context: 'formulaField',
    returnType: formulaTypeOf(field.type),
  });
  try {
    return formula({ record: at.record });
  } catch (error) {
    throw new OrderFormError(
      `${where(at)}: ${object} ${String(at.record.External_Id__c)}: ${field.name} cannot be computed: ${(error as Error).message}`,
      'OrderFormValue',
    );
  }
}

/** The value at the end of one field name of a record: stored, compound Name, or a formula. */
function fieldValue(source: OrderFormSource, object: string, name: string, at: Located): unknown {
  const { record } = at;
  if (name in record) return record[name];
  if (name === 'Name' && ('LastName' in record || 'FirstName' in record))
    return [record.FirstName, record.LastName].filter((p) => p !== null && p !== undefined && p !== '').join(' ');
  const field = source.schema.object(object)?.field(name);
  if (field?.calculated && field.calculatedFormula) return formulaValue(source, object, field, at);
  return null;
}

/** Follows `path` from a record of `object`; a blank lookup gives null, a dangling one is an error. */
export function valueAt(source: OrderFormSource, object: string, at: Located, path: string): unknown {
  const segments = path.split('.');
  let on = object;
  let current = at;
  for (const segment of segments.slice(0, -1)) {
    const next = target(source.schema, on, segment);
    const id = ref(current.record[segment]);
    if (id === null) return null;
    const found = source.data.tables.get(next)?.get(id);
    if (!found)
      throw new OrderFormError(
        `${where(current)}: ${on} ${String(current.record.External_Id__c)}: ${segment} points at ${next} ${id}, which the dataset does not have`,
        'OrderFormMissingRecord',
        [`Add ${next} ${id} to the dataset, or fix the ${segment} reference`],
      );
    on = next;
    current = found;
  }
  return fieldValue(source, on, segments.at(-1)!, current);
}
