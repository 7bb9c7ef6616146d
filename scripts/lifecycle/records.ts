/** Reading dataset records the way the jobs need them. */
import type { LifecycleRecord } from './types.ts';

export const EXTERNAL_ID = 'External_Id__c';

export const idOf = (r: LifecycleRecord): string => String(r[EXTERNAL_ID] ?? '');

/** The External_Id__c a lookup points at: `Account` / `Opportunity__r` / `Opportunity__c` forms. */
export function refOf(r: LifecycleRecord, field: string): string | null {
  const relationship = field.endsWith('__c') ? `${field.slice(0, -1)}r` : field.replace(/Id$/, '');
  for (const key of [relationship, field]) {
    const value = r[key];
    if (value && typeof value === 'object' && EXTERNAL_ID in value)
      return String((value as LifecycleRecord)[EXTERNAL_ID]);
    if (typeof value === 'string' && key === field && !field.endsWith('Id')) return value;
  }
  return null;
}

export const str = (r: LifecycleRecord, field: string): string | null =>
  typeof r[field] === 'string' && r[field] !== '' ? (r[field] as string) : null;

export const num = (r: LifecycleRecord, field: string): number | null =>
  typeof r[field] === 'number' ? (r[field] as number) : null;

/** The later of two dates (`YYYY-MM-DD`), ignoring blanks. */
export const laterOf = (...days: (string | null)[]): string | null =>
  days.reduce<string | null>((a, b) => (b === null ? a : a === null || b > a ? b : a), null);

/** Date part of a date or date/time value. */
export const dayOf = (value: string | null): string | null => (value ? value.slice(0, 10) : null);
