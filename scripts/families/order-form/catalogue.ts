/** The order form's catalogue page: the layout as the page prints it, the generated components, who may use them. */
import { INDEX_PAGE, objectPage, type Catalogue, type CataloguePage } from '../../core/catalogue.ts';
import { code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import { AE_PERMISSION_SET, DOCUMENT_CLASS, TEST_CLASS } from './apex.ts';
import type { OrderFormField, QuoteToCashModel } from '../quote-to-cash/index.ts';
import { QUOTE, QUOTE_LINE, quoteFields } from './builders.ts';
import { CONTROLLER_CLASS } from './page-markup.ts';
import { ORDER_FORM_PAGE } from './page.ts';

type Cat = Catalogue<QuoteToCashModel>;
const FROM = ORDER_FORM_PAGE;

const fieldsTable = (object: string, fields: readonly OrderFormField[]): string =>
  table(
    ['Label', 'Path', 'Format'],
    fields.map((f) => [
      text(f.label),
      `${link(object, href(FROM, objectPage(object)))}.${code(f.path)}`,
      f.format ?? 'text',
    ]),
  );

export function renderOrderFormPage(cat: Cat): CataloguePage | undefined {
  const layout = cat.model.orderForm;
  if (!layout) return undefined;
  return {
    path: FROM,
    content: page([
      heading(1, 'Order form'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Order form`,
      `The order form the customer signs, generated from one layout (\`model/quote-to-cash/order-form.ts\`) as the ` +
        `Visualforce page \`${layout.name}\` (PDF; \`/apex/${layout.name}?id=<quote id>\`), its controller ` +
        `\`${CONTROLLER_CLASS}\` (\`with sharing\`, queries \`WITH USER_MODE\`: exactly the fields below) and the ` +
        `invocable action \`${DOCUMENT_CLASS}.attach\` ("Save Order Form to Quote"), which renders the page as a PDF ` +
        `and inserts a \`QuoteDocument\` on the quote in user mode; \`${TEST_CLASS}\` tests both. ` +
        `\`${AE_PERMISSION_SET}\` may open the page and save it; the deal desk (\`RevOps_Finance_Legal\`) may open it.`,
      'Call the action from a screen flow (an Action element; the flow can be a quick action on Quote) or a ' +
        'Lightning component: rendering the page counts as a callout, so nothing may write to the database before ' +
        'it in the same transaction, and a trigger or record-triggered flow cannot call it. ' +
        'Offline, the checks prove every path below names a field the schema has; only an org proves that the PDF ' +
        'renders and that the QuoteDocument is written (run the generated test there).',
      heading(2, 'Header'),
      fieldsTable(QUOTE, layout.header),
      ...layout.sections.flatMap((s) => [heading(2, text(s.title)), fieldsTable(QUOTE, s.fields)]),
      heading(2, `${text(layout.lines.title)} (one row per quote line)`),
      fieldsTable(QUOTE_LINE, layout.lines.columns),
      `Ordered by ${layout.lines.orderBy.map(code).join(', ')}; the total sums ${code(layout.lines.totalOf)}.`,
      heading(2, 'Special terms, clause, signature'),
      `${text(layout.specialTerms.label)}: ${code(layout.specialTerms.path)}, printed only when not blank. ` +
        `Signature: ${layout.signature.parties.map(text).join(', ')} (${layout.signature.lines.map(text).join(', ')}).`,
      `The page queries ${quoteFields(layout).length} quote fields and ${layout.lines.columns.length} line columns.`,
    ]),
  };
}

export const orderFormCatalogue = {
  pages: (cat: Cat) => {
    const p = renderOrderFormPage(cat);
    return p ? [p] : [];
  },
  index: (cat: Cat) => ({
    links: cat.model.orderForm
      ? [`${link('Order form', href(INDEX_PAGE, FROM))}: the Visualforce PDF saved to the quote, field by field`]
      : [],
  }),
};
