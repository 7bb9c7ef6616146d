/**
 * The Visualforce page of the order form: markup generated from the layout, one output element per
 * layout field (escaped: `apex:outputText` escapes unless told not to, and nothing here tells it
 * not to), the lines in an `apex:repeat`, the special terms only when the quote has some, and the
 * signature block. Labels and static text are the layout's, XML-escaped; the checks keep `{!` out
 * of them.
 */
import type { OrderFormField, OrderFormFormat, OrderFormLayout } from '../quote-to-cash/index.ts';

/** The controller the page names (emit.ts generates it). */
export const CONTROLLER_CLASS = 'OrderFormController';
/** What the page's expressions call the quote and a line (the controller's property, the repeat's var). */
export const QUOTE_VAR = 'quote';
export const LINE_VAR = 'line';

/** Text as XML character data or an attribute value. */
export const xmlText = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `{!quote.Opportunity.Account.Name}`. */
export const expression = (variable: string, path: string): string => `{!${variable}.${path}}`;

/** The MessageFormat pattern of each format; `{1}` is the currency code. */
const PATTERNS: Record<string, string> = {
  date: '{0,date,yyyy-MM-dd}',
  currency: '{0,number,#,##0.00} {1}',
  percent: '{0,number,0.##}%',
  number: '{0,number,#,##0.##}',
  months: '{0,number,0} months',
};

/** An outputText of `value` (an expression), formatted through apex:param unless the format is text. */
function formatted(value: string, format: OrderFormFormat = 'text'): string {
  const pattern = PATTERNS[format];
  if (!pattern) return `<apex:outputText value="${value}"/>`;
  const currency = format === 'currency' ? `<apex:param value="{!currencyCode}"/>` : '';
  return `<apex:outputText value="${pattern}"><apex:param value="${value}"/>${currency}</apex:outputText>`;
}

/** The one element that prints a layout field. */
export const valueElement = (variable: string, field: OrderFormField): string =>
  formatted(expression(variable, field.path), field.format);

const indentBy = (depth: number, lines: readonly string[]): string[] => lines.map((l) => `${'    '.repeat(depth)}${l}`);

function fieldRows(fields: readonly OrderFormField[]): string[] {
  return fields.map((f) => `<tr><th>${xmlText(f.label)}</th><td>${valueElement(QUOTE_VAR, f)}</td></tr>`);
}

/** The total under its column: a label spanning the columns before it, blanks after it. */
function totalRow(at: number, width: number): string {
  const before = at > 0 ? `<th colspan="${at}">Total</th>` : '';
  const after = width - at - 1 > 0 ? `<td colspan="${width - at - 1}"></td>` : '';
  return `${before}<td class="num">${formatted('{!total}', 'currency')}</td>${after}`;
}

function linesTable(layout: OrderFormLayout): string[] {
  const { columns, totalOf, title } = layout.lines;
  const totalAt = columns.findIndex((c) => c.path === totalOf);
  const numeric = (f: OrderFormField) => (f.format && f.format !== 'text' && f.format !== 'date' ? ' class="num"' : '');
  return [
    `<h2>${xmlText(title)}</h2>`,
    '<table class="lines">',
    `    <thead><tr>${columns.map((c) => `<th${numeric(c)}>${xmlText(c.label)}</th>`).join('')}</tr></thead>`,
    '    <tbody>',
    `        <apex:repeat value="{!lines}" var="${LINE_VAR}">`,
    '            <tr>',
    ...columns.map((c) => `                <td${numeric(c)}>${valueElement(LINE_VAR, c)}</td>`),
    '            </tr>',
    '        </apex:repeat>',
    '    </tbody>',
    `    <tfoot><tr>${totalRow(totalAt, columns.length)}</tr></tfoot>`,
    '</table>',
  ];
}

function signatureBlock(layout: OrderFormLayout): string[] {
  const { parties, lines } = layout.signature;
  const cell = (party: string) =>
    `<td><h3>${xmlText(party)}</h3>${lines.map((l) => `<p class="sign">${xmlText(l)}</p>`).join('')}</td>`;
  return ['<table class="signature">', `    <tr>${parties.map(cell).join('')}</tr>`, '</table>'];
}

const STYLE = [
  '@page { size: A4; margin: 18mm; }',
  'body { font-family: sans-serif; font-size: 10pt; }',
  'h1 { font-size: 18pt; margin: 0; }',
  'h2 { font-size: 12pt; margin: 14pt 0 4pt; }',
  'table { width: 100%; border-collapse: collapse; }',
  'th { text-align: left; }',
  'table.lines th, table.lines td { border-bottom: 1px solid #999; padding: 3pt; }',
  '.num { text-align: right; }',
  '.seller { color: #444; margin-bottom: 10pt; }',
  'table.signature td { width: 50%; vertical-align: top; padding-right: 20pt; }',
  'p.sign { border-bottom: 1px solid #000; padding-top: 16pt; margin: 0; }',
];

/** The page's markup. */
export function orderFormPage(layout: OrderFormLayout): string {
  const special = layout.specialTerms;
  const body = [
    `<h1>${xmlText(layout.title)}</h1>`,
    `<div class="seller">${xmlText(layout.seller.name)}<br/>${xmlText(layout.seller.address)}</div>`,
    '<table class="header">',
    ...indentBy(1, fieldRows(layout.header)),
    '</table>',
    ...layout.sections.flatMap((s) => [
      `<h2>${xmlText(s.title)}</h2>`,
      '<table class="fields">',
      ...indentBy(1, fieldRows(s.fields)),
      '</table>',
    ]),
    ...linesTable(layout),
    `<apex:outputPanel layout="block" rendered="{!NOT(ISBLANK(${QUOTE_VAR}.${special.path}))}">`,
    `    <h2>${xmlText(special.label)}</h2>`,
    `    <p>${valueElement(QUOTE_VAR, special)}</p>`,
    '</apex:outputPanel>',
    `<p class="clause">${xmlText(layout.governingClause)}</p>`,
    ...signatureBlock(layout),
  ];
  return [
    `<apex:page controller="${CONTROLLER_CLASS}" renderAs="pdf" applyHtmlTag="false" applyBodyTag="false" showHeader="false" sidebar="false" standardStylesheets="false" title="${xmlText(layout.title)}">`,
    '    <!-- Generated by `revops generate` from the order form layout (model/quote-to-cash/order-form.ts): change the layout, never this file. -->',
    '    <html>',
    '        <head>',
    '            <style type="text/css">',
    ...indentBy(4, STYLE),
    '            </style>',
    '        </head>',
    '        <body>',
    ...indentBy(3, body),
    '        </body>',
    '    </html>',
    '</apex:page>',
    '',
  ].join('\n');
}
