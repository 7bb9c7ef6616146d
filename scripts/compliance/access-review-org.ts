/**
 * The access review of an org: every active user's permission set assignments (profile-owned
 * sets included, so a profile's system permissions count), the sets inside each assigned
 * permission set group, and what those sets grant — custom permissions (SetupEntityAccess),
 * object permissions, field permissions on the sensitive fields, the system permissions the duty
 * rules and the model name. Plain SOQL through any connection with jsforce's `query`/`queryMore`
 * (an @salesforce/core Connection is one); every page is followed, and a result that ends short
 * of its totalSize fails the review rather than under-report who holds what.
 *
 * Muting permission sets inside a group are not subtracted: a muted permission is listed as held,
 * which over-reports (never under-reports) access.
 */
import type { RevOpsModel } from '../dsl/index.ts';
import {
  mergeLetters,
  reviewedObjects,
  sensitiveFields,
  sortedEntitlements,
  type AccessSnapshot,
  type Holder,
} from './access-review.ts';
import { AccessReviewError } from './access-review-file.ts';

export interface QueryPage<T> {
  readonly totalSize: number;
  readonly done: boolean;
  readonly records: T[];
  readonly nextRecordsUrl?: string;
}

/** What the review needs of a connection (jsforce's Connection has both). */
export interface SoqlConnection {
  query(soql: string): PromiseLike<QueryPage<unknown>>;
  queryMore(locator: string): PromiseLike<QueryPage<unknown>>;
}

/** The system permissions a review lists: the model's, and those that make someone a rule administrator. */
export const REVIEWED_SYSTEM_PERMISSIONS = [
  'AuthorApex',
  'ConvertLeads',
  'CustomizeApplication',
  'EditTask',
  'ModifyAllData',
  'ModifyMetadata',
  'TransferAnyEntity',
  'ViewAllData',
] as const;

/** Every row of a query, page by page; a failure names the object queried. */
export async function queryAll<T>(connection: SoqlConnection, soql: string): Promise<T[]> {
  const object = /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? 'the org';
  const fail = (why: string): never => {
    throw new AccessReviewError(`access review: ${object}: ${why}; no review was written`, [
      'Check that the user has View Setup and Configuration, then run the review again.',
    ]);
  };
  let page: QueryPage<unknown>;
  try {
    page = await connection.query(soql);
  } catch (error) {
    return fail(`query failed: ${(error as Error).message}`);
  }
  const rows = [...page.records] as T[];
  while (!page.done) {
    if (!page.nextRecordsUrl)
      return fail(`the org said more rows follow but gave no locator (${rows.length} of ${page.totalSize})`);
    try {
      page = await connection.queryMore(page.nextRecordsUrl);
    } catch (error) {
      return fail(`partial result: ${rows.length} of ${page.totalSize} rows read, then ${(error as Error).message}`);
    }
    rows.push(...(page.records as T[]));
  }
  if (rows.length < page.totalSize) fail(`partial result: ${rows.length} of ${page.totalSize} rows`);
  return rows;
}

interface Assignment {
  AssigneeId: string;
  Assignee: { Username: string; Name: string };
  PermissionSetId: string;
  PermissionSet: { Name: string; IsOwnedByProfile: boolean; Profile?: { Name: string } | null };
  PermissionSetGroupId?: string | null;
  PermissionSetGroup?: { DeveloperName: string } | null;
}
interface GroupComponent {
  PermissionSetGroupId: string;
  PermissionSetId: string;
  PermissionSet: { Name: string };
}
interface ObjectPermission {
  ParentId: string;
  SobjectType: string;
  PermissionsCreate: boolean;
  PermissionsRead: boolean;
  PermissionsEdit: boolean;
  PermissionsDelete: boolean;
  PermissionsViewAllRecords: boolean;
  PermissionsModifyAllRecords: boolean;
}
interface FieldPermission {
  ParentId: string;
  Field: string;
  PermissionsEdit: boolean;
}
type PermissionSetRow = { Id: string } & Record<string, unknown>;

const quoted = (names: readonly string[]) => names.map((n) => `'${n.replace(/'/g, "\\'")}'`).join(', ');

/** The SOQL of a review, by what it reads (exported for the test double and the docs). */
export function accessQueries(model: RevOpsModel): Record<string, string> {
  const fields = sensitiveFields(model);
  const objects = reviewedObjects(model);
  return {
    assignments:
      'SELECT AssigneeId, Assignee.Username, Assignee.Name, PermissionSetId, PermissionSet.Name, PermissionSet.IsOwnedByProfile, PermissionSet.Profile.Name, PermissionSetGroupId, PermissionSetGroup.DeveloperName FROM PermissionSetAssignment WHERE Assignee.IsActive = true',
    components: 'SELECT PermissionSetGroupId, PermissionSetId, PermissionSet.Name FROM PermissionSetGroupComponent',
    customPermissions: 'SELECT Id, DeveloperName FROM CustomPermission',
    setupAccess: "SELECT ParentId, SetupEntityId FROM SetupEntityAccess WHERE SetupEntityType = 'CustomPermission'",
    objectPermissions: `SELECT ParentId, SobjectType, PermissionsCreate, PermissionsRead, PermissionsEdit, PermissionsDelete, PermissionsViewAllRecords, PermissionsModifyAllRecords FROM ObjectPermissions WHERE SobjectType IN (${quoted(objects)})`,
    fieldPermissions: `SELECT ParentId, Field, PermissionsEdit FROM FieldPermissions WHERE Field IN (${quoted(fields)})`,
    systemPermissions: `SELECT Id, ${REVIEWED_SYSTEM_PERMISSIONS.map((p) => `Permissions${p}`).join(', ')} FROM PermissionSet`,
  };
}

