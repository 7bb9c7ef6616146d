import { Org } from '@salesforce/core';
import { messageOf, OrgToolkitError } from './errors.ts';
import { orgStep, type NetworkOptions } from './network.ts';

/**
 * Orgs are found the way `sf` finds them: a username or alias, else the `target-org` /
 * `target-dev-hub` config (or SF_TARGET_ORG / SF_TARGET_DEV_HUB). Authentication itself is the sf
 * CLI's job (`sf org login web | jwt | sfdx-url`); this module only reads what sf stored, and
 * never prints or writes a token.
 *
 * Connecting is a network step: @salesforce/core asks the org for its API versions and its
 * Organization record. Those requests get the same deadline as every other (see network.ts), so
 * an org that accepts the connection and never answers cannot hang the command.
 */
export async function resolveTargetOrg(aliasOrUsername?: string, options: NetworkOptions = {}): Promise<Org> {
  return connect(aliasOrUsername, false, options);
}

export async function resolveDevHub(aliasOrUsername?: string, options: NetworkOptions = {}): Promise<Org> {
  return connect(aliasOrUsername, true, options);
}

async function connect(name: string | undefined, isDevHub: boolean, options: NetworkOptions): Promise<Org> {
  const [config, flag] = isDevHub ? ['target-dev-hub', '--target-dev-hub'] : ['target-org', '--target-org'];
  const org = name ?? `the default ${config}`;
  try {
    return await orgStep(
      { org, doing: 'connecting', login: name },
      () => Org.create(name ? { aliasOrUsername: name, isDevHub } : { isDevHub }),
      options,
    );
  } catch (error) {
    throw explain(error, name, config, flag);
  }
}

/** The org's username; every org @salesforce/core resolves has one. */
export function usernameOf(org: Org): string {
  const username = org.getUsername();
  if (!username) throw new OrgToolkitError('the org has no username in its sf authorization');
  return username;
}

function explain(error: unknown, name: string | undefined, config: string, flag: string): unknown {
  if (error instanceof OrgToolkitError) return error;
  const reason = error instanceof Error ? error.name : '';
  if (!name && /NoUsername|NoDefault|NoAuthInfo/i.test(reason))
    return new OrgToolkitError(
      `no ${config} given: pass ${flag} <alias|username> or set a default with \`sf config set ${config}=<alias>\``,
      { name: 'NoTargetOrg', actions: [`Pass ${flag} <alias|username>`, `or run \`sf config set ${config}=<alias>\``] },
    );
  if (/NamedOrgNotFound|NoAuthInfoFound|AuthInfo/i.test(reason))
    return new OrgToolkitError(
      `no org "${name}" is authorized here: log in with \`sf org login web --alias ${name}\` ` +
        `(or \`sf org login sfdx-url\` / \`sf org login jwt\`), then run the command again`,
      {
        name: 'OrgNotAuthorized',
        actions: [`sf org login web --alias ${name}`, 'or `sf org login sfdx-url` / `sf org login jwt`'],
      },
    );
  return new OrgToolkitError(`cannot use ${name ? `org "${name}"` : `the default ${config}`}: ${messageOf(error)}`, {
    name: 'OrgUnusable',
    actions: ['Check the org with `sf org display`'],
    cause: error,
  });
}
