/**
 * Access reviews (blueprint 000 §9: quarterly access reviews): who holds which permission set
 * group, permission set, custom permission (bypass, deal desk...), system permission, object
 * access and sensitive-field access — per role from the model, or per user from an org
 * (access-review-org.ts) — with the separation-of-duties rules of model/compliance checked on
 * every holder. A review is plain data: access-review-file.ts writes it (JSON + Markdown), diffs
 * it with the previous review and keeps the council's sign-off.
 *
 * Entitlements are `key → value` pairs, so that a diff is a set difference:
 *   group:<PermissionSetGroup> → assigned      permset:<PermissionSet> → assigned | via <group>
 *   profile:<Profile> → assigned               custom:<CustomPermission> → granted
 *   system:<Permission> → granted              field:<Object.Field> → edit | read
 *   object:<Object> → letters (C R E D V M)
 */
import type { PermissionSetDef, RevOpsModel } from '../dsl/index.ts';
import { PERSONAL_DATA_FIELDS, separationOfDuties, type DutyRule } from '../../model/compliance/council-duties.ts';

export const ACCESS_REVIEW_FORMAT = 'revops-access-review/1';

export type Entitlements = Readonly<Record<string, string>>;

export interface Holder {
  /** A permission set group's or set's API name (from the model), or a username (from an org). */
  readonly id: string;
  readonly kind: 'role' | 'permission set' | 'user';
  readonly label: string;
  readonly entitlements: Entitlements;
}

export interface Violation {
  readonly rule: string;
  readonly title: string;
  readonly holder: string;
  /** The holder's entitlements on each side of the rule. */
  readonly holds: readonly string[];
  readonly with: readonly string[];
  readonly why: string;
}

export interface AccessChange {
  readonly holder: string;
  readonly entitlement: string;
  readonly from?: string;
  readonly to?: string;
}

export interface AccessDiff {
  readonly previous: { readonly file: string; readonly asOf: string; readonly reviewHash: string };
  readonly granted: readonly AccessChange[];
  readonly revoked: readonly AccessChange[];
  readonly changed: readonly AccessChange[];
}

export interface Signature {
  readonly seat: string;
  readonly name: string;
  readonly decision: 'approved' | 'rejected';
  readonly on: string;
  readonly note?: string;
  /** The hash of the review this signature approves: a changed review needs signing again. */
  readonly reviewHash: string;
}

export interface SignOff {
  readonly reviewHash: string;
  /** The council seats that must approve (model/compliance/risks.ts COUNCIL_SEATS). */
  readonly required: readonly string[];
  readonly signatures: readonly Signature[];
  readonly status: 'awaiting sign-off' | 'signed off' | 'rejected';
}

export interface AccessReview {
  readonly format: typeof ACCESS_REVIEW_FORMAT;
  readonly asOf: string;
  readonly source: { readonly kind: 'model' | 'org'; readonly name: string };
  /** What the review looked at: the sensitive fields and the objects listed per holder. */
  readonly scope: { readonly fields: readonly string[]; readonly objects: readonly string[] };
  readonly holders: readonly Holder[];
  readonly violations: readonly Violation[];
  readonly diff: AccessDiff | null;
  readonly signOff: SignOff;
}

/** The review's content before diff and sign-off: what `reviewFromModel` / `reviewFromOrg` return. */
export type AccessSnapshot = Pick<AccessReview, 'asOf' | 'source' | 'scope' | 'holders'>;

/** The objects whose access a review lists: every object of the model but custom metadata types. */
export const reviewedObjects = (model: RevOpsModel): string[] =>
  model.objects
    .filter((o) => o.standard || !o.customMetadata)
    .map((o) => o.apiName)
    .sort();

/** Sensitive fields: those whose history the model tracks (governed, audited) and the personal-data ones. */
export function sensitiveFields(model: RevOpsModel): string[] {
  const tracked = model.objects.flatMap((o) => [
    ...Object.entries(o.fields)
      .filter(([, f]) => f.trackHistory)
      .map(([name]) => `${o.apiName}.${name}`),
    ...(o.standard
      ? Object.entries(o.standardFields)
          .filter(([, f]) => f.trackHistory)
          .map(([name]) => `${o.apiName}.${name}`)
      : []),
  ]);
  return [...new Set([...tracked, ...PERSONAL_DATA_FIELDS])].sort();
}

