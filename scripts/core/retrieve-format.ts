/**
 * How the Metadata API spells and orders things in the files `sf project retrieve` writes, where
 * the XML writer alone does not decide it. Each rule was read off files retrieved from orgs and
 * committed to public repositories (docs/retrieve-parity.md names them), so that a file we
 * generate and the file a retrieve writes right after the deploy are the same bytes.
 */

/**
 * Order by UTF-16 code unit, as a retrieve lists permissions, custom metadata values, record type
 * picklist values, business process values, Path steps and permission set group members:
 * `ARR__c` before `Amount`, `Customer_Paper` before `Our Paper`. Not `localeCompare`, which puts
 * `Amount` first.
 */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A sorted copy of `items`, by `key` in code-unit order. */
export const sortedByCodeUnit = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => byCodeUnit(key(a), key(b)));

/**
 * A picklist value as another component names it (a record type's picklistValues, a business
 * process's values): UTF-8 percent-encoded except letters and digits of any script, space, `_`
 * and `-`. Retrieved files (API 66) show `3%2E0`, `N%2FA`, `AssetCo%2C LLC`, `Easement %28Day 1%29`,
 * `Negotiate %26 Resolve`, `didn%27t`, full-width brackets as `%EF%BC%88`, and `受注`, `ç` and
 * spaces as they are. (encodeURIComponent differs: it keeps `.` `(` `)` `'` `!` `*` `~` and
 * encodes spaces and non-ASCII letters.)
 */
export function metadataValueName(value: string): string {
  let out = '';
  for (const char of value) {
    if (/^[\p{L}\p{N} _-]$/u.test(char)) out += char;
    else
      for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * A number as the Metadata API writes an `xsd:double` (Java's Double.toString): `25.0`, `0.5`,
 * `-3.0`; scientific from 10^7 up and below 10^-3 (`1.0E7`, `1.5E-4`). Retrieved custom metadata
 * records and flows write every whole number with `.0` (1,140 values in public retrieves, none
 * without); the scientific form follows Java, no public retrieve shows one.
 */
export function javaDouble(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a number the Metadata API can hold`);
  if (value === 0) return '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const plain = String(value);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}
