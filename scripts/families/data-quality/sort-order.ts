import type { DataQualityModel, DuplicateRuleDef } from './builders.ts';

/**
 * The standard duplicate rules a new org (scratch or production) already holds, by object:
 * Salesforce numbers an object's duplicate rules 1..n without gaps, so ours come after these.
 * An org whose rules differ says so in the model (`existingDuplicateRules`).
 */
export const STANDARD_DUPLICATE_RULES: Readonly<Record<string, readonly string[]>> = {
  Account: ['Standard_Account_Duplicate_Rule'],
  Contact: ['Standard_Contact_Duplicate_Rule', 'Standard_Rule_for_Contacts_with_Duplicate_Leads'],
  Lead: ['Standard_Lead_Duplicate_Rule', 'Standard_Rule_for_Leads_with_Duplicate_Contacts'],
};

/** How many duplicate rules the target org holds on `object` before ours. */
export const existingRules = (model: DataQualityModel, object: string): number =>
  model.existingDuplicateRules?.[object] ?? STANDARD_DUPLICATE_RULES[object]?.length ?? 0;

/** The rule's sortOrder in the org: after the org's own rules, in the model's order. */
export const sortOrderOf = (model: DataQualityModel, rule: DuplicateRuleDef): number =>
  existingRules(model, rule.object) + rule.order;