const LETTERS = [
  ['create', 'C'],
  ['read', 'R'],
  ['edit', 'E'],
  ['delete', 'D'],
  ['viewAll', 'V'],
  ['modifyAll', 'M'],
] as const;

/** Merges object letters: `CR` + `RE` → `CRE`, in C R E D V M order. */
export function mergeLetters(a: string, b: string): string {
  return LETTERS.map(([, l]) => l)
    .filter((l) => a.includes(l) || b.includes(l))
    .join('');
}

/** What a set of permission sets grants, as entitlements (fields limited to `fields`). */
export function grantsOf(sets: readonly PermissionSetDef[], fields: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const set of sets) {
    for (const [object, a] of Object.entries(set.objects)) {
      const letters = LETTERS.filter(([k]) => a[k])
        .map(([, l]) => l)
        .join('');
      if (letters) out[`object:${object}`] = mergeLetters(out[`object:${object}`] ?? '', letters);
    }
    for (const f of set.fields) {
      const key = `${f.field.object}.${f.field.field}`;
      if (fields.has(key) && (f.edit || !out[`field:${key}`])) out[`field:${key}`] = f.edit ? 'edit' : 'read';
    }
    for (const p of set.customPermissions) out[`custom:${p}`] = 'granted';
    for (const p of set.userPermissions) out[`system:${p}`] = 'granted';
  }
  return out;
}

/** Sorted keys, so the JSON of a holder is byte-stable. */
export const sortedEntitlements = (e: Record<string, string>): Entitlements =>
  Object.fromEntries(Object.entries(e).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * The model's access: one holder per permission set group (a role: what a user assigned that
 * role holds) and one per permission set no group contains (assigned directly, e.g. the
 * lifecycle automation user's set).
 */
export function reviewFromModel(model: RevOpsModel, asOf: string): AccessSnapshot {
  const fields = sensitiveFields(model);
  const wanted = new Set(fields);
  const byName = new Map(model.permissionSets.map((s) => [s.name, s]));
  const grouped = new Set(model.permissionSetGroups.flatMap((g) => g.permissionSets));
  const roles: Holder[] = model.permissionSetGroups.map((g) => {
    const sets = g.permissionSets.map((n) => byName.get(n)).filter((s): s is PermissionSetDef => !!s);
    const via = Object.fromEntries(sets.map((s) => [`permset:${s.name}`, `via ${g.name}`]));
    return {
      id: g.name,
      kind: 'role',
      label: g.label,
      entitlements: sortedEntitlements({ [`group:${g.name}`]: 'assigned', ...via, ...grantsOf(sets, wanted) }),
    };
  });
  const direct: Holder[] = model.permissionSets
    .filter((s) => !grouped.has(s.name))
    .map((s) => ({
      id: s.name,
      kind: 'permission set',
      label: s.label,
      entitlements: sortedEntitlements({ [`permset:${s.name}`]: 'assigned', ...grantsOf([s], wanted) }),
    }));
  return {
    asOf,
    source: { kind: 'model', name: 'model/index.ts' },
    scope: { fields, objects: reviewedObjects(model) },
    holders: [...roles, ...direct].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

/** Does `e` satisfy the rule's entitlement pattern? (`object:*~M`, `field:X=edit`, `custom:X`...) */
function matches(pattern: string, e: Entitlements): string[] {
  const object = /^object:(.+)~([CREDVM])$/.exec(pattern);
  if (object) {
    const [, name, letter] = object;
    return Object.entries(e)
      .filter(([k, v]) => k.startsWith('object:') && (name === '*' || k === `object:${name}`) && v.includes(letter!))
      .map(([k]) => `${k}~${letter}`);
  }
  const field = /^(field:[^=]+)=(edit|read)$/.exec(pattern);
  if (field) return e[field[1]!] === field[2] || (field[2] === 'read' && e[field[1]!]) ? [pattern] : [];
  return e[pattern] ? [pattern] : [];
}

/** Every holder that combines what a separation-of-duties rule keeps apart. */
export function dutyViolations(
  holders: readonly Holder[],
  rules: readonly DutyRule[] = separationOfDuties,
): Violation[] {
  const out: Violation[] = [];
  for (const h of holders)
    for (const rule of rules) {
      const holds = rule.holds.flatMap((p) => matches(p, h.entitlements));
      const withs = rule.with.flatMap((p) => matches(p, h.entitlements));
      if (holds.length && withs.length)
        out.push({ rule: rule.id, title: rule.title, holder: h.id, holds, with: withs, why: rule.why });
    }
  return out;
}
