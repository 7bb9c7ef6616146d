/** How figures read on the page, in the summary and on the charts: one place, so they agree. */

export const percent = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)} %`;

export const multiple = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${value.toFixed(2)}x`;

/** $1.2M, $350K, $900 — amounts in the records' currency, which a dataset does not name. */
export function money(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const sign = value < 0 ? '−' : '';
  const v = Math.abs(value);
  if (v >= 1e6) return `${sign}$${(v / 1e6).toFixed(v >= 1e7 ? 1 : 2)}M`;
  if (v >= 1e3) return `${sign}$${(v / 1e3).toFixed(v >= 1e5 ? 0 : 1)}K`;
  return `${sign}$${v.toFixed(0)}`;
}

export const days = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${value.toFixed(value < 10 ? 1 : 0)} days`;

export const decimal = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined ? '—' : value.toFixed(digits);

export const integer = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : Math.round(value).toLocaleString('en-US');