/** What each permission set (by Id) grants, as entitlements. */
async function grantsBySet(connection: SoqlConnection, q: Record<string, string>) {
  const [names, access, objects, fields, system] = await Promise.all([
    queryAll<{ Id: string; DeveloperName: string }>(connection, q.customPermissions!),
    queryAll<{ ParentId: string; SetupEntityId: string }>(connection, q.setupAccess!),
    queryAll<ObjectPermission>(connection, q.objectPermissions!),
    queryAll<FieldPermission>(connection, q.fieldPermissions!),
    queryAll<PermissionSetRow>(connection, q.systemPermissions!),
  ]);
  const grants = new Map<string, Record<string, string>>();
  const of = (id: string) => grants.get(id) ?? grants.set(id, {}).get(id)!;
  const permission = new Map(names.map((n) => [n.Id, n.DeveloperName]));
  for (const a of access) {
    const name = permission.get(a.SetupEntityId);
    if (name) of(a.ParentId)[`custom:${name}`] = 'granted';
  }
  for (const o of objects) {
    const letters = (
      [
        [o.PermissionsCreate, 'C'],
        [o.PermissionsRead, 'R'],
        [o.PermissionsEdit, 'E'],
        [o.PermissionsDelete, 'D'],
        [o.PermissionsViewAllRecords, 'V'],
        [o.PermissionsModifyAllRecords, 'M'],
      ] as const
    )
      .filter(([on]) => on)
      .map(([, l]) => l)
      .join('');
    if (letters) of(o.ParentId)[`object:${o.SobjectType}`] = letters;
  }
  for (const f of fields) of(f.ParentId)[`field:${f.Field}`] = f.PermissionsEdit ? 'edit' : 'read';
  for (const s of system)
    for (const p of REVIEWED_SYSTEM_PERMISSIONS) if (s[`Permissions${p}`] === true) of(s.Id)[`system:${p}`] = 'granted';
  return grants;
}

/** Adds one set's grants to a holder's entitlements (object letters merge, edit beats read). */
function addGrants(into: Record<string, string>, grants: Record<string, string> | undefined): void {
  for (const [key, value] of Object.entries(grants ?? {})) {
    const had = into[key];
    if (key.startsWith('object:')) into[key] = mergeLetters(had ?? '', value);
    else if (!(key.startsWith('field:') && had === 'edit')) into[key] = value;
  }
}

/** The org's access, one holder per active user. */
export async function reviewFromOrg(
  connection: SoqlConnection,
  model: RevOpsModel,
  o: { readonly asOf: string; readonly orgName: string },
): Promise<AccessSnapshot> {
  const q = accessQueries(model);
  const [assignments, components, grants] = await Promise.all([
    queryAll<Assignment>(connection, q.assignments!),
    queryAll<GroupComponent>(connection, q.components!),
    grantsBySet(connection, q),
  ]);
  const inGroup = new Map<string, GroupComponent[]>();
  for (const c of components) inGroup.set(c.PermissionSetGroupId, [...(inGroup.get(c.PermissionSetGroupId) ?? []), c]);
  const users = new Map<string, { label: string; e: Record<string, string> }>();
  for (const a of assignments) {
    const user = users.get(a.Assignee.Username) ?? { label: a.Assignee.Name, e: {} };
    users.set(a.Assignee.Username, user);
    if (a.PermissionSetGroupId) {
      const group = a.PermissionSetGroup?.DeveloperName ?? a.PermissionSetGroupId;
      user.e[`group:${group}`] = 'assigned';
      for (const c of inGroup.get(a.PermissionSetGroupId) ?? []) {
        user.e[`permset:${c.PermissionSet.Name}`] ??= `via ${group}`;
        addGrants(user.e, grants.get(c.PermissionSetId));
      }
      continue;
    }
    const profile = a.PermissionSet.IsOwnedByProfile ? a.PermissionSet.Profile?.Name : undefined;
    user.e[profile ? `profile:${profile}` : `permset:${a.PermissionSet.Name}`] = 'assigned';
    addGrants(user.e, grants.get(a.PermissionSetId));
  }
  const holders: Holder[] = [...users.entries()]
    .map(([id, u]) => ({ id, kind: 'user' as const, label: u.label, entitlements: sortedEntitlements(u.e) }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const scope = { fields: sensitiveFields(model), objects: reviewedObjects(model) };
  return { asOf: o.asOf, source: { kind: 'org', name: o.orgName }, scope, holders };
}
