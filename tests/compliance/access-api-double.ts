/**
 * ACCESS API TEST DOUBLE: an org's permission data (users, assignments, groups, custom
 * permissions, object/field/system permissions) answered to the SOQL an access review sends, as
 * REST query pages. Used two ways: directly as a `SoqlConnection`, and behind a real
 * @salesforce/core Connection through TestContext's `fakeConnectionRequest` (`answer`). Faults:
 * a query on an object fails, or a result ends short (a page claims more rows and then the next
 * page fails, or never comes).
 */
import type { QueryPage, SoqlConnection } from '../../scripts/compliance/access-review-org.ts';

export interface DoubleUser {
  readonly username: string;
  readonly name: string;
  readonly profile: string;
  /** Permission set groups (by DeveloperName) and permission sets (by Name) assigned. */
  readonly groups?: readonly string[];
  readonly sets?: readonly string[];
}

export interface DoubleSet {
  readonly name: string;
  readonly profile?: string;
  readonly custom?: readonly string[];
  readonly system?: readonly string[];
  /** Object → letters (C R E D V M). */
  readonly objects?: Readonly<Record<string, string>>;
  /** `Object.Field` → edit | read. */
  readonly fields?: Readonly<Record<string, 'edit' | 'read'>>;
}

export interface DoubleFaults {
  /** Queries FROM this object throw. */
  readonly failOn?: string;
  /** Queries FROM this object return a first page claiming more rows, then queryMore throws. */
  readonly truncate?: string;
  /** Queries FROM this object say more rows follow but give no locator. */
  readonly noLocator?: string;
}

type Row = Record<string, unknown>;

export class AccessApiDouble implements SoqlConnection {
  readonly queries: string[] = [];
  faults: DoubleFaults = {};
  readonly #pages = new Map<string, Row[]>();
  #next = 0;

  private readonly users: DoubleUser[];
  private readonly sets: DoubleSet[];
  private readonly groups: Readonly<Record<string, readonly string[]>>;
  private readonly pageSize: number;

  constructor(
    users: DoubleUser[],
    sets: DoubleSet[],
    groups: Readonly<Record<string, readonly string[]>>,
    pageSize = 2,
  ) {
    this.users = users;
    this.sets = sets;
    this.groups = groups;
    this.pageSize = pageSize;
  }

  /** Removes a user's assignment of a group or set (access revoked between two reviews). */
  revoke(username: string, name: string): void {
    const i = this.users.findIndex((u) => u.username === username);
    const u = this.users[i]!;
    this.users[i] = {
      ...u,
      groups: (u.groups ?? []).filter((g) => g !== name),
      sets: (u.sets ?? []).filter((s) => s !== name),
    };
  }

  #setId = (name: string) => `0PS${String(this.sets.findIndex((s) => s.name === name)).padStart(3, '0')}`;
  #groupId = (name: string) => `0PG${String(Object.keys(this.groups).indexOf(name)).padStart(3, '0')}`;

