/**
 * `revops quote order-form`: the order form a customer signs, rendered offline from a dataset by
 * the model's layout (model/quote-to-cash/order-form.ts) — HTML always, and the PDF headless
 * Chromium prints from it. Every form is rendered before any file is written, and each file is
 * written to a temporary name and renamed, so a failure leaves nothing half-written.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RevOpsModel } from '../../dsl/index.ts';
import { buildSchema } from '../../schema/build.ts';
import { orderFormHtml, type Paper } from './html.ts';
import { openOrderFormSource, OrderFormError, QUOTE, type OrderFormSource } from './source.ts';
import { orderFormView, type OrderFormView } from './view.ts';

export { escapeHtml, orderFormHtml, type Paper } from './html.ts';
export { BLANK, formatValue, grouped } from './format.ts';
export { OrderFormError, openOrderFormSource, valueAt, type OrderFormSource } from './source.ts';
export { nearestIds, orderFormView, type OrderFormView } from './view.ts';

export interface RenderedForm {
  readonly quote: string;
  readonly view: OrderFormView;
  readonly html: string;
}

/** The model's layout over a dataset directory. */
export async function orderFormSource(dir: string, model: RevOpsModel): Promise<OrderFormSource> {
  if (!model.orderForm) throw new OrderFormError('the model has no order form layout (orderForm)', 'OrderFormLayout');
  return openOrderFormSource(dir, model.orderForm, buildSchema(model));
}

export function renderOrderForm(source: OrderFormSource, quote: string, paper: Paper = 'A4'): RenderedForm {
  const view = orderFormView(source, quote);
  return { quote, view, html: orderFormHtml(source.layout, view, paper) };
}

/** Every accepted quote of the dataset, by External_Id__c. */
export const acceptedQuotes = (source: OrderFormSource): string[] =>
  [...source.data.tables.get(QUOTE)!.entries()]
    .filter(([, at]) => at.record.Status === 'Accepted')
    .map(([id]) => id)
    .sort();

/** A file name for a quote id: what it is, minus anything a file system would read as a path. */
export const fileBase = (quote: string): string => quote.replace(/[^A-Za-z0-9._-]/g, '_');

/** Writes `content` to `file` through a temporary file in the same folder, then renames it. */
export async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const temp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(temp, content);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes `<out>/<quote>.html` for each form; returns the paths, in the forms' order. */
export async function writeOrderForms(out: string, forms: readonly RenderedForm[]): Promise<string[]> {
  await mkdir(out, { recursive: true });
  const files: string[] = [];
  for (const form of forms) {
    const file = join(out, `${fileBase(form.quote)}.html`);
    await writeAtomically(file, form.html);
    files.push(file);
  }
  return files;
}
