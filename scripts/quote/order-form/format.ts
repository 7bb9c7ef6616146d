/**
 * How the order form prints a value (the layout's OrderFormFormat), the same on every machine: no
 * locale, no time zone. Blank prints as an em dash.
 */
import type { OrderFormFormat } from '../../dsl/index.ts';

export const BLANK = '—';

/** `1234567.891` → `1,234,567.89` (digits grouped by three, `decimals` places, half away from zero). */
export function grouped(value: number, decimals: number): string {
  const sign = value < 0 ? '-' : '';
  const [whole, fraction] = (Math.round(Math.abs(value) * 10 ** decimals) / 10 ** decimals)
    .toFixed(decimals)
    .split('.');
  return `${sign}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

const isBlank = (value: unknown) => value === null || value === undefined || String(value).trim() === '';

/** A plain number: grouped, with the decimals it has (up to 4). */
const plain = (n: number) => grouped(n, Math.min(4, (String(n).split('.')[1] ?? '').length));

function asNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** The printed text of one value; `currency` is the ISO code money is shown in. */
export function formatValue(value: unknown, format: OrderFormFormat = 'text', currency = 'USD'): string {
  if (isBlank(value)) return BLANK;
  if (format === 'date') return String(value).slice(0, 10);
  if (format === 'text') return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
  const n = asNumber(value);
  if (n === undefined) return String(value);
  switch (format) {
    case 'currency':
      return `${currency} ${grouped(n, 2)}`;
    case 'percent':
      return `${plain(n)}%`;
    case 'months':
      return `${plain(n)} ${n === 1 ? 'month' : 'months'}`;
    default:
      return plain(n);
  }
}
