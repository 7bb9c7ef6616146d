/** De-duplication: matching rules (how two records compare) and duplicate rules (what happens then). */
import type { FieldRef } from '../../core/model-types.ts';

/** How a matching rule compares one field. Salesforce has no domain method: normalise the domain into a field and match it Exact. */
export interface MatchingRuleItemDef {
  readonly field: FieldRef;
  readonly method: 'Exact' | 'FirstName' | 'LastName' | 'CompanyName' | 'Phone' | 'City' | 'Street' | 'Zip' | 'Title';
  /** Whether two blank values count as a match. */
  readonly blankMatches?: boolean;
}
export interface MatchingRuleDef {
  readonly kind: 'matchingRule';
  readonly object: string;
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly items: readonly MatchingRuleItemDef[];
  /** e.g. `1 OR 2`; all items must match when absent. */
  readonly booleanFilter?: string;
  readonly locked?: boolean;
}
export const matchingRule = (
  object: { apiName: string },
  name: string,
  o: {
    label: string;
    description?: string;
    items: readonly MatchingRuleItemDef[];
    booleanFilter?: string;
    locked?: boolean;
  },
): MatchingRuleDef => ({ kind: 'matchingRule', object: object.apiName, name, ...o });
export const exact = (field: FieldRef): MatchingRuleItemDef => ({ field, method: 'Exact' });
export const fuzzy = (field: FieldRef, method: MatchingRuleItemDef['method']): MatchingRuleItemDef => ({
  field,
  method,
});

export interface DuplicateRuleDef {
  readonly kind: 'duplicateRule';
  readonly object: string;
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  /** Block the save, or allow it and alert (and report) the duplicate. */
  readonly onCreate: 'Block' | 'Alert';
  readonly onEdit: 'Block' | 'Alert';
  readonly alertText: string;
  readonly matchingRules: readonly { readonly object: string; readonly rule: string }[];
  /** Position among the model's duplicate rules on the object (1, 2, ...); the org's own rules come first. */
  readonly order: number;
  /** Whether the deploy activates it (rules always deploy inactive, then are activated). */
  readonly active: boolean;
  readonly locked?: boolean;
}
export const duplicateRule = (
  object: { apiName: string },
  name: string,
  o: {
    label: string;
    description?: string;
    onCreate: 'Block' | 'Alert';
    onEdit: 'Block' | 'Alert';
    alertText: string;
    matchingRules: readonly MatchingRuleDef[];
    order?: number;
    active?: boolean;
    locked?: boolean;
  },
): DuplicateRuleDef => ({
  kind: 'duplicateRule',
  object: object.apiName,
  name,
  label: o.label,
  description: o.description,
  onCreate: o.onCreate,
  onEdit: o.onEdit,
  alertText: o.alertText,
  matchingRules: o.matchingRules.map((r) => ({ object: r.object, rule: r.name })),
  order: o.order ?? 1,
  active: o.active ?? true,
  locked: o.locked,
});

/** What this family adds to the model. */
export interface DataQualityModel {
  readonly matchingRules: readonly MatchingRuleDef[];
  readonly duplicateRules: readonly DuplicateRuleDef[];
  /**
   * Duplicate rules the target org already holds, by object, when they differ from a new org's
   * standard rules (see STANDARD_DUPLICATE_RULES): ours are numbered after them.
   */
  readonly existingDuplicateRules?: Readonly<Record<string, number>>;
}
