/**
 * The order form as one self-contained, print-ready HTML document: inline CSS with A4 or Letter
 * print styles, no script, no external resource. Every value — the layout's text and the record's —
 * goes through `escapeHtml`; nothing else reaches the markup. Same view → same bytes.
 */
import type { OrderFormLayout } from '../../dsl/index.ts';
import type { OrderFormView, PrintedField } from './view.ts';

export type Paper = 'A4' | 'Letter';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const NUMERIC = new Set(['currency', 'number', 'percent', 'months']);

const css = (paper: Paper) => `
@page { size: ${paper}; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
html { color: #1b1f24; font: 10pt/1.4 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; }
body { margin: 0 auto; max-width: 182mm; padding: 8mm 0; }
@media print { body { padding: 0; max-width: none; } }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm;
  border-bottom: 2px solid #1b1f24; padding-bottom: 4mm; margin-bottom: 5mm; }
.seller strong { display: block; font-size: 13pt; }
.seller span { color: #555; font-size: 9pt; }
h1 { font-size: 18pt; margin: 0 0 2mm; text-align: right; letter-spacing: .02em; }
h2 { font-size: 10.5pt; text-transform: uppercase; letter-spacing: .06em; color: #444; margin: 0 0 2mm;
  border-bottom: 1px solid #c9ced6; padding-bottom: 1mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0; }
dt { color: #555; }
dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
header dl { font-size: 9pt; }
.sections { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; margin-bottom: 5mm; }
section { break-inside: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin-bottom: 5mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; font-weight: 600; color: #444; border-bottom: 1.5px solid #1b1f24; padding: 1.5mm 1.2mm; }
td { border-bottom: 1px solid #e1e4e8; padding: 1.5mm 1.5mm; vertical-align: top; }
.date { white-space: nowrap; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tfoot td { border-bottom: none; border-top: 1.5px solid #1b1f24; font-weight: 700; }
.terms { border: 1px solid #c9ced6; background: #f6f8fa; padding: 3mm 4mm; margin-bottom: 5mm; white-space: pre-wrap; }
.clause { font-size: 9pt; color: #333; margin: 0 0 8mm; }
.signature { display: grid; grid-template-columns: 1fr 1fr; gap: 12mm; break-inside: avoid; }
.signature dl { grid-template-columns: max-content 1fr; gap: 7mm 3mm; align-items: end; }
.signature dd { border-bottom: 1px solid #1b1f24; min-height: 5mm; }
`;

const fields = (list: readonly PrintedField[]) =>
  `<dl>${list.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.text)}</dd>`).join('')}</dl>`;

function linesTable(layout: OrderFormLayout, view: OrderFormView): string {
  const cls = layout.lines.columns.map((c) =>
    NUMERIC.has(c.format ?? 'text') ? ' class="num"' : c.format === 'date' ? ' class="date"' : '',
  );
  const head = layout.lines.columns.map((c, i) => `<th${cls[i]}>${escapeHtml(c.label)}</th>`).join('');
  const rows = view.rows.map((row) => `<tr>${row.map((t, i) => `<td${cls[i]}>${escapeHtml(t)}</td>`).join('')}</tr>`);
  const totalAt = layout.lines.columns.findIndex((c) => c.path === layout.lines.totalOf);
  const before = Math.max(totalAt, 1);
  const after = layout.lines.columns.length - before - 1;
  const foot = `<tr><td colspan="${before}">Total</td><td class="num">${escapeHtml(view.total)}</td>${after > 0 ? `<td colspan="${after}"></td>` : ''}</tr>`;
  return `<section><h2>${escapeHtml(layout.lines.title)}</h2><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody><tfoot>${foot}</tfoot></table></section>`;
}

function signatureBlock(layout: OrderFormLayout): string {
  const party = (name: string) =>
    `<section><h2>${escapeHtml(name)}</h2><dl>${layout.signature.lines.map((l) => `<dt>${escapeHtml(l)}</dt><dd></dd>`).join('')}</dl></section>`;
  return `<div class="signature">${layout.signature.parties.map(party).join('')}</div>`;
}

export function orderFormHtml(layout: OrderFormLayout, view: OrderFormView, paper: Paper = 'A4'): string {
  const title = `${layout.title} ${view.quote}`;
  const special = view.specialTerms
    ? `<section><h2>${escapeHtml(layout.specialTerms.label)}</h2><div class="terms">${escapeHtml(view.specialTerms)}</div></section>`
    : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${css(paper)}</style></head>`,
    '<body>',
    `<header><div class="seller"><strong>${escapeHtml(layout.seller.name)}</strong><span>${escapeHtml(layout.seller.address)}</span></div><div><h1>${escapeHtml(layout.title)}</h1>${fields(view.header)}</div></header>`,
    `<div class="sections">${view.sections.map((s) => `<section><h2>${escapeHtml(s.title)}</h2>${fields(s.fields)}</section>`).join('')}</div>`,
    linesTable(layout, view),
    special,
    `<p class="clause">${escapeHtml(layout.governingClause)}</p>`,
    signatureBlock(layout),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
