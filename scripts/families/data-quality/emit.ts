import { at, type GeneratedFile } from '../../core/family.ts';
import { metadataXml, XSI_NS } from '../../core/xml.ts';
import type { DataQualityModel, DuplicateRuleDef } from './builders.ts';
import { sortOrderOf } from './sort-order.ts';

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
      content: await metadataXml('DuplicateRule', duplicateRuleXml(model, rule), { xsi: XSI_NS }),
    });
  }
  return files;
}

/** A nil element, as a retrieve writes a required element that holds nothing. */
const NIL = { '@_xsi:nil': 'true' };

/**
 * A duplicate rule as a retrieve writes it, always inactive (a retrieve after the activation step
 * says true): Salesforce rejects a duplicate rule
 * deployed active together with the matching rules it uses (they activate asynchronously), so
 * the rules deploy inactive and the deploy activates them once their matching rules are active
 * (the family's `activations`).
 */
function duplicateRuleXml(model: DataQualityModel, rule: DuplicateRuleDef): Record<string, unknown> {
  return {
    actionOnInsert: rule.onCreate === 'Block' ? 'Block' : 'Allow',
    actionOnUpdate: rule.onEdit === 'Block' ? 'Block' : 'Allow',
    alertText: rule.alertText,
    // A retrieve writes a rule without description as nil, like one without alert text.
    description: rule.description ?? NIL,
    duplicateRuleFilter: NIL,
    duplicateRuleMatchRules: rule.matchingRules.map((m) => ({
      matchRuleSObjectType: m.object,
      matchingRule: m.rule,
      objectMapping: NIL,
    })),
    isActive: false,
    masterLabel: rule.label,
    operationsOnInsert: rule.onCreate === 'Block' ? [] : ['Alert', 'Report'],
    operationsOnUpdate: rule.onEdit === 'Block' ? [] : ['Alert', 'Report'],
    securityOption: 'EnforceSharingRules',
    sortOrder: sortOrderOf(model, rule),
  };
}
