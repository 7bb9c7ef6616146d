import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml } from '../../core/xml.ts';
import type { DataQualityModel } from './builders.ts';

/** Matching rules (one file per object) and duplicate rules (one file per rule). */
export async function emitDataQuality(model: DataQualityModel): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  const objects = [...new Set(model.matchingRules.map((r) => r.object))].sort();
  for (const object of objects) {
    files.push({
      path: at('matchingRules', `${object}.matchingRule-meta.xml`),
      content: await metadataXml('MatchingRules', {
        matchingRules: model.matchingRules
          .filter((r) => r.object === object)
          .map((r) => ({
            fullName: r.name,
            booleanFilter: r.booleanFilter,
            description: r.description,
            label: r.label,
            matchingRuleItems: r.items.map((item) => ({
              blankValueBehavior: item.blankMatches ? 'MatchBlanks' : 'NullNotAllowed',
              fieldName: item.field.field,
              matchingMethod: item.method,
            })),
            ruleStatus: 'Active',
          })),
      }),
    });
  }
  for (const rule of model.duplicateRules) {
    files.push({
      path: at('duplicateRules', `${rule.object}.${rule.name}.duplicateRule-meta.xml`),
      content: await metadataXml('DuplicateRule', {
        actionOnInsert: rule.onCreate === 'Block' ? 'Block' : 'Allow',
        actionOnUpdate: rule.onEdit === 'Block' ? 'Block' : 'Allow',
        alertText: rule.alertText,
        description: rule.description,
        duplicateRuleMatchRules: rule.matchingRules.map((m) => ({
          matchRuleSObjectType: m.object,
          matchingRule: m.rule,
        })),
        isActive: true,
        masterLabel: rule.label,
        operationsOnInsert: rule.onCreate === 'Block' ? [] : ['Alert', 'Report'],
        operationsOnUpdate: rule.onEdit === 'Block' ? [] : ['Alert', 'Report'],
        securityOption: 'EnforceSharingRules',
        sortOrder: rule.order,
      }),
    });
  }
  return files;
}
