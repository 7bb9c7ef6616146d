import { readFile } from 'node:fs/promises';
import type { Org } from '@salesforce/core';
import { messageOf, OrgToolkitError } from './errors.ts';
import { orgStep, type NetworkOptions } from './network.ts';
import { usernameOf } from './connection.ts';

/**
 * Scratch orgs from the generated definition (config/project-scratch-def.json), created through
 * the Dev Hub with @salesforce/core's `scratchOrgCreate`: the same code path as
 * `sf org create scratch`, and the new org's auth and alias land in sf's store.
 */
export interface CreateScratchOrgOptions extends NetworkOptions {
  readonly hub: Org;
  readonly definitionFile: string;
  readonly alias?: string;
  /** 1–30 days (default 7, as `sf org create scratch`). */
  readonly durationDays?: number;
  /** Make the new org sf's default target-org. */
  readonly setDefault?: boolean;
}

export interface ScratchOrgSummary {
  readonly username: string;
  readonly alias?: string;
  readonly orgId?: string;
  readonly instanceUrl?: string;
  readonly expirationDate?: string;
  readonly devHub: string;
  readonly warnings: readonly string[];
}

export async function readScratchDefinition(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new OrgToolkitError(`${file}: not found; run \`revops generate\` to write the scratch org definition`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OrgToolkitError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new OrgToolkitError(`${file}: expected a JSON object (a scratch org definition)`);
  if (typeof (json as { edition?: unknown }).edition !== 'string')
    throw new OrgToolkitError(`${file}: "edition" is required (Developer, Enterprise, Group or Professional)`);
  return json as Record<string, unknown>;
}

export async function createScratchOrg(options: CreateScratchOrgOptions): Promise<ScratchOrgSummary> {
  const durationDays = options.durationDays ?? 7;
  if (!Number.isInteger(durationDays) || durationDays < 1 || durationDays > 30)
    throw new OrgToolkitError(`--duration-days must be a whole number from 1 to 30 (got ${durationDays})`);
  const orgConfig = await readScratchDefinition(options.definitionFile);
  const devHub = usernameOf(options.hub);
  let result;
  try {
    result = await orgStep(
      { org: devHub, doing: 'creating a scratch org', login: devHub },
      () =>
        options.hub.scratchOrgCreate({
          orgConfig,
          durationDays,
          alias: options.alias,
          setDefault: options.setDefault ?? false,
        }),
      options,
    );
  } catch (error) {
    if (error instanceof OrgToolkitError) throw error;
    throw new OrgToolkitError(`scratch org from Dev Hub ${devHub} (${options.definitionFile}): ${messageOf(error)}`, {
      name: 'ScratchOrgCreateFailed',
      actions: ["Check the Dev Hub's scratch org limits and the definition file"],
      cause: error,
    });
  }
  if (!result.username) throw new OrgToolkitError(`Dev Hub ${devHub} reported no username for the new scratch org`);
  return {
    username: result.username,
    alias: options.alias,
    orgId: result.authFields?.orgId,
    instanceUrl: result.authFields?.instanceUrl,
    expirationDate: result.authFields?.expirationDate,
    devHub,
    warnings: result.warnings,
  };
}

/** Deletes a scratch org through its Dev Hub and forgets its auth and aliases; refuses any other kind of org. */
export async function deleteScratchOrg(
  org: Org,
  options: NetworkOptions = {},
): Promise<{ username: string; devHub: string }> {
  const username = usernameOf(org);
  const devHub = org.getConnection().getAuthInfoFields().devHubUsername;
  if (!devHub)
    throw new OrgToolkitError(
      `${username} is not a scratch org created from a Dev Hub on this machine; revops org delete only deletes scratch orgs`,
    );
  try {
    await orgStep(
      { org: devHub, doing: `deleting scratch org ${username}`, login: devHub },
      () => org.delete(),
      options,
    );
  } catch (error) {
    if (error instanceof OrgToolkitError) throw error;
    throw new OrgToolkitError(`deleting scratch org ${username} (Dev Hub ${devHub}): ${messageOf(error)}`, {
      name: 'ScratchOrgDeleteFailed',
      cause: error,
    });
  }
  return { username, devHub };
}

/** True when sf still holds an authorization for a scratch org that has not expired. */
export function isLiveScratchOrg(org: Org, today = new Date()): boolean {
  const fields = org.getConnection().getAuthInfoFields();
  if (!fields.devHubUsername) return false;
  return !fields.expirationDate || fields.expirationDate >= today.toISOString().slice(0, 10);
}
