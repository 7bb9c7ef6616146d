/** `$Permission`, `$CustomMetadata` overrides and the `$Profile` / `$UserRole` / `$RecordType` objects of the context. */
import { quote } from '../errors.ts';
import type { EvalContext } from './context.ts';
import { FormulaDataError } from './values.ts';

const permissionSets = new WeakMap<object, Set<string>>();

export function hasPermission(ctx: EvalContext, lowerName: string): boolean {
  const p = ctx.permissions;
  if (!p) return false;
  if (!(p instanceof Set) && !Array.isArray(p)) {
    throw new FormulaDataError(`permissions must be a list of custom permission names, got ${typeof p} ${quote(p)}`);
  }
  let set = permissionSets.get(p);
  if (!set) {
    set = new Set([...p].map((x) => String(x).toLowerCase()));
    permissionSets.set(p, set);
  }
  return set.has(lowerName);
}

export function customMetadata(ctx: EvalContext, type: string, record: string, field: string): unknown {
  const byType = ctx.customMetadata?.[type];
  const rec = byType?.[record];
  return rec && Object.hasOwn(rec, field) ? rec[field] : undefined;
}

export const profileOf = (ctx: EvalContext): unknown =>
  ctx.profile ?? (ctx.user as Record<string, unknown> | null | undefined)?.Profile;
export const userRoleOf = (ctx: EvalContext): unknown =>
  ctx.userRole ?? (ctx.user as Record<string, unknown> | null | undefined)?.UserRole;
export const recordTypeOf = (ctx: EvalContext): unknown =>
  ctx.recordType ?? (ctx.record as Record<string, unknown> | null | undefined)?.RecordType;
