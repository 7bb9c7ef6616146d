import { Org } from '@salesforce/core';
import { messageOf, OrgToolkitError } from './errors.ts';

/**
 * Orgs are found the way `sf` finds them: a username or alias, else the `target-org` /
 * `target-dev-hub` config (or SF_TARGET_ORG / SF_TARGET_DEV_HUB). Authentication itself is the sf
 * CLI's job (`sf org login web | jwt | sfdx-url`); this module only reads what sf stored, and
 * never prints or writes a token.
 */
export async function resolveTargetOrg(aliasOrUsername?: string): Promise<Org> {
  try {
    return await Org.create(aliasOrUsername ? { aliasOrUsername } : {});
  } catch (error) {
    throw explain(error, aliasOrUsername, 'target-org', '--target-org');
  }
}

export async function resolveDevHub(aliasOrUsername?: string): Promise<Org> {
  try {
    return await Org.create(aliasOrUsername ? { aliasOrUsername, isDevHub: true } : { isDevHub: true });
  } catch (error) {
    throw explain(error, aliasOrUsername, 'target-dev-hub', '--target-dev-hub');
  }
}

/** The org's username; every org @salesforce/core resolves has one. */
export function usernameOf(org: Org): string {
  const username = org.getUsername();
  if (!username) throw new OrgToolkitError('the org has no username in its sf authorization');
  return username;
}

function explain(error: unknown, name: string | undefined, config: string, flag: string): OrgToolkitError {
  const reason = error instanceof Error ? error.name : '';
  if (!name && /NoUsername|NoDefault|NoAuthInfo/i.test(reason))
    return new OrgToolkitError(
      `no ${config} given: pass ${flag} <alias|username> or set a default with \`sf config set ${config}=<alias>\``,
    );
  if (/NamedOrgNotFound|NoAuthInfoFound|AuthInfo/i.test(reason))
    return new OrgToolkitError(
      `no org "${name}" is authorized here: log in with \`sf org login web --alias ${name}\` ` +
        `(or \`sf org login sfdx-url\` / \`sf org login jwt\`), then run the command again`,
    );
  return new OrgToolkitError(`cannot use ${name ? `org "${name}"` : `the default ${config}`}: ${messageOf(error)}`);
}
