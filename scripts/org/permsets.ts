import type { Connection } from '@salesforce/core';
import { messageOf, OrgToolkitError } from './errors.ts';
import { orgStep, type NetworkOptions } from './network.ts';

/**
 * `revops permsets assign`: assigns permission sets to a user, idempotently. Existing
 * PermissionSetAssignments are read first and only the missing ones inserted; an assignment that
 * appears in between (DUPLICATE_VALUE) also counts as success. (@salesforce/core's
 * `User.assignPermissionSets` fails on an existing assignment, so it is not used.)
 */
export interface PermsetAssignment {
  readonly assignee: string;
  /** Newly assigned by this call. */
  readonly assigned: readonly string[];
  /** Held already: success, nothing to do. */
  readonly alreadyAssigned: readonly string[];
}

/** The REST API names a row error `statusCode`; jsforce's types call it `errorCode`. */
const codeOf = (error: { errorCode?: string }) => (error as { statusCode?: string }).statusCode ?? error.errorCode;

const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

type Step = <T>(doing: string, work: () => PromiseLike<T>) => Promise<T>;

export async function assignPermissionSets(
  connection: Connection,
  names: readonly string[],
  assignee = connection.getUsername(),
  options: NetworkOptions = {},
): Promise<PermsetAssignment> {
  if (!assignee) throw new OrgToolkitError('no user to assign permission sets to', { name: 'NoAssignee' });
  const wanted = [...new Set(names)];
  for (const name of wanted)
    if (!API_NAME.test(name))
      throw new OrgToolkitError(`"${name}" is not a permission set API name`, {
        name: 'InvalidPermissionSetName',
        actions: ['Name permission sets by their API name (letters, digits and underscores)'],
      });
  if (!wanted.length) return { assignee, assigned: [], alreadyAssigned: [] };
  const org = connection.getUsername() ?? connection.instanceUrl;
  const step: Step = (doing, work) => orgStep({ org, doing, url: connection.instanceUrl, login: org }, work, options);
  const { userId, idByName, heldIds } = await readHeld(connection, step, { org, assignee, wanted });
  const alreadyAssigned = wanted.filter((name) => heldIds.has(idByName.get(name)!));
  const toAssign = wanted.filter((name) => !heldIds.has(idByName.get(name)!));
  if (!toAssign.length) return { assignee, assigned: [], alreadyAssigned };

  const results = await step(`assigning ${toAssign.join(', ')} to ${assignee}`, () =>
    connection.sobject('PermissionSetAssignment').create(
      toAssign.map((name) => ({ AssigneeId: userId, PermissionSetId: idByName.get(name)! })),
      { allOrNone: false },
    ),
  ).catch((error: unknown) => {
    if (error instanceof OrgToolkitError) throw error;
    throw new OrgToolkitError(`assigning ${toAssign.join(', ')} to ${assignee} in ${org}: ${messageOf(error)}`, {
      name: 'PermissionSetAssignmentFailed',
      cause: error,
    });
  });
  const assigned: string[] = [];
  const problems: string[] = [];
  results.forEach((result, i) => {
    const name = toAssign[i]!;
    if (result.success) assigned.push(name);
    else if (result.errors.some((e) => codeOf(e) === 'DUPLICATE_VALUE')) alreadyAssigned.push(name);
    else problems.push(`${name}: ${result.errors.map((e) => `${codeOf(e)}: ${e.message}`).join('; ')}`);
  });
  if (problems.length)
    throw new OrgToolkitError(`assigning permission sets to ${assignee} in ${org} failed: ${problems.join('; ')}`, {
      name: 'PermissionSetAssignmentFailed',
      actions: ['Check the permission sets in Setup (license and user type must match the user)'],
    });
  return { assignee, assigned, alreadyAssigned };
}

/** The user, the wanted permission sets by name, and which of them the user holds already. */
async function readHeld(
  connection: Connection,
  step: Step,
  { org, assignee, wanted }: { org: string; assignee: string; wanted: readonly string[] },
): Promise<{ userId: string; idByName: Map<string, string>; heldIds: Set<string> }> {
  const users = await step(`reading user ${assignee}`, () =>
    connection.query<{ Id: string }>(`SELECT Id FROM User WHERE Username = ${quote(assignee)}`),
  );
  const userId = users.records[0]?.Id;
  if (!userId) throw new OrgToolkitError(`no user ${assignee} in org ${org}`, { name: 'UserNotFound' });

  const sets = await step('reading permission sets', () =>
    connection.query<{ Id: string; Name: string }>(
      `SELECT Id, Name FROM PermissionSet WHERE NamespacePrefix = null AND Name IN (${wanted.map(quote).join(', ')})`,
    ),
  );
  const idByName = new Map(sets.records.map((r) => [r.Name, r.Id]));
  const missing = wanted.filter((name) => !idByName.has(name));
  if (missing.length)
    throw new OrgToolkitError(
      `permission set${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found in org ${org}; deploy first (revops deploy)`,
      { name: 'PermissionSetNotFound', actions: ['Deploy the project first: `revops deploy`'] },
    );

  const ids = [...idByName.values()].map(quote).join(', ');
  const held = await step(`reading the assignments of ${assignee}`, () =>
    connection.query<{ PermissionSetId: string }>(
      `SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = ${quote(userId)} AND PermissionSetId IN (${ids})`,
    ),
  );
  return { userId, idByName, heldIds: new Set(held.records.map((r) => r.PermissionSetId)) };
}
