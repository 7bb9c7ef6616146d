/**
 * What Visualforce needs of the layout beyond its paths naming fields (quote-to-cash checks those):
 * each format suits its field's type, the total sums a number, the special terms are text, SOQL can
 * follow every path, and no printed text holds `{!` (Visualforce would evaluate it as an expression).
 */
import type { CheckContext } from '../../core/checks.ts';
import {
  resolveLayoutPath,
  type OrderFormField,
  type OrderFormFormat,
  type OrderFormLayout,
} from '../quote-to-cash/index.ts';
import { QUOTE, QUOTE_LINE, quoteFields } from './builders.ts';

/** SOQL follows at most five relationships from the queried object. */
const MAX_RELATIONSHIPS = 5;
const NUMERIC: ReadonlySet<string> = new Set(['double', 'int', 'currency', 'percent']);
const TYPES_OF: Record<OrderFormFormat, ReadonlySet<string> | undefined> = {
  text: undefined,
  date: new Set(['date', 'datetime']),
  currency: NUMERIC,
  percent: NUMERIC,
  number: NUMERIC,
  months: NUMERIC,
};
const TEXT: ReadonlySet<string> = new Set(['string', 'textarea']);

/** Reports a field whose type does not suit `allowed` (a path that does not resolve is quote-to-cash's to report). */
function checkType(
  layout: OrderFormLayout,
  check: CheckContext,
  object: string,
  path: string,
  rule: { allowed: ReadonlySet<string> | undefined; what: string },
): void {
  const c = `Order form ${layout.name}`;
  if (path.split('.').length - 1 > MAX_RELATIONSHIPS)
    check.report(layout, c, `${object}.${path} follows more than ${MAX_RELATIONSHIPS} relationships (SOQL's limit)`);
  const found = resolveLayoutPath(check.schema, object, path);
  if (typeof found !== 'string' && rule.allowed && !rule.allowed.has(found.type))
    check.report(layout, c, `${object}.${path} is a ${found.type} field; ${rule.what}`);
}

const formatRule = (field: OrderFormField) => ({
  allowed: TYPES_OF[field.format ?? 'text'],
  what: `"${field.label}" is formatted as ${field.format} (${[...(TYPES_OF[field.format ?? 'text'] ?? [])].join(', ')} fields)`,
});

/** Every piece of text the page prints as it is. */
const printedText = (layout: OrderFormLayout): string[] => [
  layout.name,
  layout.title,
  layout.seller.name,
  layout.seller.address,
  layout.lines.title,
  layout.governingClause,
  ...layout.sections.map((s) => s.title),
  ...[...quoteFields(layout), ...layout.lines.columns].map((f) => f.label),
  ...layout.signature.parties,
  ...layout.signature.lines,
];

export function checkOrderFormPage(layout: OrderFormLayout | undefined, check: CheckContext): void {
  if (!layout) return;
  const c = `Order form ${layout.name}`;
  check.apiName(layout, c, layout.name);
  for (const field of quoteFields(layout)) checkType(layout, check, QUOTE, field.path, formatRule(field));
  for (const column of layout.lines.columns) checkType(layout, check, QUOTE_LINE, column.path, formatRule(column));
  for (const path of layout.lines.orderBy) checkType(layout, check, QUOTE_LINE, path, { allowed: undefined, what: '' });
  checkType(layout, check, QUOTE_LINE, layout.lines.totalOf, {
    allowed: NUMERIC,
    what: 'the total (totalOf) sums a number, currency or percent field',
  });
  checkType(layout, check, QUOTE, layout.specialTerms.path, { allowed: TEXT, what: 'the special terms are free text' });
  for (const t of printedText(layout).filter((s) => s.includes('{!')))
    check.report(layout, c, `text ${JSON.stringify(t)} holds "{!", which Visualforce would evaluate as an expression`);
  if (!layout.signature.parties.length) check.report(layout, c, 'the signature block names no party');
}
