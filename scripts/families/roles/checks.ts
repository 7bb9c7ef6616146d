/** Role names, a hierarchy without cycles, unique public groups. */
import type { CheckContext } from '../../core/checks.ts';
import type { RolesModel } from './builders.ts';

export function checkRoles(model: RolesModel, check: CheckContext): void {
  check.unique(
    model.roles,
    (r) => r.name,
    (r) => `Role ${r.name}`,
    'role',
  );
  check.unique(
    model.publicGroups,
    (g) => g.name,
    (g) => `Group ${g.name}`,
    'public group',
  );
  const roles = new Map(model.roles.map((r) => [r.name, r]));
  for (const r of model.roles) {
    check.apiName(r, `Role ${r.name}`, r.name);
    if (r.parent && !roles.has(r.parent))
      check.report(r, `Role ${r.name}`, `parent role ${r.parent} is not in the model`);
    // Walk up: a role that reaches itself would make the hierarchy a loop Salesforce rejects.
    const seen = new Set<string>();
    for (let at: string | undefined = r.name; at; at = roles.get(at)?.parent) {
      if (seen.has(at)) {
        check.report(r, `Role ${r.name}`, 'the role hierarchy loops back to this role');
        break;
      }
      seen.add(at);
    }
  }
  for (const g of model.publicGroups) check.apiName(g, `Group ${g.name}`, g.name);
}
