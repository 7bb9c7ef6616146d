import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml } from '../../core/xml.ts';
import type { RolesModel } from './builders.ts';

/**
 * Roles give no access of their own beyond the hierarchy (None / Edit defaults would widen what
 * the org-wide defaults and permission sets decide), so the access levels are the narrowest.
 */
export async function emitRoles(model: RolesModel): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const r of model.roles) {
    files.push({
      path: at('roles', `${r.name}.role-meta.xml`),
      content: await metadataXml('Role', {
        caseAccessLevel: 'None',
        contactAccessLevel: 'None',
        description: r.description,
        mayForecastManagerShare: r.mayForecastManagerShare,
        name: r.label,
        opportunityAccessLevel: 'None',
        parentRole: r.parent,
      }),
    });
  }
  for (const g of model.publicGroups) {
    files.push({
      path: at('groups', `${g.name}.group-meta.xml`),
      content: await metadataXml('Group', { doesIncludeBosses: g.includeBosses, name: g.label }),
    });
  }
  return files;
}