  #rows(object: string): Row[] {
    const set = (name: string) => ({ Name: name, IsOwnedByProfile: false, Profile: null });
    switch (object) {
      case 'PermissionSetAssignment':
        return this.users.flatMap((u, i) => [
          {
            AssigneeId: `005${i}`,
            Assignee: { Username: u.username, Name: u.name },
            PermissionSetId: this.#setId(`profile:${u.profile}`),
            PermissionSet: { Name: `X00e${i}`, IsOwnedByProfile: true, Profile: { Name: u.profile } },
            PermissionSetGroupId: null,
            PermissionSetGroup: null,
          },
          ...(u.groups ?? []).map((g) => ({
            AssigneeId: `005${i}`,
            Assignee: { Username: u.username, Name: u.name },
            PermissionSetId: `0PSagg${g}`,
            PermissionSet: set(`aggregate_${g}`),
            PermissionSetGroupId: this.#groupId(g),
            PermissionSetGroup: { DeveloperName: g },
          })),
          ...(u.sets ?? []).map((s) => ({
            AssigneeId: `005${i}`,
            Assignee: { Username: u.username, Name: u.name },
            PermissionSetId: this.#setId(s),
            PermissionSet: set(s),
            PermissionSetGroupId: null,
            PermissionSetGroup: null,
          })),
        ]);
      case 'PermissionSetGroupComponent':
        return Object.entries(this.groups).flatMap(([g, sets]) =>
          sets.map((s) => ({
            PermissionSetGroupId: this.#groupId(g),
            PermissionSetId: this.#setId(s),
            PermissionSet: { Name: s },
          })),
        );
      case 'CustomPermission':
        return [...new Set(this.sets.flatMap((s) => s.custom ?? []))].map((n) => ({ Id: `0CP${n}`, DeveloperName: n }));
      case 'SetupEntityAccess':
        return this.sets.flatMap((s) =>
          (s.custom ?? []).map((n) => ({ ParentId: this.#setId(s.name), SetupEntityId: `0CP${n}` })),
        );
      default:
        return this.#permissionRows(object);
    }
  }

  #permissionRows(object: string): Row[] {
    if (object === 'ObjectPermissions')
      return this.sets.flatMap((s) =>
        Object.entries(s.objects ?? {}).map(([o, l]) => ({
          ParentId: this.#setId(s.name),
          SobjectType: o,
          PermissionsCreate: l.includes('C'),
          PermissionsRead: l.includes('R'),
          PermissionsEdit: l.includes('E'),
          PermissionsDelete: l.includes('D'),
          PermissionsViewAllRecords: l.includes('V'),
          PermissionsModifyAllRecords: l.includes('M'),
        })),
      );
    if (object === 'FieldPermissions')
      return this.sets.flatMap((s) =>
        Object.entries(s.fields ?? {}).map(([f, a]) => ({
          ParentId: this.#setId(s.name),
          Field: f,
          PermissionsEdit: a === 'edit',
          PermissionsRead: true,
        })),
      );
    if (object === 'PermissionSet')
      return this.sets.map((s) => ({
        Id: this.#setId(s.name),
        ...Object.fromEntries((s.system ?? []).map((p) => [`Permissions${p}`, true])),
      }));
    throw new Error(`the access API double does not answer FROM ${object}`);
  }

  async query(soql: string): Promise<QueryPage<unknown>> {
    this.queries.push(soql);
    const object = /\bFROM\s+(\w+)/i.exec(soql)![1]!;
    if (this.faults.failOn === object) throw new Error(`INVALID_TYPE: sObject type '${object}' is not supported`);
    const rows = this.#rows(object);
    if (this.faults.noLocator === object && rows.length > 1)
      return { totalSize: rows.length, done: false, records: rows.slice(0, 1) };
    return this.#page(object, rows, 0);
  }

  async queryMore(locator: string): Promise<QueryPage<unknown>> {
    const [, key, from] = /\/query\/(\w+)-(\d+)$/.exec(locator) ?? [];
    const rows = this.#pages.get(key ?? '');
    if (!rows) throw new Error(`INVALID_QUERY_LOCATOR: ${locator}`);
    const object = key!.replace(/^\d+/, '');
    if (this.faults.truncate === object) throw new Error('INVALID_QUERY_LOCATOR: the cursor expired');
    return this.#page(object, rows, Number(from));
  }

  #page(object: string, rows: Row[], from: number): QueryPage<unknown> {
    const key = `${this.#next++}${object}`;
    this.#pages.set(key, rows);
    const to = from + this.pageSize;
    return {
      totalSize: rows.length,
      done: to >= rows.length,
      records: rows.slice(from, to),
      ...(to < rows.length ? { nextRecordsUrl: `/services/data/v66.0/query/${key}-${to}` } : {}),
    };
  }

  /** An answer to a REST request, for TestContext's fakeConnectionRequest. */
  async answer(request: { url?: string } | string): Promise<QueryPage<unknown>> {
    const url = new URL(typeof request === 'string' ? request : request.url!, 'https://double.invalid');
    const q = url.searchParams.get('q');
    return q ? this.query(q) : this.queryMore(url.pathname);
  }
}
