import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml } from '../../core/xml.ts';
import type { SharingRuleDef, SharingRulesModel } from './builders.ts';

/** One SharingRules file per object (`sharingRules/`); the roles family writes the groups. */
export async function emitSharing(model: SharingRulesModel): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  const objects = [...new Set(model.sharingRules.map((r) => r.object))].sort();
  for (const object of objects) {
    const rules = model.sharingRules.filter((r) => r.object === object);
    files.push({
      path: at('sharingRules', `${object}.sharingRules-meta.xml`),
      content: await metadataXml('SharingRules', {
        sharingCriteriaRules: rules.filter((r) => r.criteria).map(criteriaRule),
        sharingOwnerRules: rules.filter((r) => r.ownedBy).map(ownerRule),
      }),
    });
  }
  return files;
}

const base = (rule: SharingRuleDef) => ({
  fullName: rule.name,
  accessLevel: rule.access,
  description: rule.description,
  label: rule.label,
  sharedTo: { group: [rule.sharedTo] },
});

function criteriaRule(rule: SharingRuleDef): Record<string, unknown> {
  return {
    ...base(rule),
    criteriaItems: (rule.criteria ?? []).map((c) => ({
      field: c.field.field,
      operation: c.operation,
      value: c.values.join(','),
    })),
    // Records owned by any user, including portal and guest users, are evaluated.
    includeRecordsOwnedByAll: true,
  };
}

function ownerRule(rule: SharingRuleDef): Record<string, unknown> {
  return { ...base(rule), sharedFrom: { group: [rule.ownedBy] } };
}
